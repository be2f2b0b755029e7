import { describe, expect, it } from 'vitest'
import type { EChartsOption } from 'echarts'
import {
  activeTrend, applicantTypes, applicationsFlow, formatValue, correctionRate, decisions, disclosureRateUnit, feeRows, fees,
  normativeDocs, normativeDocsNote, outcomeReasons, outcomeShareColumns, columnValue, rankingChart, rankingSlice, reviewCases,
  reviewOutcomes, unitProfile,
} from '../../../src/charts/analysis'
import { OUTCOME_KEYS, outcomeShares } from '../../../src/charts/outcomes'
import type { ActiveYearRow, RankingRow, ReviewRow, UnitProfileRow } from '../../../src/queries/analysis/rows'
import type { OutcomeRow } from '../../../src/queries/rows'
import type { ChartCtx } from '../../../src/charts/types'
import { exportOption } from '../../../src/export/render'

const ctx: ChartCtx = { t: (k, n) => (n ? `${k}${JSON.stringify(n)}` : k), locale: 'zh-CN' }
type S = { id?: string; data: unknown[] }
const series = (o: EChartsOption): S[] => o.series as S[]
const vals = (o: EChartsOption, id: string) => series(o).find((s) => s.id === id)!.data.map((d) => (d && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d))

const yr = (year: number, p: Partial<ActiveYearRow>): ActiveYearRow => ({ year, reports: 2, activeTotal: null, activeMissing: 0, docsIssued: null, docsRepealed: null,
  docsInForce: null, reports2019: 0, licensing: null, penalty: null, coercion: null, feeAmount: null, ...p })
const active = [yr(2020, { reports2019: 2, activeTotal: 300, docsIssued: 3, docsInForce: 25, licensing: 80 }),
  yr(2023, { activeTotal: 573, docsIssued: 7, docsRepealed: 1, docsInForce: 34, licensing: 100, penalty: 7, feeAmount: 12.5 })]

describe('active option builders', () => {
  it('numbers match the rows; missing is "-" (not drawn), never 0', () => {
    expect(vals(activeTrend(active, ctx), 'active_total')).toEqual([300, 573])
    const d = normativeDocs(active, ctx)
    expect(vals(d, 'issued')).toEqual([3, 7])
    expect(vals(d, 'repealed')).toEqual(['-', 1])
    expect(vals(d, 'in_force')).toEqual([25, 34])
    expect(vals(decisions(active, ctx), 'coercion')).toEqual(['-', '-'])
    expect(vals(decisions(active, ctx), 'licensing')).toEqual([80, 100])
  })
  it('the approximate 2019 mapping is said, in the note, and every export of the chart carries it', () => {
    expect(normativeDocsNote(active, ctx)).toEqual(['analysis.active.approxNote'])
    expect(JSON.stringify(normativeDocs(active, ctx).title)).toContain('analysis.active.approxShort')
    const exported = exportOption(normativeDocs(active, ctx), { caption: { title: 'T', subtitle: '', source: 'S', notes: normativeDocsNote(active, ctx) }, locale: 'zh-CN' })
    expect(JSON.stringify(exported.title)).toContain('analysis.active.approxNote')
    expect(normativeDocsNote([active[1]], ctx)).toEqual([])
  })
  it('yearly figures draw the reports behind each year beside the values', () => {
    expect(vals(activeTrend(active, ctx), 'reports')).toEqual([2, 2])
    expect(vals(fees(feeRows(active), ctx), 'reports')).toEqual([2])
  })
  it('fees: 2021-layout years only (never on an axis with 2019 fee item counts)', () => {
    const rows = feeRows(active)
    expect(rows.map((r) => r.year)).toEqual([2023])
    const o = fees(rows, ctx)
    expect((o.xAxis as { data: string[] }).data).toEqual(['2023'])
    expect(vals(o, 'fee_amount')).toEqual([12.5])
  })
})

describe('applications option builders', () => {
  it('flow and applicant types match the rows', () => {
    const o = applicationsFlow([{ year: 2023, received: 14, carriedIn: 1, handled: 15, carriedOut: null, reports: 3 }], ctx)
    expect(vals(o, 'received')).toEqual([14])
    expect(vals(o, 'carriedOut')).toEqual(['-'])
    const a = applicantTypes([{ year: 2023, natural_person: 10, commercial: 2, research: 1, social_welfare: 0, legal_service: 0, other_org: 1, total: 14, reports: 3 }], ctx)
    // six applicant types, and the reports behind the year
    expect(series(a)).toHaveLength(7)
    expect(vals(a, 'reports')).toEqual([3])
    expect(vals(a, 'natural_person')).toEqual([10])
  })
  it('reasons keep the form order, with counts', () => {
    const o = outcomeReasons([{ row: 'withheld.state_secret', group: 'withheld', count: 2 }, { row: 'rejected.repeat', group: 'rejected', count: null }], ctx)
    expect(vals(o, 'reasons')).toEqual([2, '-'])
    expect((o.yAxis as { data: string[] }).data[0]).toContain('属于国家秘密')
  })
  it('disclosure rate: undefined rate is no bar and reads "—" (never 0 % or NaN)', () => {
    const o = disclosureRateUnit([{ unitCode: 'A', unitName: '甲', granted: 3, partial: 0, handled: 5, rate: 0.6 },
      { unitCode: 'B', unitName: '乙', granted: 0, partial: 0, handled: 0, rate: null }], ctx)
    expect(vals(o, 'rate')).toEqual([0.6, '-'])
    expect((series(o)[0].data[1] as { unitCode: string }).unitCode).toBe('B')
    expect(formatValue(null, 'percent', 'zh-CN')).toBe('—')
    expect(formatValue(NaN, 'percent', 'zh-CN')).toBe('—')
    expect(formatValue(0.6, 'percent', 'zh-CN')).toBe('60.0%')
  })
  it('outcome shares sum to 1 (chart and table)', () => {
    const r: OutcomeRow = { key: '2023', label: '2023', granted: 5, partial: 1, withheld: 2, unavailable: 0, rejected: 1, other: 1, handled: 10, missingCells: 0 }
    const cols = outcomeShareColumns(ctx).filter((c) => c.kind === 'percent')
    const sum = cols.reduce((s, c) => s + (columnValue(c, r) as number), 0)
    expect(sum).toBeCloseTo(1)
    const o = outcomeShares([r], ctx)
    const chartSum = series(o).filter((s) => OUTCOME_KEYS.includes(s.id as never)).reduce((s, x) => {
      const v = x.data[0]
      const n = typeof v === 'number' ? v : (v as { value?: number })?.value
      return s + (typeof n === 'number' ? n : 0)
    }, 0)
    expect(chartSum).toBeCloseTo(1)
    const none = { ...r, handled: 0 }
    expect(cols.map((c) => columnValue(c, none))).toEqual(cols.map(() => null))
  })
})

const rv = (key: string, block: ReviewRow['block'], p: Partial<ReviewRow>): ReviewRow => ({ key, label: key, block, upheld: 0, corrected: 0, other: 0, pending: 0, total: 0, correctionRate: null, ...p })
describe('reviews option builders', () => {
  const rows = [rv('2022', 'review', { total: 3, correctionRate: 0.5 }), rv('2022', 'litigation_direct', { total: 1 }),
    rv('2022', 'litigation_after_review', { total: 0 }), rv('2022', 'all', { total: 4, correctionRate: 0.25 }),
    rv('2023', 'review', { total: 2, pending: 2, correctionRate: null }), rv('2023', 'all', { total: 2, correctionRate: null })]
  it('cases per block and year', () => {
    const o = reviewCases(rows.filter((r) => r.block !== 'all'), ctx)
    expect(vals(o, 'review')).toEqual([3, 2])
    expect(vals(o, 'litigation_direct')).toEqual([1, '-'])
  })
  it('correction rate per block and overall; undefined is a gap', () => {
    const o = correctionRate(rows, ctx)
    expect(vals(o, 'review')).toEqual([0.5, '-'])
    expect(vals(o, 'all')).toEqual([0.25, '-'])
  })
  it('outcomes stacked per block', () => {
    const o = reviewOutcomes([rv('total', 'review', { upheld: 3, corrected: 2, pending: 3 }), rv('total', 'all', { upheld: 4 })], ctx)
    expect(vals(o, 'upheld')).toEqual([3, 4])
    expect(vals(o, 'corrected')).toEqual([2, 0])
  })
})

describe('rankings and unit profile', () => {
  const r = (unitCode: string, value: number | null, prev: number | null): RankingRow => ({ unitCode, unitName: unitCode, parentName: null, year: 2023, value, prev,
    yoy: prev ? ((value ?? 0) - prev) / prev : null })
  const rows = [r('A', 10, 5), r('B', 30, 0), r('C', null, 3), r('D', 20, null)]
  it('top/bottom N rank only units with a value; yoy undefined when previous is 0', () => {
    expect(rankingSlice(rows, 2, 'top').map((x) => [x.unitCode, x.rank])).toEqual([['B', 1], ['D', 2]])
    expect(rankingSlice(rows, 2, 'bottom').map((x) => [x.unitCode, x.rank])).toEqual([['A', 3], ['D', 2]])
    const o = rankingChart(rankingSlice(rows, 3, 'top'), ctx, { kind: 'number', name: 'x' })
    expect(vals(o, 'value')).toEqual([30, 20, 10])
    expect(rankingSlice(rows, 3, 'top')[0].yoy).toBeNull()
  })
  it('unit profile: value, P50 and the P25–P75 band', () => {
    const p = (year: number, value: number | null): UnitProfileRow => ({ indicator: 'active_total', year, unitName: 'T1', value, prev: null, yoy: null,
      p25: 15, p50: 20, p75: 31.5, rank: value == null ? null : 1, peers: 3 })
    const o = unitProfile([p(2022, 40), p(2023, null)], ctx, '主动公开')
    expect(vals(o, 'value')).toEqual([40, '-'])
    expect(vals(o, 'p50')).toEqual([20, 20])
    expect(vals(o, 'p25')).toEqual([15, 15])
    expect(vals(o, 'band')).toEqual([16.5, 16.5])
  })
})
