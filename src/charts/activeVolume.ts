/**
 * Active-disclosure volume (active_total, the narrative headline figure) by unit: horizontal bars, one
 * value per unit on a stated basis (summed over the range, the latest year each unit reported, or one
 * year), sorted, with full names and the reports behind each bar written at its end. The bars are
 * stacked by year, so a sum shows which years it is made of. Missing values are never drawn as 0.
 */
import type { EChartsOption } from 'echarts'
import type { ActiveByUnitYearRow } from '../queries/rows'
import type { UnitBasis } from '../queries/basis'
import { NO_VALUE, baseOption, cell, legendSpace, type Cell } from './common'
import { unitAxis } from './byUnit'
import { escapeHtml, formatNumber, tooltipLine } from './escape'
import { PALETTE } from './theme'
import type { ChartCtx, ChartNote } from './types'

export { activeVolumeHeatmap, heatmapTooltip, renderEmptyCell, renderMissingCell } from './activeHeatmap'
export { volumeGrid, type VolumeOpts } from './activeGrid'
import { isMerged, stated, volumeGrid, type UnitInfo, type VolumeGrid, type VolumeOpts } from './activeGrid'

/** Units the query merged into "others" rows (not drawn one by one; 0 when every unit came). */
export function activeVolumeMerged(rows: readonly ActiveByUnitYearRow[]): number {
  return rows.find(isMerged)?.mergedUnits ?? 0
}

/** Rows for the data table: the merged rows named like the rest in the notes and export ("其他（n 个单位）"). */
export function activeVolumeTableRows(rows: readonly ActiveByUnitYearRow[], ctx: ChartCtx): ActiveByUnitYearRow[] {
  return rows.map((r) => (isMerged(r) ? { ...r, unitName: ctx.t('charts.others', { n: r.mergedUnits ?? 0 }) } : r))
}

/** Distinct units listed one by one (the merged rows left out). */
export function activeVolumeUnitCount(rows: readonly ActiveByUnitYearRow[]): number {
  return new Set(rows.filter((r) => !isMerged(r)).map((r) => r.unitCode)).size
}

/** Values left out (blank in a loaded report) and unit-years without a report, merged rows included. */
export function activeVolumeNote(rows: readonly ActiveByUnitYearRow[]): ChartNote {
  const g = volumeGrid(rows)
  let missing = 0
  let own = 0
  for (const u of g.units) for (const r of u.byYear.values()) { own++; if (!stated(r.activeTotal)) missing++ }
  let mergedReports = 0
  for (const r of g.merged.values()) { missing += r.mergedMissing ?? 0; mergedReports += r.mergedReports ?? 0 }
  return { missing, notLoaded: g.units.length * g.years.length - own + g.mergedUnits * g.years.length - mergedReports }
}

/** The merged rest's total per year (only stated values; none: no value). */
function restTotal(g: VolumeGrid, year: number): Cell {
  const m = g.merged.get(year)?.activeTotal
  return stated(m) ? m : NO_VALUE
}

/**
 * The notes under (and in every export of) the bars: the basis, what was left out, the merged rest.
 * `range`: the years of the filters, for the basis sentence.
 */
export function activeVolumeNotes(rows: readonly ActiveByUnitYearRow[], basis: UnitBasis, ctx: ChartCtx): string[] {
  const g = volumeGrid(rows, basis)
  const out: string[] = []
  const shown = g.units.filter((u) => u.basisYears.length > 0)
  const reports = shown.map((u) => u.basisYears.length)
  const from = g.years[0]
  const to = g.years[g.years.length - 1]
  if (basis.kind === 'sum') {
    const lo = Math.min(...reports)
    const hi = Math.max(...reports)
    out.push(ctx.t('charts.basisSumNote', { years: from === to ? String(from ?? '') : `${from}–${to}`, spread: lo === hi ? String(lo) : `${lo}–${hi}` }))
  } else if (basis.kind === 'latest') out.push(ctx.t('charts.basisLatestNote'))
  else out.push(ctx.t('charts.basisYearNote', { year: basis.year, n: shown.length, m: g.units.length - shown.length }))
  const blanks = shown.reduce((a, u) => a + u.blanks, 0)
  if (blanks > 0) out.push(ctx.t('charts.noteMissing', { n: blanks }))
  const noBar = shown.filter((u) => u.value == null).length
  if (noBar > 0) out.push(ctx.t('charts.noBar', { n: noBar }))
  if (g.mergedUnits > 0) {
    const items = g.years.map((year) => ctx.t('charts.othersYear', { year, value: formatNumber(restTotal(g, year) === NO_VALUE ? null : (restTotal(g, year) as number), ctx.locale) }))
    out.push(`${ctx.t('charts.othersTotal', { n: formatNumber(g.mergedUnits, ctx.locale) })}${items.join(ctx.t('charts.listSep'))}`)
  }
  return out
}

/** Text at the end of a unit's bar: its value and the reports behind it. */
function barEnd(u: UnitInfo, basis: UnitBasis | undefined, ctx: ChartCtx): string {
  const v = formatNumber(u.value, ctx.locale)
  const blanks = u.blanks > 0 ? ctx.t('charts.barBlanks', { n: u.blanks }) : ''
  if (basis && basis.kind !== 'sum') return `${v} · ${ctx.t('charts.yearLabel', { year: u.basisYears[0] })}${blanks}`
  return `${v} · ${ctx.t('charts.reportsN', { n: u.basisYears.length })}${blanks}`
}

/**
 * Horizontal bars, one per unit, stacked by year (series `year-YYYY`): summed over the range by default,
 * or only the latest / the chosen year's segment. The value and the number of reports stand at the end of
 * each bar. `highlight`: a unit picked on this chart (cross-filter) stays bright, the others are dimmed.
 */
export function activeVolumeBars(rows: readonly ActiveByUnitYearRow[], ctx: ChartCtx, opts: VolumeOpts = {}): EChartsOption {
  const g = volumeGrid(rows, opts.basis)
  const shown = g.units.filter((u) => u.basisYears.length > 0)
  const categories = shown.map((u) => g.labels.get(u.code) ?? u.name)
  const yearNames = g.years.map((year) => ctx.t('charts.yearLabel', { year }))
  // The last segment of a bar (its latest year with a value) carries the bar's end label.
  const lastYear = new Map(shown.map((u) => [u.code, [...u.basisYears].reverse().find((y) => stated(u.byYear.get(y)?.activeTotal))]))
  const dim = opts.highlight ? { opacity: 0.3 } : undefined
  const series = g.years.map((year, i) => ({
    type: 'bar' as const,
    name: yearNames[i],
    id: `year-${year}`,
    stack: 'unit',
    data: shown.map((u) => {
      const v: Cell = u.basisYears.includes(year) ? cell(u.byYear.get(year)?.activeTotal) : NO_VALUE
      const end = lastYear.get(u.code) === year
      const faded = dim && u.code !== opts.highlight
      return {
        value: v,
        unitCode: u.code, // a click picks this unit (useCrossFilter)
        ...(faded ? { itemStyle: dim } : {}),
        ...(end ? { label: { show: true, position: 'right' as const, formatter: barEnd(u, opts.basis, ctx), color: '#303133', fontSize: 11 } } : {}),
      }
    }),
    itemStyle: { color: PALETTE[i % PALETTE.length] },
    barMaxWidth: 18,
    emphasis: { focus: 'series' as const },
  }))
  const dataset = g.mergedUnits > 0 ? {
    source: [
      [ctx.t('charts.unitCol'), ...yearNames],
      ...shown.map((u, ci) => [categories[ci], ...g.years.map((y) => (stated(u.byYear.get(y)?.activeTotal) ? u.byYear.get(y)!.activeTotal : null))]),
      [ctx.t('charts.others', { n: g.mergedUnits }), ...g.years.map((y) => { const v = restTotal(g, y); return v === NO_VALUE ? null : v })],
    ],
  } : undefined
  return {
    ...baseOption(ctx),
    ...(dataset ? { dataset } : {}),
    legend: { top: 0, type: 'plain', data: yearNames },
    grid: { left: 8, right: 132, top: legendSpace(yearNames), bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => barsTooltip(params, categories, g.years, ctx),
    },
    xAxis: { type: 'value', name: ctx.t('charts.activeUnit'), nameLocation: 'middle', nameGap: 22, minInterval: 1, axisLabel: { hideOverlap: true } },
    yAxis: unitAxis(categories),
    series,
  }
}

interface AxisParam { dataIndex: number; seriesIndex: number; value: unknown; data?: unknown }

export function barsTooltip(params: unknown, categories: readonly string[], years: readonly number[], ctx: ChartCtx): string {
  const list = (Array.isArray(params) ? params : [params]) as AxisParam[]
  if (list.length === 0) return ''
  const idx = list[0].dataIndex
  const lines = [`<b>${escapeHtml(categories[idx] ?? '')}</b>`]
  for (const p of list) {
    const raw = p.value && typeof p.value === 'object' && 'value' in (p.value as object) ? (p.value as { value: unknown }).value : p.value
    if (raw === NO_VALUE || raw == null) continue // no report in that year (or outside the basis)
    const year = years[p.seriesIndex]
    const v = typeof raw === 'number' ? formatNumber(raw, ctx.locale) : ctx.t('charts.noValue')
    lines.push(tooltipLine(PALETTE[p.seriesIndex % PALETTE.length], ctx.t('charts.yearLabel', { year }), v))
  }
  return lines.join('<br/>')
}
