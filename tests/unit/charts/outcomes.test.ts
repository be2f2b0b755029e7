import { describe, expect, it } from 'vitest'
import { outcomeCounts, outcomeShares, outcomeTooltip, outcomesNote, OUTCOME_KEYS } from '../../../src/charts/outcomes'
import { createTranslate } from '../../../src/i18n/translate'
import type { OutcomeRow } from '../../../src/queries/rows'
import type { ChartCtx } from '../../../src/charts/types'

const ctx: ChartCtx = { t: createTranslate('zh-CN'), locale: 'zh-CN' }
const XSS = '<img src=x onerror=alert(1)>'

const row = (key: string, label: string, v: Partial<OutcomeRow>): OutcomeRow => ({
  key, label, granted: 0, partial: 0, withheld: 0, unavailable: 0, rejected: 0, other: 0, handled: 0, missingCells: 0, ...v,
})

const rows: OutcomeRow[] = [
  row('A', '甲县', { granted: 6, partial: 2, withheld: 1, unavailable: 3, rejected: 0, other: 1, handled: 13 }),
  row('B', '乙县', { handled: 0 }), // nothing handled: shares undefined
  row('C', XSS, { granted: 5, partial: null, withheld: null, unavailable: null, rejected: null, other: null, handled: null, missingCells: 6 }),
  row('D', '丁县', { granted: 1, partial: 1, withheld: 0, unavailable: 0, rejected: 0, other: 0, handled: 2 }),
]

type AnySeries = { id?: string; type?: string; stack?: string; data: unknown[] }
/** Series with their items' values (items are { value, unitCode } so that a click names its unit). */
const seriesOf = (o: unknown): AnySeries[] => (o as { series: AnySeries[] }).series.map((s) => ({
  ...s, data: s.data.map((d) => (d && typeof d === 'object' && !Array.isArray(d) && 'value' in d ? (d as { value: unknown }).value : d)),
}))

describe('outcomeShares', () => {
  const s = seriesOf(outcomeShares(rows, ctx))
  const bars = s.filter((x) => x.type === 'bar')

  it('has the six outcome groups stacked', () => {
    expect(bars.map((b) => b.id)).toEqual([...OUTCOME_KEYS])
    expect(new Set(bars.map((b) => b.stack)).size).toBe(1)
  })

  it('shares sum to 1 per category with data', () => {
    for (const i of [0, 3]) {
      const sum = bars.reduce((acc, b) => acc + (b.data[i] as number), 0)
      expect(sum).toBeCloseTo(1, 10)
    }
    expect(bars[0].data[0]).toBeCloseTo(6 / 13, 10)
  })

  it('every item names its unit (a click picks it, whatever rows the chart shows)', () => {
    const raw = (outcomeShares(rows, ctx) as { series: { data: { unitCode?: string }[] }[] }).series[0].data
    expect(raw.map((d) => d.unitCode)).toEqual(['A', 'B', 'C', 'D'])
  })

  it('draws no 0 % bar where handled is 0 or missing, and marks it with —', () => {
    for (const b of bars) {
      expect(b.data[1]).toBe('-')
      expect(b.data[2]).toBe('-')
    }
    const mark = s.find((x) => x.id === 'no-handled')!
    expect(mark.data).toEqual([[1], [2]])
    expect(outcomesNote(rows)).toEqual({ missing: 6, notLoaded: 2 })
  })

  it('escapes labels in the tooltip', () => {
    const html = outcomeTooltip({ seriesId: 'no-handled', value: [2] }, rows, ctx, 'shares')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('—')
    const html2 = outcomeTooltip({ seriesId: 'granted', dataIndex: 0 }, rows, ctx, 'shares')
    expect(html2).toContain('46.2%')
  })
})

describe('outcomeCounts', () => {
  it('stacks the counts as given, missing stays missing', () => {
    const bars = seriesOf(outcomeCounts(rows, ctx)).filter((x) => x.type === 'bar')
    expect(bars.map((b) => b.data[0])).toEqual([6, 2, 1, 3, 0, 1])
    expect(bars.map((b) => b.data[2])).toEqual([5, '-', '-', '-', '-', '-'])
    expect(seriesOf(outcomeCounts(rows, ctx)).some((x) => x.id === 'no-handled')).toBe(false)
  })
})
