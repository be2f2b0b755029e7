/**
 * Active-disclosure volume (active_total, the narrative headline figure) per unit and year:
 * grouped bars and a unit × year heatmap. Missing values are never drawn as 0.
 */
import type { CustomSeriesRenderItem, CustomSeriesRenderItemReturn, EChartsOption } from 'echarts'
import { compareZh } from '../domain/collate'
import type { ActiveByUnitYearRow } from '../queries/rows'
import { NO_VALUE, baseOption, cell, shortLabel, uniqueUnitLabels, type Cell } from './common'
import { escapeHtml, formatNumber, marker, tooltipLine } from './escape'
import { EMPTY_FILL, EMPTY_STROKE, MISSING_STROKE, PALETTE, SEQUENTIAL } from './theme'
import type { ChartCtx, ChartNote } from './types'

/** More units than this are cut to the top TOP_N bars; the rest is summed per year in a note under the bars. */
export const MAX_UNITS = 40
export const TOP_N = 30

interface UnitInfo { code: string; name: string; parent: string | null; total: number }

interface Grid {
  years: number[]
  units: UnitInfo[]
  /** unitCode → year → row (present = a report is loaded). */
  byUnit: Map<string, Map<number, ActiveByUnitYearRow>>
  labels: Map<string, string>
  /** The query's merged rows (units beyond its limit), by year. */
  merged: Map<number, ActiveByUnitYearRow>
  /** How many units those rows merge (0: none). */
  mergedUnits: number
}

const isMerged = (r: ActiveByUnitYearRow): boolean => r.mergedUnits != null

function grid(rows: readonly ActiveByUnitYearRow[]): Grid {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)
  const byUnit = new Map<string, Map<number, ActiveByUnitYearRow>>()
  const info = new Map<string, UnitInfo>()
  const merged = new Map<number, ActiveByUnitYearRow>()
  let mergedUnits = 0
  for (const r of rows) {
    if (isMerged(r)) { merged.set(r.year, r); mergedUnits = r.mergedUnits ?? 0; continue }
    let m = byUnit.get(r.unitCode)
    if (!m) byUnit.set(r.unitCode, (m = new Map()))
    if (!m.has(r.year)) m.set(r.year, r)
    let u = info.get(r.unitCode)
    if (!u) info.set(r.unitCode, (u = { code: r.unitCode, name: r.unitName, parent: r.parentName, total: 0 }))
    if (r.activeTotal != null && Number.isFinite(r.activeTotal)) u.total += r.activeTotal
  }
  // Largest first, ties by code so the order is stable between runs.
  const units = [...info.values()].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code))
  return { years, units, byUnit, labels: uniqueUnitLabels(units), merged, mergedUnits }
}

/** Units the query merged into "others" rows (not drawn one by one; 0 when every unit came). */
export function activeVolumeMerged(rows: readonly ActiveByUnitYearRow[]): number {
  return rows.find(isMerged)?.mergedUnits ?? 0
}

/** Rows for the data table: the merged rows named like the rest in the bars' note and export ("其他（n 个单位）"). */
export function activeVolumeTableRows(rows: readonly ActiveByUnitYearRow[], ctx: ChartCtx): ActiveByUnitYearRow[] {
  return rows.map((r) => (isMerged(r) ? { ...r, unitName: ctx.t('charts.others', { n: r.mergedUnits ?? 0 }) } : r))
}

/** Distinct units listed one by one (the merged rows left out). */
export function activeVolumeUnitCount(rows: readonly ActiveByUnitYearRow[]): number {
  return new Set(rows.filter((r) => !isMerged(r)).map((r) => r.unitCode)).size
}

export function activeVolumeNote(rows: readonly ActiveByUnitYearRow[]): ChartNote {
  const g = grid(rows)
  let missing = 0
  let mergedReports = 0
  for (const m of g.byUnit.values()) for (const r of m.values()) if (r.activeTotal == null) missing++
  for (const r of g.merged.values()) { missing += r.mergedMissing ?? 0; mergedReports += r.mergedReports ?? 0 }
  const own = rows.length - g.merged.size
  return {
    missing,
    notLoaded: g.units.length * g.years.length - own + countDuplicates(rows.filter((r) => !isMerged(r))) +
      g.mergedUnits * g.years.length - mergedReports,
  }
}

function countDuplicates(rows: readonly ActiveByUnitYearRow[]): number {
  const seen = new Set<string>()
  let d = 0
  for (const r of rows) {
    const k = `${r.unitCode}\u0000${r.year}`
    if (seen.has(k)) d++
    else seen.add(k)
  }
  return d
}

/** Items of the rest's per-year totals on one line of the note under the bars. */
const REST_PER_LINE = 3

/**
 * Bars per unit, one series per year. With more than MAX_UNITS units (or rows the query merged), the
 * top TOP_N units are drawn and the rest is not a bar: its per-year total (tens of times a unit's
 * figure at province scale) would set the value axis and flatten the units' bars. The rest's exact
 * totals are written under the bars (the category axis' name, so that exports keep it in place) and
 * go to CSV/xlsx as the last row of the chart's data table (`dataset`, read by `optionToTable`; not
 * drawn — every series has its own `data`).
 */
export function activeVolumeBars(rows: readonly ActiveByUnitYearRow[], ctx: ChartCtx): EChartsOption {
  const g = grid(rows)
  const cut = g.units.length > MAX_UNITS || g.mergedUnits > 0
  const shown = cut ? g.units.slice(0, TOP_N) : g.units
  const rest = cut ? g.units.slice(TOP_N) : []
  const categories = shown.map((u) => g.labels.get(u.code) ?? u.name)
  const yearNames = g.years.map((year) => ctx.t('charts.yearLabel', { year }))
  const values: Cell[][] = g.years.map((year) => shown.map((u) => cell(g.byUnit.get(u.code)?.get(year)?.activeTotal)))

  const series = g.years.map((year, i) => ({
    type: 'bar' as const,
    name: yearNames[i],
    id: `year-${year}`,
    data: values[i],
    itemStyle: { color: PALETTE[i % PALETTE.length] },
    barMaxWidth: 28,
    emphasis: { focus: 'series' as const },
  }))

  const rotate = categories.length > 8 ? 40 : 0
  let bottom = rotate ? 96 : 40
  let restAxis: { name: string; nameLocation: 'middle'; nameGap: number; nameTextStyle: Record<string, unknown> } | null = null
  let dataset: { source: (string | number | null)[][] } | undefined
  if (cut) {
    const restUnits = rest.length + g.mergedUnits
    const restLabel = ctx.t('charts.others', { n: restUnits })
    const totals = g.years.map((year) => restTotal(g, rest, year))
    const items = g.years.map((year, i) => ctx.t('charts.othersYear', {
      year, value: typeof totals[i] === 'number' ? formatNumber(totals[i], ctx.locale) : ctx.t('charts.noValue'),
    }))
    const lines = [ctx.t('charts.othersTotal', { n: formatNumber(restUnits, ctx.locale) })]
    for (let i = 0; i < items.length; i += REST_PER_LINE) lines.push(items.slice(i, i + REST_PER_LINE).join(ctx.t('charts.listSep')))
    const gap = rotate ? 92 : 30
    restAxis = {
      name: lines.join('\n'),
      nameLocation: 'middle',
      nameGap: gap,
      nameTextStyle: { color: '#606266', fontSize: 12, lineHeight: 18, align: 'center', verticalAlign: 'top' },
    }
    bottom = gap + lines.length * 18 + 12
    const num = (v: Cell): number | null => (typeof v === 'number' ? v : null)
    dataset = {
      source: [
        [ctx.t('charts.unitCol'), ...yearNames],
        ...categories.map((c, ci) => [c, ...values.map((v) => num(v[ci]))]),
        [restLabel, ...totals.map(num)],
      ],
    }
  }

  return {
    ...baseOption(ctx),
    ...(dataset ? { dataset } : {}),
    legend: { top: 0, type: 'scroll' },
    // top: room for the legend row above the value axis' name (they overlapped at 40)
    grid: { left: 56, right: 24, top: 56, bottom, containLabel: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => barsTooltip(params, categories, g.years, ctx),
    },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { rotate, interval: 0, formatter: (v: string) => shortLabel(v, 10) },
      ...(restAxis ?? {}),
    },
    yAxis: { type: 'value', name: ctx.t('charts.activeUnit'), minInterval: 1 },
    series,
  }
}

/** The rest's total in a year: units beyond the top ones plus the query's merged row; only stated values (none: no value). */
function restTotal(g: Grid, rest: readonly UnitInfo[], year: number): Cell {
  let sum = 0
  let any = false
  for (const u of rest) {
    const v = g.byUnit.get(u.code)?.get(year)?.activeTotal
    if (v != null && Number.isFinite(v)) { sum += v; any = true }
  }
  const m = g.merged.get(year)?.activeTotal
  if (m != null && Number.isFinite(m)) { sum += m; any = true }
  return any ? sum : NO_VALUE
}

interface AxisParam { dataIndex: number; seriesIndex: number; value: unknown; color?: unknown }

export function barsTooltip(params: unknown, categories: readonly string[], years: readonly number[], ctx: ChartCtx): string {
  const list = (Array.isArray(params) ? params : [params]) as AxisParam[]
  if (list.length === 0) return ''
  const idx = list[0].dataIndex
  const lines = [`<b>${escapeHtml(categories[idx] ?? '')}</b>`]
  for (const p of list) {
    const year = years[p.seriesIndex]
    const v = typeof p.value === 'number' ? formatNumber(p.value, ctx.locale) : ctx.t('charts.noValue')
    lines.push(tooltipLine(PALETTE[p.seriesIndex % PALETTE.length], ctx.t('charts.yearLabel', { year }), v))
  }
  return lines.join('<br/>')
}

/**
 * Unit × year heatmap. A (unit, year) with a report whose active_total is missing stays "-"
 * (not drawn); a (unit, year) with no report loaded is drawn as a hatched grey cell by a
 * separate custom series, so that the tooltip can say "未载入报告". Neither is ever 0.
 */
export function activeVolumeHeatmap(rows: readonly ActiveByUnitYearRow[], ctx: ChartCtx): EChartsOption {
  const g = grid(rows)
  // Alphabetical by parent then name reads better than by size in a table-like chart.
  const units = [...g.units].sort((a, b) =>
    compareZh(a.parent ?? '', b.parent ?? '') || compareZh(a.name, b.name) || a.code.localeCompare(b.code))
  const unitLabels = units.map((u) => g.labels.get(u.code) ?? u.name)
  const yearLabels = g.years.map(String)

  const values: [number, number, Cell][] = []
  const notLoaded: [number, number][] = []
  const missing: [number, number][] = []
  let max = 0
  units.forEach((u, y) => {
    g.years.forEach((year, x) => {
      const r = g.byUnit.get(u.code)?.get(year)
      if (!r) { notLoaded.push([x, y]); return }
      const v = cell(r.activeTotal)
      if (typeof v === 'number' && v > max) max = v
      else if (v === NO_VALUE) missing.push([x, y])
      values.push([x, y, v])
    })
  })

  const tall = units.length > 30
  return {
    ...baseOption(ctx),
    grid: { left: 8, right: tall ? 48 : 24, top: 16, bottom: 76, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => heatmapTooltip(p, unitLabels, yearLabels, ctx),
    },
    xAxis: { type: 'category', data: yearLabels, splitArea: { show: true }, position: 'top' },
    yAxis: {
      type: 'category',
      data: unitLabels,
      inverse: true,
      splitArea: { show: true },
      axisLabel: { formatter: (v: string) => shortLabel(v, 12) },
    },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max: Math.max(1, max),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 8,
      itemHeight: 160,
      inRange: { color: [...SEQUENTIAL] },
    },
    dataZoom: tall
      ? [
          { type: 'slider', yAxisIndex: 0, right: 8, width: 16, startValue: 0, endValue: 29, filterMode: 'filter' },
          { type: 'inside', yAxisIndex: 0, filterMode: 'filter', zoomOnMouseWheel: false, moveOnMouseWheel: false },
        ]
      : [],
    series: [
      {
        type: 'heatmap',
        id: 'values',
        name: ctx.t('charts.activeUnit'),
        data: values,
        label: { show: units.length * g.years.length <= 400, fontSize: 11 },
        emphasis: { itemStyle: { borderColor: '#303133', borderWidth: 1 } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
      {
        type: 'custom',
        id: 'not-loaded',
        name: ctx.t('charts.notLoaded'),
        data: notLoaded,
        encode: { x: 0, y: 1 },
        renderItem: renderEmptyCell,
        tooltip: { show: true },
        z: 1,
      },
      {
        // A report is loaded but its figure is blank/not applicable: outlined, not filled.
        type: 'custom',
        id: 'missing-value',
        name: ctx.t('charts.noValue'),
        data: missing,
        encode: { x: 0, y: 1 },
        renderItem: renderMissingCell,
        tooltip: { show: true },
        z: 1,
      },
    ],
  }
}

/** Draws one "no report loaded" cell as a dashed grey rectangle (custom series). */
export const renderEmptyCell: CustomSeriesRenderItem = (_params, api) => {
  const [cx, cy] = api.coord([api.value(0), api.value(1)])
  const sz = api.size ? api.size([1, 1]) : [20, 20]
  const [w, h] = Array.isArray(sz) ? sz : [sz, sz]
  const item = {
    type: 'rect',
    shape: { x: cx - w / 2 + 1, y: cy - h / 2 + 1, width: Math.max(0, w - 2), height: Math.max(0, h - 2) },
    style: { fill: EMPTY_FILL, stroke: EMPTY_STROKE, lineDash: [3, 3], lineWidth: 1 },
  }
  return item as CustomSeriesRenderItemReturn
}

/** Draws a cell whose report left the figure blank: white with an amber dashed outline. */
export const renderMissingCell: CustomSeriesRenderItem = (_params, api) => {
  const [cx, cy] = api.coord([api.value(0), api.value(1)])
  const sz = api.size ? api.size([1, 1]) : [20, 20]
  const [w, h] = Array.isArray(sz) ? sz : [sz, sz]
  const item = {
    type: 'group',
    children: [
      {
        type: 'rect',
        shape: { x: cx - w / 2 + 1, y: cy - h / 2 + 1, width: Math.max(0, w - 2), height: Math.max(0, h - 2) },
        style: { fill: '#fff', stroke: MISSING_STROKE, lineDash: [3, 3], lineWidth: 1 },
      },
      { type: 'text', style: { text: '—', x: cx, y: cy, align: 'center', verticalAlign: 'middle', fill: '#909399', fontSize: 12 } },
    ],
  }
  return item as CustomSeriesRenderItemReturn
}

interface ItemParam { seriesId?: string; seriesIndex?: number; value?: unknown; data?: unknown }

export function heatmapTooltip(p: unknown, units: readonly string[], years: readonly string[], ctx: ChartCtx): string {
  const q = p as ItemParam
  const v = (Array.isArray(q.value) ? q.value : Array.isArray(q.data) ? q.data : []) as unknown[]
  const x = Number(v[0])
  const y = Number(v[1])
  const head = `<b>${escapeHtml(units[y] ?? '')}</b> · ${escapeHtml(ctx.t('charts.yearLabel', { year: years[x] ?? '' }))}`
  if (q.seriesId === 'not-loaded') return `${head}<br/>${escapeHtml(ctx.t('charts.notLoaded'))}`
  if (q.seriesId === 'missing-value') return `${head}<br/>${escapeHtml(ctx.t('charts.noValue'))}`
  const val = typeof v[2] === 'number' ? formatNumber(v[2], ctx.locale) : ctx.t('charts.noValue')
  return `${head}<br/>${marker(SEQUENTIAL[3])}${escapeHtml(ctx.t('charts.activeUnit'))}：<b>${escapeHtml(val)}</b>`
}
