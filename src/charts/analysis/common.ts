/** Shared pieces of the analysis option builders: table columns, year axes, "—" for undefined values. */
import type { EChartsOption } from 'echarts'
import { baseOption, cell, legendSpace, type Cell } from '../common'
import { escapeHtml, formatNumber, formatPercent, marker } from '../escape'
import type { ChartCtx } from '../types'

/** `change`: a relative change, signed ("+7.5%"); `pp`: a difference of two rates, signed, in percentage points. */
export type ColumnKind = 'text' | 'number' | 'decimal' | 'percent' | 'year' | 'change' | 'pp'

/** A data-table column over the rows the option builder got (`value` derives a figure from a row). */
export interface TableColumn<R = Record<string, unknown>> {
  key: string
  label: string
  kind: ColumnKind
  value?: (row: R) => string | number | null | undefined
}

/** A bar/line data item that remembers which unit or year it stands for (click → select). */
interface Item { value: Cell; unitCode?: string; year?: number }

const dash = '—'

/** Display text of a cell: numbers formatted, undefined ratios and missing values as "—" (never 0 % or NaN). */
export function formatValue(v: unknown, kind: ColumnKind, locale: string): string {
  if (kind === 'text' || kind === 'year') return v == null || v === '' ? dash : String(v)
  if (typeof v !== 'number' || !Number.isFinite(v)) return dash
  if (kind === 'percent') return formatPercent(v, locale)
  if (kind === 'change') return signedPercent(v, locale)
  if (kind === 'pp') return signedPoints(v, locale)
  return formatNumber(v, locale, kind === 'decimal' ? 2 : 0)
}

const sign = (v: number): string => (v > 0 ? '+' : v < 0 ? '−' : '±')

/** A relative change with its sign: "+7.5%", "−12.0%", "±0.0%". */
function signedPercent(v: number | null | undefined, locale: string): string {
  if (v == null || !Number.isFinite(v)) return dash
  return sign(v) + formatPercent(Math.abs(v), locale)
}

/** The difference of two rates (fractions) in percentage points with its sign: "+14.3 个百分点" / "+14.3 pp". */
function signedPoints(v: number | null | undefined, locale: string): string {
  if (v == null || !Number.isFinite(v)) return dash
  return `${sign(v)}${formatNumber(Math.abs(v) * 100, locale, 1)}${locale === 'en' ? ' pp' : ' 个百分点'}`
}

/** The change of an indicator as it should be read: rates in percentage points, counts relative. */
export const changeText = (r: { yoy: number | null; diff?: number | null }, ratio: boolean, locale: string): string =>
  (ratio ? signedPoints(r.diff, locale) : signedPercent(r.yoy, locale))

export function columnValue<R>(c: TableColumn<R>, r: R): unknown {
  return c.value ? c.value(r) : (r as Record<string, unknown>)[c.key]
}

const yearText = (y: number | string, ctx: ChartCtx): string => ctx.t('charts.yearLabel', { year: y })

interface SeriesSpec { id: string; name: string; color?: string; data: (Cell | Item)[]; stack?: string; type?: 'bar' | 'line' }

interface TipParam { seriesName?: string; value?: unknown; data?: unknown; color?: unknown; axisValue?: unknown; name?: string }

const valueOf = (p: TipParam): unknown => {
  const d = p.data as { value?: unknown } | null | undefined
  return d && typeof d === 'object' && 'value' in d ? d.value : p.value
}

/** Axis tooltip: every series' value, "—" when missing/undefined; `countSeries` (reports) as a plain count. */
export function axisTooltip(params: unknown, ctx: ChartCtx, kind: ColumnKind, head?: (name: string) => string, countSeries?: string): string {
  const list = (Array.isArray(params) ? params : [params]) as TipParam[]
  if (!list.length) return ''
  const name = String(list[0].name ?? list[0].axisValue ?? '')
  const lines = [`<b>${escapeHtml(head ? head(name) : name)}</b>`]
  const colon = ctx.t('charts.colon')
  for (const p of list) {
    const color = typeof p.color === 'string' ? p.color : '#999'
    const k = countSeries != null && p.seriesName === countSeries ? 'number' : kind
    lines.push(`${marker(color)}${escapeHtml(p.seriesName ?? '')}${escapeHtml(colon)}<b>${escapeHtml(formatValue(valueOf(p), k, ctx.locale))}</b>`)
  }
  return lines.join('<br/>')
}

/** The grey "reports per year" bars beside a trend, on their own axis (right). */
const REPORTS_COLOR = '#C9CDD4'

export interface YearChartOpts {
  kind?: ColumnKind
  yName?: string
  percent?: boolean
  /** Reports behind each year: drawn as grey bars on a right-hand axis, so a change of coverage shows. */
  reports?: readonly (number | null | undefined)[]
}

/** A year's report count as a second, grey line of its axis label ("—" when unknown). */
const reportsUnder = (n: number | null | undefined, ctx: ChartCtx): string =>
  `\n{r|${n == null ? '—' : ctx.t('charts.reportsN', { n })}}`

/** Bars (or lines) by year: category axis of years (plain "2023"), one series per measure. */
export function yearChart(years: readonly number[], series: SeriesSpec[], ctx: ChartCtx, opts: YearChartOpts = {}): EChartsOption {
  const kind = opts.kind ?? 'number'
  const main = {
    type: 'value' as const, name: opts.yName, minInterval: kind === 'number' ? 1 : undefined,
    ...(opts.percent ? { min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v, ctx.locale) } } : {}),
  }
  const withReports = opts.reports != null
  const reportsName = ctx.t('charts.reportsSeries')
  return {
    ...baseOption(ctx),
    legend: { top: 0, type: 'plain' },
    // the legend's rows, then the value axis' name above the plot
    grid: { left: 56, right: withReports ? 48 : 24, top: legendSpace([...(withReports ? [reportsName] : []), ...series.map((s) => s.name)]) + 22, bottom: withReports ? 50 : 36 },
    tooltip: {
      trigger: 'axis', confine: true, axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => axisTooltip(p, ctx, kind, (n) => yearText(n, ctx), reportsName),
    },
    // the reports behind a year stand under its name: above the grey bar they sat under the line's markers
    xAxis: {
      type: 'category', data: years.map(String),
      axisLabel: {
        interval: 0, rich: { r: { color: '#909399', fontSize: 10, padding: [2, 0, 0, 0] } },
        formatter: (v: string, i: number) => yearText(v, ctx) + (withReports ? reportsUnder(opts.reports?.[i], ctx) : ''),
      },
    },
    yAxis: withReports
      ? [main, { type: 'value', name: reportsName, position: 'right', minInterval: 1, splitLine: { show: false }, axisLabel: { color: '#909399' }, nameTextStyle: { color: '#909399' } }]
      : main,
    series: [
      ...(withReports ? [{
        type: 'bar' as const, id: 'reports', name: reportsName, yAxisIndex: 1, barMaxWidth: 14, z: 1, silent: true,
        itemStyle: { color: REPORTS_COLOR }, data: (opts.reports ?? []).map((n, i) => ({ value: cell(n ?? null), year: years[i] })),
      }] : []),
      ...series.map((s) => ({
        type: s.type ?? 'bar', id: s.id, name: s.name, data: s.data, stack: s.stack, z: 2,
        itemStyle: s.color ? { color: s.color } : undefined, lineStyle: s.color ? { color: s.color } : undefined,
        barMaxWidth: 36, connectNulls: false, emphasis: { focus: 'series' as const },
      })),
    ],
  }
}

export { cell }
