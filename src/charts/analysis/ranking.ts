/** Top/bottom N units by an indicator, with the change against the previous year. */
import type { EChartsOption } from 'echarts'
import type { RankingRow } from '../../queries/analysis/rows'
import { baseOption, uniqueUnitLabels } from '../common'
import { unitAxis } from '../byUnit'
import { escapeHtml, formatNumber, formatPercent } from '../escape'
import { PALETTE } from '../theme'
import type { ChartCtx } from '../types'
import { cell, changeText, type ColumnKind, type TableColumn } from './common'

export interface RankedRow extends RankingRow { rank: number }

/**
 * Units with a value, ranked (1 = highest), then the first N (top) or the last N (bottom, lowest
 * first). Units without a value are never ranked.
 */
export function rankingSlice(rows: readonly RankingRow[], n: number, which: 'top' | 'bottom'): RankedRow[] {
  const ranked = rows.filter((r) => r.value != null && Number.isFinite(r.value))
    .sort((a, b) => (b.value as number) - (a.value as number) || a.unitCode.localeCompare(b.unitCode))
    .map((r, i) => ({ ...r, rank: i + 1 }))
  return which === 'top' ? ranked.slice(0, n) : ranked.slice(-n).reverse()
}

export function rankingChart(rows: readonly RankedRow[], ctx: ChartCtx, opts: { kind: ColumnKind; name: string; highlight?: string }): EChartsOption {
  const labels = uniqueUnitLabels(rows.map((r) => ({ code: r.unitCode, name: r.unitName, parent: r.parentName })))
  const fmt = (v: unknown) => (typeof v !== 'number' ? '—' : opts.kind === 'percent' ? formatPercent(v, ctx.locale) : formatNumber(v, ctx.locale, 2))
  const ratio = opts.kind === 'percent'
  const colon = ctx.t('charts.colon')
  const cats = rows.map((r) => `${r.rank}. ${labels.get(r.unitCode) ?? r.unitName}`)
  return {
    ...baseOption(ctx),
    grid: { left: 8, right: 150, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item', confine: true,
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }).dataIndex
        const r = rows[i]
        if (!r) return ''
        return [`<b>${escapeHtml(labels.get(r.unitCode) ?? r.unitName)}</b> · #${r.rank}`,
          `${escapeHtml(opts.name)}${escapeHtml(colon)}<b>${escapeHtml(fmt(r.value))}</b>`,
          `${escapeHtml(ctx.t('analysis.col.prev'))}${escapeHtml(colon)}${escapeHtml(fmt(r.prev))}`,
          `${escapeHtml(ctx.t('analysis.col.yoy'))}${escapeHtml(colon)}${escapeHtml(changeText(r, ratio, ctx.locale))}`].join('<br/>')
      },
    },
    xAxis: { type: 'value', ...(opts.kind === 'percent' ? { axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } } : {}) },
    yAxis: unitAxis(cats),
    series: [{
      type: 'bar', id: 'value', name: opts.name, barMaxWidth: 18,
      // the change against the previous year at the end of each bar (rates: percentage points), as plain text
      data: rows.map((r) => ({
        value: cell(r.value), unitCode: r.unitCode, itemStyle: { color: r.unitCode === opts.highlight ? PALETTE[5] : PALETTE[0] },
        label: { show: true, position: 'right' as const, formatter: fmt(r.value) + ctx.t('charts.paren', { x: changeText(r, ratio, ctx.locale) }), fontSize: 11 },
      })),
    }],
  }
}

export const rankingColumns = (ctx: ChartCtx, kind: ColumnKind, name: string): TableColumn<RankedRow>[] => [
  { key: 'rank', label: ctx.t('analysis.col.rank'), kind: 'number' },
  { key: 'unitName', label: ctx.t('analysis.col.unit'), kind: 'text' },
  { key: 'year', label: ctx.t('analysis.col.year'), kind: 'year' },
  { key: 'value', label: name, kind },
  { key: 'prev', label: ctx.t('analysis.col.prev'), kind },
  kind === 'percent'
    ? { key: 'diff', label: ctx.t('analysis.col.yoyPp'), kind: 'pp' }
    : { key: 'yoy', label: ctx.t('analysis.col.yoy'), kind: 'change' },
]
