/** Active disclosure by year: active_total trend, normative documents, decisions, fee amounts. */
import type { EChartsOption } from 'echarts'
import type { ActiveYearRow } from '../../queries/analysis/rows'
import type { ActiveByUnitYearRow } from '../../queries/rows'
import { PALETTE } from '../theme'
import type { ChartCtx } from '../types'
import { cell, yearChart, type TableColumn } from './common'

const years = (rows: readonly ActiveYearRow[]) => rows.map((r) => r.year)

export function activeTrend(rows: readonly ActiveYearRow[], ctx: ChartCtx): EChartsOption {
  return yearChart(years(rows), [
    { id: 'active_total', name: ctx.t('analysis.active.total'), type: 'line', color: PALETTE[0], data: rows.map((r) => ({ value: cell(r.activeTotal), year: r.year })) },
  ], ctx, { yName: ctx.t('charts.activeUnit'), reports: rows.map((r) => r.reports) })
}
export const activeTrendColumns = (ctx: ChartCtx): TableColumn<ActiveYearRow>[] => [
  { key: 'year', label: ctx.t('analysis.col.year'), kind: 'year' },
  { key: 'reports', label: ctx.t('analysis.col.reports'), kind: 'number' },
  { key: 'activeTotal', label: ctx.t('analysis.active.total'), kind: 'number' },
  { key: 'activeMissing', label: ctx.t('analysis.col.missing'), kind: 'number' },
]

/** The approximate-mapping note, whenever a year in the 2019 layout is shown. */
export function normativeDocsNote(rows: readonly ActiveYearRow[], ctx: ChartCtx): string[] {
  return rows.some((r) => r.reports2019 > 0) ? [ctx.t('analysis.active.approxNote')] : []
}

export function normativeDocs(rows: readonly ActiveYearRow[], ctx: ChartCtx): EChartsOption {
  const o = yearChart(years(rows), [
    { id: 'issued', name: ctx.t('analysis.active.issued'), color: PALETTE[0], data: rows.map((r) => ({ value: cell(r.docsIssued), year: r.year })) },
    { id: 'repealed', name: ctx.t('analysis.active.repealed'), color: PALETTE[5], data: rows.map((r) => ({ value: cell(r.docsRepealed), year: r.year })) },
    { id: 'in_force', name: ctx.t('analysis.active.inForce'), color: PALETTE[2], data: rows.map((r) => ({ value: cell(r.docsInForce), year: r.year })) },
  ], ctx, { yName: ctx.t('analysis.unitDocs'), reports: rows.map((r) => r.reports) })
  // Flagged on the chart itself too; exports carry the full note (normativeDocsNote) in their footer.
  return normativeDocsNote(rows, ctx).length ? { ...o, grid: { ...(o.grid as object), bottom: 64 },
    title: { subtext: ctx.t('analysis.active.approxShort'), left: 'center', bottom: 0, subtextStyle: { fontSize: 11, color: '#8A5A00' } } } : o
}
export const normativeDocsColumns = (ctx: ChartCtx): TableColumn<ActiveYearRow>[] => [
  { key: 'year', label: ctx.t('analysis.col.year'), kind: 'year' },
  { key: 'docsIssued', label: ctx.t('analysis.active.issued'), kind: 'number' },
  { key: 'docsRepealed', label: ctx.t('analysis.active.repealed'), kind: 'number' },
  { key: 'docsInForce', label: ctx.t('analysis.active.inForce'), kind: 'number' },
  { key: 'reports2019', label: ctx.t('analysis.col.reports2019'), kind: 'number' },
]

const DECISION_KEYS = ['licensing', 'penalty', 'coercion'] as const

export function decisions(rows: readonly ActiveYearRow[], ctx: ChartCtx): EChartsOption {
  return yearChart(years(rows), DECISION_KEYS.map((k, i) => ({
    id: k, name: ctx.t(`analysis.active.${k}`), color: PALETTE[i], data: rows.map((r) => ({ value: cell(r[k]), year: r.year })),
  })), ctx, { yName: ctx.t('analysis.unitDecisions'), reports: rows.map((r) => r.reports) })
}
export const decisionsColumns = (ctx: ChartCtx): TableColumn<ActiveYearRow>[] => [
  { key: 'year', label: ctx.t('analysis.col.year'), kind: 'year' },
  ...DECISION_KEYS.map((k) => ({ key: k, label: ctx.t(`analysis.active.${k}`), kind: 'number' as const })),
]

/**
 * Fee amounts (万元) of reports in the 2021 layout only. The 2019 layout counts fee items, which
 * never share an axis with amounts: years with only 2019-layout reports are left out.
 */
export function feeRows(rows: readonly ActiveYearRow[]): ActiveYearRow[] {
  return rows.filter((r) => r.reports > r.reports2019)
}
export function fees(rows: readonly ActiveYearRow[], ctx: ChartCtx): EChartsOption {
  return yearChart(years(rows), [
    { id: 'fee_amount', name: ctx.t('analysis.active.feeAmount'), color: PALETTE[1], data: rows.map((r) => ({ value: cell(r.feeAmount), year: r.year })) },
  ], ctx, { yName: ctx.t('analysis.unitFee'), kind: 'decimal', reports: rows.map((r) => r.reports - r.reports2019) })
}
export const feesColumns = (ctx: ChartCtx): TableColumn<ActiveYearRow>[] => [
  { key: 'year', label: ctx.t('analysis.col.year'), kind: 'year' },
  { key: 'feeAmount', label: ctx.t('analysis.active.feeAmount'), kind: 'decimal' },
]

/** Columns for the reused unit × year active-volume charts (src/charts/activeVolume.ts). */
export const activeUnitColumns = (ctx: ChartCtx): TableColumn<ActiveByUnitYearRow>[] => [
  { key: 'unitName', label: ctx.t('analysis.col.unit'), kind: 'text' },
  { key: 'parentName', label: ctx.t('analysis.col.parent'), kind: 'text' },
  { key: 'year', label: ctx.t('analysis.col.year'), kind: 'year' },
  { key: 'activeTotal', label: ctx.t('analysis.active.total'), kind: 'number' },
]
