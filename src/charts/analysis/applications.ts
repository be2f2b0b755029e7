/** Applications: flow by year, applicant types, reasons, disclosure rate by unit. */
import type { EChartsOption } from 'echarts'
import { APPLICANT_COLUMNS, APPLICANT_PARTS } from '../../domain/format'
import { allApplicationRows } from '../../domain/versions'
import { ratio } from '../../domain/indicators'
import type { ApplicantYearRow, DisclosureUnitRow, FlowYearRow, ReasonRow } from '../../queries/analysis/rows'
import type { OutcomeRow } from '../../queries/rows'
import { baseOption } from '../common'
import { unitAxis } from '../byUnit'
import { formatPercent } from '../escape'
import { OUTCOME_COLORS, PALETTE } from '../theme'
import type { ChartCtx } from '../types'
import { OUTCOME_KEYS } from '../outcomes'
import { axisTooltip, cell, yearChart, type TableColumn } from './common'

const FLOW = ['received', 'carriedIn', 'handled', 'carriedOut'] as const

export function applicationsFlow(rows: readonly FlowYearRow[], ctx: ChartCtx): EChartsOption {
  return yearChart(rows.map((r) => r.year), FLOW.map((k, i) => ({
    id: k, name: ctx.t(`analysis.app.${k}`), color: PALETTE[i], data: rows.map((r) => ({ value: cell(r[k]), year: r.year })),
  })), ctx, { yName: ctx.t('analysis.unitApps'), reports: rows.map((r) => r.reports) })
}
export const applicationsFlowColumns = (ctx: ChartCtx): TableColumn<FlowYearRow>[] => [
  { key: 'year', label: ctx.t('analysis.col.year'), kind: 'year' },
  ...FLOW.map((k) => ({ key: k, label: ctx.t(`analysis.app.${k}`), kind: 'number' as const })),
]

const applicantLabel = (k: string, ctx: ChartCtx): string => {
  const c = APPLICANT_COLUMNS.find((x) => x.key === k)
  return c ? (ctx.locale === 'en' ? c.en : c.zh) : k
}

/** Stacked bars: natural persons and the five kinds of organisations. */
export function applicantTypes(rows: readonly ApplicantYearRow[], ctx: ChartCtx): EChartsOption {
  return yearChart(rows.map((r) => r.year), APPLICANT_PARTS.map((k, i) => ({
    id: k, name: applicantLabel(k, ctx), color: PALETTE[i], stack: 'applicants',
    data: rows.map((r) => ({ value: cell(r[k as keyof ApplicantYearRow] as number | null), year: r.year })),
  })), ctx, { yName: ctx.t('analysis.unitApps'), reports: rows.map((r) => r.reports) })
}
export const applicantTypesColumns = (ctx: ChartCtx): TableColumn<ApplicantYearRow>[] => [
  { key: 'year', label: ctx.t('analysis.col.year'), kind: 'year' },
  ...[...APPLICANT_PARTS, 'total'].map((k) => ({ key: k, label: applicantLabel(k, ctx), kind: 'number' as const })),
]

export const outcomeCountColumns = (ctx: ChartCtx): TableColumn<OutcomeRow>[] => [
  { key: 'label', label: ctx.t('analysis.col.year'), kind: 'text' },
  ...[...OUTCOME_KEYS, 'handled'].map((k) => ({ key: k, label: ctx.t(`analysis.outcome.${k}`), kind: 'number' as const })),
]
export const outcomeShareColumns = (ctx: ChartCtx): TableColumn<OutcomeRow>[] => [
  { key: 'label', label: ctx.t('analysis.col.year'), kind: 'text' },
  ...OUTCOME_KEYS.map((k) => ({ key: k, label: ctx.t(`analysis.outcome.${k}`), kind: 'percent' as const,
    value: (r: OutcomeRow) => ratio(r[k], r.handled) })),
  { key: 'handled', label: ctx.t('analysis.outcome.handled'), kind: 'number' },
]

const reasonLabel = (key: string, ctx: ChartCtx): string => {
  const r = allApplicationRows().find((x) => x.key === key)
  return r ? (ctx.locale === 'en' ? r.en : r.zh.replace(/^\d+\./, '')) : key
}

/** Horizontal bars of the 16 reasons in the form's order, coloured by outcome group. */
export function outcomeReasons(rows: readonly ReasonRow[], ctx: ChartCtx): EChartsOption {
  const labels = rows.map((r) => `${ctx.t(`analysis.outcome.${r.group}`)} · ${reasonLabel(r.row, ctx)}`)
  return {
    ...baseOption(ctx),
    grid: { left: 8, right: 48, top: 8, bottom: 36, containLabel: true },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, formatter: (p: unknown) => axisTooltip(p, ctx, 'number') },
    xAxis: { type: 'value', minInterval: 1, name: ctx.t('analysis.unitApps'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { interval: 0, width: 260, overflow: 'break', lineHeight: 14 } },
    series: [{
      type: 'bar', id: 'reasons', name: ctx.t('analysis.app.reasonCount'), barMaxWidth: 18,
      data: rows.map((r) => ({ value: cell(r.count), itemStyle: { color: OUTCOME_COLORS[r.group] } })),
      label: { show: true, position: 'right', formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? String(p.value) : '—') },
    }],
  }
}
export const outcomeReasonsColumns = (ctx: ChartCtx): TableColumn<ReasonRow>[] => [
  { key: 'group', label: ctx.t('analysis.col.group'), kind: 'text', value: (r) => ctx.t(`analysis.outcome.${r.group}`) },
  { key: 'row', label: ctx.t('analysis.col.reason'), kind: 'text', value: (r) => reasonLabel(r.row, ctx) },
  { key: 'count', label: ctx.t('analysis.app.reasonCount'), kind: 'number' },
]

/**
 * Disclosure rate per unit (units with a section 三 table only); an undefined rate (nothing handled) is no bar
 * and reads "—". The end of each bar says the rate and the reports behind it.
 */
export function disclosureRateUnit(rows: readonly DisclosureUnitRow[], ctx: ChartCtx, highlight?: string | null): EChartsOption {
  const labels = rows.map((r) => r.unitName)
  const end = (r: DisclosureUnitRow): string => {
    const rate = r.rate == null ? '—' : formatPercent(r.rate, ctx.locale)
    return r.reports != null ? `${rate} · ${ctx.t('charts.reportsN', { n: r.reports })}` : rate
  }
  return {
    ...baseOption(ctx),
    grid: { left: 8, right: 120, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis', confine: true, axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => axisTooltip(p, ctx, 'percent'),
    },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: unitAxis(labels),
    series: [{
      type: 'bar', id: 'rate', name: ctx.t('analysis.app.rate'), barMaxWidth: 18, itemStyle: { color: OUTCOME_COLORS.granted },
      data: rows.map((r) => ({
        value: cell(r.rate), unitCode: r.unitCode,
        ...(highlight && highlight !== r.unitCode ? { itemStyle: { opacity: 0.3 } } : {}),
        label: { show: true, position: 'right' as const, formatter: end(r), fontSize: 11 },
      })),
    }],
  }
}
export const disclosureRateUnitColumns = (ctx: ChartCtx): TableColumn<DisclosureUnitRow>[] => [
  { key: 'unitName', label: ctx.t('analysis.col.unit'), kind: 'text' },
  { key: 'granted', label: ctx.t('analysis.outcome.granted'), kind: 'number' },
  { key: 'partial', label: ctx.t('analysis.outcome.partial'), kind: 'number' },
  { key: 'handled', label: ctx.t('analysis.outcome.handled'), kind: 'number' },
  { key: 'rate', label: ctx.t('analysis.app.rate'), kind: 'percent' },
]
