/** Which pick a chart click stands for: registered mappers first, else a data item naming its unit. */
import { describe, expect, it } from 'vitest'
import { registerCrossFilter, resolvePick } from '../../../src/composables/useCrossFilter'

describe('resolvePick', () => {
  it('a data item with a unitCode filters to that unit (disclosure rate, cases by unit)', () => {
    expect(resolvePick('disclosure-rate-unit', { seriesType: 'bar', dataIndex: 0, data: { value: 0.5, unitCode: 'K' } })).toEqual({ unitCode: 'K' })
    expect(resolvePick('review-cases-unit', { seriesType: 'bar', dataIndex: 2, data: { value: 3, unitCode: 'T1' } })).toEqual({ unitCode: 'T1' })
  })
  it('a click that names no unit does not filter', () => {
    expect(resolvePick('active-trend', { seriesType: 'bar', dataIndex: 0, data: 12 })).toBeNull()
    expect(resolvePick('review-cases', { seriesType: 'bar', dataIndex: 0, data: { value: 3, year: 2023 } })).toBeNull()
    expect(resolvePick('x', { data: { unitCode: '' } })).toBeNull()
  })
  it('a registered mapper wins', () => {
    const off = registerCrossFilter('custom-chart', () => ({ year: 2022 }))
    expect(resolvePick('custom-chart', { data: { unitCode: 'K' } })).toEqual({ year: 2022 })
    off()
    expect(resolvePick('custom-chart', { data: { unitCode: 'K' } })).toEqual({ unitCode: 'K' })
  })
})
