/**
 * Unit × year heatmap of active_total, over the years that hold data and in the bars' unit order (largest
 * on top). A (unit, year) with a report whose figure is blank is outlined and marked "—"; a (unit, year)
 * without a report is a faint dashed cell (its own custom series, so the tooltip can say so). Neither is 0.
 */
import type { CustomSeriesRenderItem, CustomSeriesRenderItemReturn, EChartsOption } from 'echarts'
import type { ActiveByUnitYearRow } from '../queries/rows'
import { NO_VALUE, baseOption, cell } from './common'
import { unitAxis } from './byUnit'
import { escapeHtml, formatNumber, marker } from './escape'
import { EMPTY_FILL, EMPTY_STROKE, MISSING_STROKE, SEQUENTIAL } from './theme'
import type { ChartCtx } from './types'
import { volumeGrid, type VolumeOpts } from './activeGrid'

export interface HeatmapOpts extends VolumeOpts {
  /** A cell picked on this chart (cross-filter): outlined. */
  highlightYear?: number | null
}

export function activeVolumeHeatmap(rows: readonly ActiveByUnitYearRow[], ctx: ChartCtx, opts: HeatmapOpts = {}): EChartsOption {
  const g = volumeGrid(rows, opts.basis)
  // The bars' order; units the basis leaves out of the bars (no report in the chosen year) come last.
  const units = [...g.units.filter((u) => u.basisYears.length > 0), ...g.units.filter((u) => u.basisYears.length === 0)]
  const unitLabels = units.map((u) => g.labels.get(u.code) ?? u.name)
  const yearLabels = g.years.map(String)

  const values: unknown[] = []
  const notLoaded: [number, number][] = []
  const missing: [number, number][] = []
  let max = 0
  units.forEach((u, y) => {
    g.years.forEach((year, x) => {
      const r = u.byYear.get(year)
      if (!r) { notLoaded.push([x, y]); return }
      const v = cell(r.activeTotal)
      if (typeof v === 'number' && v > max) max = v
      else if (v === NO_VALUE) missing.push([x, y])
      const picked = opts.highlight === u.code && (opts.highlightYear == null || opts.highlightYear === year)
      values.push(picked ? { value: [x, y, v], itemStyle: { borderColor: '#D55E00', borderWidth: 2 } } : [x, y, v])
    })
  })

  return {
    ...baseOption(ctx),
    grid: { left: 8, right: units.length > 30 ? 40 : 16, top: 28, bottom: 64, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => heatmapTooltip(p, unitLabels, yearLabels, ctx),
    },
    xAxis: { type: 'category', data: yearLabels, splitArea: { show: true }, position: 'top', axisLabel: { interval: 0 } },
    yAxis: unitAxis(unitLabels, { splitArea: { show: true } }),
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max: Math.max(1, max),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 160,
      inRange: { color: [...SEQUENTIAL] },
    },
    series: [
      {
        type: 'heatmap',
        id: 'values',
        name: ctx.t('charts.activeUnit'),
        data: values as never,
        label: { show: g.years.length <= 12, fontSize: 11 },
        emphasis: { itemStyle: { borderColor: '#303133', borderWidth: 1 } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
      cellMarks('not-loaded', ctx.t('charts.notLoaded'), notLoaded, renderEmptyCell),
      // A report is loaded but its figure is blank/not applicable: outlined, not filled.
      cellMarks('missing-value', ctx.t('charts.noValue'), missing, renderMissingCell),
    ],
  }
}

/** Marks drawn on some cells (no report, a blank figure): a custom series located by [x, y]. */
const cellMarks = (id: string, name: string, data: [number, number][], renderItem: CustomSeriesRenderItem) => ({
  type: 'custom' as const, id, name, data, encode: { x: 0, y: 1 }, renderItem, tooltip: { show: true }, z: 1,
})

/** Notes of the heatmap: what its two kinds of empty cells mean (only those drawn), the merged rest. */
export function heatmapNotes(rows: readonly ActiveByUnitYearRow[], ctx: ChartCtx): string[] {
  const g = volumeGrid(rows)
  const out: string[] = []
  let none = 0
  let blank = 0
  for (const u of g.units) {
    for (const y of g.years) {
      const r = u.byYear.get(y)
      if (!r) none++
      else if (cell(r.activeTotal) === NO_VALUE) blank++
    }
  }
  if (none > 0) out.push(ctx.t('charts.heatNoReport'))
  if (blank > 0) out.push(ctx.t('charts.heatBlank', { n: blank }))
  if (g.mergedUnits > 0) out.push(ctx.t('load.heatmapMerged', { total: g.units.length + g.mergedUnits, n: g.units.length }))
  return out
}

/** Draws one "no report loaded" cell as a faint dashed rectangle (custom series). */
export const renderEmptyCell: CustomSeriesRenderItem = (_params, api) => {
  const [cx, cy] = api.coord([api.value(0), api.value(1)])
  const sz = api.size ? api.size([1, 1]) : [20, 20]
  const [w, h] = Array.isArray(sz) ? sz : [sz, sz]
  const item = {
    type: 'rect',
    shape: { x: cx - w / 2 + 2, y: cy - h / 2 + 2, width: Math.max(0, w - 4), height: Math.max(0, h - 4) },
    style: { fill: EMPTY_FILL, stroke: EMPTY_STROKE, lineDash: [2, 3], lineWidth: 1, opacity: 0.6 },
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
  const d = q.data && typeof q.data === 'object' && !Array.isArray(q.data) && 'value' in (q.data as object) ? (q.data as { value: unknown }).value : q.data
  const v = (Array.isArray(q.value) ? q.value : Array.isArray(d) ? d : []) as unknown[]
  const x = Number(v[0])
  const y = Number(v[1])
  const head = `<b>${escapeHtml(units[y] ?? '')}</b> · ${escapeHtml(ctx.t('charts.yearLabel', { year: years[x] ?? '' }))}`
  if (q.seriesId === 'not-loaded') return `${head}<br/>${escapeHtml(ctx.t('charts.notLoaded'))}`
  if (q.seriesId === 'missing-value') return `${head}<br/>${escapeHtml(ctx.t('charts.noValue'))}`
  const val = typeof v[2] === 'number' ? formatNumber(v[2], ctx.locale) : ctx.t('charts.noValue')
  return `${head}<br/>${marker(SEQUENTIAL[3])}${escapeHtml(ctx.t('charts.activeUnit'))}${escapeHtml(ctx.t('charts.colon'))}<b>${escapeHtml(val)}</b>`
}
