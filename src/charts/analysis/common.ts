/** Shared pieces of the analysis option builders: table columns, year axes, "—" for undefined values. */
import type { EChartsOption } from 'echarts'
import { baseOption, cell, type Cell } from '../common'
import { escapeHtml, formatNumber, formatPercent, marker } from '../escape'
import type { ChartCtx } from '../types'

export type ColumnKind = 'text' | 'number' | 'decimal' | 'percent' | 'year'

/** A data-table column over the rows the option builder got (`value` derives a figure from a row). */
export interface TableColumn<R = Record<string, unknown>> {
  key: string
  label: string
  kind: ColumnKind
  value?: (row: R) => string | number | null | undefined
}

/** A bar/line data item that remembers which unit or year it stands for (click → select). */
export interface Item { value: Cell; unitCode?: string; year?: number }

export const dash = '—'

/** Display text of a cell: numbers formatted, undefined ratios and missing values as "—" (never 0 % or NaN). */
export function cellText(v: unknown, kind: ColumnKind, locale: string): string {
  if (kind === 'text' || kind === 'year') return v == null || v === '' ? dash : String(v)
  if (typeof v !== 'number' || !Number.isFinite(v)) return dash
  if (kind === 'percent') return formatPercent(v, locale)
  return formatNumber(v, locale, kind === 'decimal' ? 2 : 0)
}

export function columnValue<R>(c: TableColumn<R>, r: R): unknown {
  return c.value ? c.value(r) : (r as Record<string, unknown>)[c.key]
}

export const yearText = (y: number | string, ctx: ChartCtx): string => ctx.t('charts.yearLabel', { year: y })

interface SeriesSpec { id: string; name: string; color?: string; data: (Cell | Item)[]; stack?: string; type?: 'bar' | 'line' }

interface TipParam { seriesName?: string; value?: unknown; data?: unknown; color?: unknown; axisValue?: unknown; name?: string }

const valueOf = (p: TipParam): unknown => {
  const d = p.data as { value?: unknown } | null | undefined
  return d && typeof d === 'object' && 'value' in d ? d.value : p.value
}

/** Axis tooltip: every series' value, "—" when missing/undefined. */
export function axisTooltip(params: unknown, ctx: ChartCtx, kind: ColumnKind, head?: (name: string) => string): string {
  const list = (Array.isArray(params) ? params : [params]) as TipParam[]
  if (!list.length) return ''
  const name = String(list[0].name ?? list[0].axisValue ?? '')
  const lines = [`<b>${escapeHtml(head ? head(name) : name)}</b>`]
  for (const p of list) {
    const color = typeof p.color === 'string' ? p.color : '#999'
    lines.push(`${marker(color)}${escapeHtml(p.seriesName ?? '')}：<b>${escapeHtml(cellText(valueOf(p), kind, ctx.locale))}</b>`)
  }
  return lines.join('<br/>')
}

/** Bars (or lines) by year: category axis of years (plain "2023"), one series per measure. */
export function yearChart(years: readonly number[], series: SeriesSpec[], ctx: ChartCtx, opts: { kind?: ColumnKind; yName?: string; percent?: boolean } = {}): EChartsOption {
  const kind = opts.kind ?? 'number'
  return {
    ...baseOption(ctx),
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 24, top: 44, bottom: 36 },
    tooltip: {
      trigger: 'axis', confine: true, axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => axisTooltip(p, ctx, kind, (n) => yearText(n, ctx)),
    },
    xAxis: { type: 'category', data: years.map(String), axisLabel: { formatter: (v: string) => yearText(v, ctx) } },
    yAxis: {
      type: 'value', name: opts.yName, minInterval: kind === 'number' ? 1 : undefined,
      ...(opts.percent ? { min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v, ctx.locale) } } : {}),
    },
    series: series.map((s) => ({
      type: s.type ?? 'bar', id: s.id, name: s.name, data: s.data, stack: s.stack,
      itemStyle: s.color ? { color: s.color } : undefined, lineStyle: s.color ? { color: s.color } : undefined,
      barMaxWidth: 36, connectNulls: false, emphasis: { focus: 'series' as const },
    })),
  }
}

export { cell }
