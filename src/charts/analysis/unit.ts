/** Unit profile: one indicator of one unit across its years, against its peers' P25–P75 band and P50. */
import type { EChartsOption } from 'echarts'
import type { UnitProfileRow } from '../../queries/analysis/rows'
import { PALETTE } from '../theme'
import type { ChartCtx } from '../types'
import { cell, changeText, yearChart, type ColumnKind, type TableColumn } from './common'

const RATIO_INDICATORS = ['disclosure_rate', 'correction_rate']
export const indicatorKind = (k: string): ColumnKind => (RATIO_INDICATORS.includes(k) ? 'percent' : 'number')

/** rows: one indicator's rows of unitProfileQuery, by year. */
export function unitProfile(rows: readonly UnitProfileRow[], ctx: ChartCtx, name: string): EChartsOption {
  const kind = indicatorKind(rows[0]?.indicator ?? '')
  const band = (r: UnitProfileRow) => (r.p25 != null && r.p75 != null ? r.p75 - r.p25 : null)
  const o = yearChart(rows.map((r) => r.year), [
    { id: 'p25', name: ctx.t('analysis.unit.p25'), type: 'line', stack: 'band', color: '#B9D3EA', data: rows.map((r) => ({ value: cell(r.p25), year: r.year })) },
    { id: 'band', name: ctx.t('analysis.unit.band'), type: 'line', stack: 'band', color: '#B9D3EA', data: rows.map((r) => ({ value: cell(band(r)), year: r.year })) },
    { id: 'p50', name: ctx.t('analysis.unit.p50'), type: 'line', color: '#7AACD6', data: rows.map((r) => ({ value: cell(r.p50), year: r.year })) },
    { id: 'value', name, type: 'line', color: PALETTE[5], data: rows.map((r) => ({ value: cell(r.value), year: r.year })) },
  ], ctx, { kind, percent: kind === 'percent' })
  const series = (o.series as Record<string, unknown>[]).map((s) => {
    if (s.id === 'p25') return { ...s, symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false } }
    if (s.id === 'band') return { ...s, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#B9D3EA', opacity: 0.6 } }
    if (s.id === 'p50') return { ...s, lineStyle: { type: 'dashed', color: '#7AACD6' } }
    return { ...s, symbolSize: 8, lineStyle: { width: 3, color: PALETTE[5] } }
  })
  // The tooltip shows P25/P75 themselves, not the stacked band height.
  const fmtRow = (i: number) => {
    const r = rows[i]
    if (!r) return ''
    const f = (v: number | null) => (v == null ? '—' : kind === 'percent' ? `${(v * 100).toFixed(1)}%` : v.toLocaleString(ctx.locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 1 }))
      const colon = escapeText(ctx.t('charts.colon'))
    return [`<b>${escapeText(ctx.t('charts.yearLabel', { year: r.year }))}</b>`, `${escapeText(name)}${colon}<b>${f(r.value)}</b>`,
      `${escapeText(ctx.t('analysis.unit.p50'))}${colon}${f(r.p50)}`,
      `${escapeText(ctx.t('analysis.unit.band'))}${colon}${f(r.p25)}–${f(r.p75)}`,
      `${escapeText(ctx.t('analysis.col.yoy'))}${colon}${escapeText(changeText(r, kind === 'percent', ctx.locale))}`,
      `${escapeText(ctx.t('analysis.col.rank'))}${colon}${r.rank == null ? '—' : `${r.rank} / ${r.peers}`}`].join('<br/>')
  }
  return { ...o, legend: { top: 0, data: [name, ctx.t('analysis.unit.p50'), ctx.t('analysis.unit.band')] }, series,
    tooltip: { trigger: 'axis', confine: true, formatter: (p: unknown) => fmtRow((Array.isArray(p) ? p[0] : p)?.dataIndex ?? -1) } } as EChartsOption
}

const escapeText = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export const unitProfileColumns = (ctx: ChartCtx, kind: ColumnKind, name: string): TableColumn<UnitProfileRow>[] => [
  { key: 'year', label: ctx.t('analysis.col.year'), kind: 'year' },
  { key: 'value', label: name, kind },
  { key: 'p25', label: ctx.t('analysis.unit.p25'), kind },
  { key: 'p50', label: ctx.t('analysis.unit.p50'), kind },
  { key: 'p75', label: ctx.t('analysis.unit.p75'), kind },
  { key: 'rank', label: ctx.t('analysis.col.rank'), kind: 'text', value: (r) => (r.rank == null ? null : `${r.rank} / ${r.peers}`) },
  kind === 'percent'
    ? { key: 'diff', label: ctx.t('analysis.col.yoyPp'), kind: 'pp' }
    : { key: 'yoy', label: ctx.t('analysis.col.yoy'), kind: 'change' },
]
