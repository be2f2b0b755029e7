/** Reconsideration and litigation: cases by year/unit, outcomes, correction rate per block and overall. */
import type { EChartsOption } from 'echarts'
import { REVIEW_BLOCK_KEYS } from '../../domain'
import type { ReviewRow } from '../../queries/analysis/rows'
import { baseOption, legendSpace } from '../common'
import { unitAxis } from '../byUnit'
import { PALETTE } from '../theme'
import type { ChartCtx } from '../types'
import { axisTooltip, cell, yearChart, type TableColumn } from './common'

const REVIEW_OUTCOME_KEYS = ['upheld', 'corrected', 'other', 'pending'] as const
const OUTCOME_COLOR: Record<string, string> = { upheld: '#0072B2', corrected: '#D55E00', other: '#8C8C8C', pending: '#E69F00' }
const blockName = (b: string, ctx: ChartCtx) => ctx.t(`analysis.review.block.${b}`)
const keys = (rows: readonly ReviewRow[]) => [...new Set(rows.map((r) => r.key))]
const find = (rows: readonly ReviewRow[], key: string, block: string) => rows.find((r) => r.key === key && r.block === block)

/** Reports behind each year: those stating any block's total (the `all` rows of reviewsQuery(f, 'year')). */
const reportsByYear = (rows: readonly ReviewRow[], years: readonly number[]): (number | null)[] =>
  years.map((y) => find(rows, String(y), 'all')?.reports ?? null)

/** Total cases per block by year (rows from reviewsQuery(f, 'year'); the `all` rows give the reports per year). */
export function reviewCases(rows: readonly ReviewRow[], ctx: ChartCtx): EChartsOption {
  const years = keys(rows).map(Number)
  return yearChart(years, REVIEW_BLOCK_KEYS.map((b, i) => ({
    id: b, name: blockName(b, ctx), color: PALETTE[i],
    data: years.map((y) => ({ value: cell(find(rows, String(y), b)?.total), year: y })),
  })), ctx, { yName: ctx.t('analysis.unitCases'), reports: reportsByYear(rows, years) })
}

/** Total cases per block by unit, stacked (rows from reviewsQuery(f, 'unit'), units with cases). */
export function reviewCasesUnit(rows: readonly ReviewRow[], ctx: ChartCtx, highlight?: string | null): EChartsOption {
  const units = keys(rows)
  const labels = units.map((u) => rows.find((r) => r.key === u)?.label ?? u)
  return {
    ...baseOption(ctx),
    legend: { top: 0, type: 'plain' },
    grid: { left: 8, right: 40, top: legendSpace(REVIEW_BLOCK_KEYS.map((b) => blockName(b, ctx))), bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, formatter: (p: unknown) => axisTooltip(p, ctx, 'number') },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: unitAxis(labels),
    series: REVIEW_BLOCK_KEYS.map((b, i) => ({
      type: 'bar' as const, id: b, name: blockName(b, ctx), stack: 'cases', barMaxWidth: 18, itemStyle: { color: PALETTE[i] },
      data: units.map((u) => ({ value: cell(find(rows, u, b)?.total), unitCode: u, ...(highlight && highlight !== u ? { itemStyle: { opacity: 0.3 } } : {}) })),
    })),
  }
}

/** Units with at least one case, most cases first (the rows reviewCasesUnit draws). */
export function reviewUnitRows(rows: readonly ReviewRow[], limit = 200): ReviewRow[] {
  const tot = new Map<string, number>()
  for (const r of rows) if (r.block === 'all') tot.set(r.key, r.total ?? 0)
  const keep = [...tot].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([k]) => k)
  const order = new Map(keep.map((k, i) => [k, i]))
  return rows.filter((r) => order.has(r.key)).sort((a, b) => order.get(a.key)! - order.get(b.key)!)
}

/** Outcomes (upheld/corrected/other/pending) per block and overall (rows of reviewsQuery(f, 'total')). */
export function reviewOutcomes(rows: readonly ReviewRow[], ctx: ChartCtx): EChartsOption {
  const blocks = rows.map((r) => r.block)
  return {
    ...baseOption(ctx),
    legend: { top: 0, type: 'plain' },
    grid: { left: 56, right: 24, top: legendSpace(REVIEW_OUTCOME_KEYS.map((o) => ctx.t(`analysis.review.${o}`))) + 22, bottom: 48 },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, formatter: (p: unknown) => axisTooltip(p, ctx, 'number') },
    xAxis: { type: 'category', data: blocks.map((b) => blockName(b, ctx)), axisLabel: { interval: 0, width: 150, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1, name: ctx.t('analysis.unitCases') },
    series: REVIEW_OUTCOME_KEYS.map((o) => ({
      type: 'bar' as const, id: o, name: ctx.t(`analysis.review.${o}`), stack: 'outcomes', barMaxWidth: 48,
      itemStyle: { color: OUTCOME_COLOR[o] }, data: rows.map((r) => cell(r[o])),
    })),
  }
}

/** Correction rate by year, per block and overall; undefined (none concluded) is a gap, "—" in tooltips. */
export function correctionRate(rows: readonly ReviewRow[], ctx: ChartCtx): EChartsOption {
  const years = keys(rows).map(Number)
  const o = yearChart(years, [...REVIEW_BLOCK_KEYS, 'all'].map((b, i) => ({
    id: b, name: blockName(b, ctx), type: 'line' as const, color: b === 'all' ? '#303133' : PALETTE[i],
    data: years.map((y) => ({ value: cell(find(rows, String(y), b)?.correctionRate), year: y })),
  })), ctx, { kind: 'percent', percent: true, reports: reportsByYear(rows, years) })
  return o
}

export const reviewColumns = (ctx: ChartCtx, first: 'year' | 'unit' | 'none'): TableColumn<ReviewRow>[] => [
  ...(first === 'none' ? [] : [{ key: 'label', label: ctx.t(first === 'year' ? 'analysis.col.year' : 'analysis.col.unit'), kind: 'text' as const }]),
  { key: 'block', label: ctx.t('analysis.col.block'), kind: 'text', value: (r) => blockName(r.block, ctx) },
  ...REVIEW_OUTCOME_KEYS.map((o) => ({ key: o, label: ctx.t(`analysis.review.${o}`), kind: 'number' as const })),
  { key: 'total', label: ctx.t('analysis.review.total'), kind: 'number' },
  { key: 'correctionRate', label: ctx.t('analysis.review.rate'), kind: 'percent' },
]
