import { describe, expect, test } from 'vitest'
import { formatNumber, formatPercent } from '../../../src/charts/escape'

// Labels, tooltips and the hierarchy list all print numbers through these (formatters are kept per locale and precision).
describe('numbers as the supervisor reads them', () => {
  test('grouped, rounded to the precision asked, per language', () => {
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567')
    expect(formatNumber(1234567.89, 'en')).toBe('1,234,568')
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6')
    expect(formatNumber(12, 'zh-CN', 2)).toBe('12')
    // a kept 0-digit formatter must not be reused for 1 digit, nor the other way round
    expect(formatNumber(0.25, 'zh-CN', 0)).toBe('0')
    expect(formatNumber(0.25, 'zh-CN', 1)).toBe('0.3')
    expect(formatNumber(0.25, 'zh-CN', 0)).toBe('0')
  })
  test('missing values are a dash, never 0', () => {
    expect(formatNumber(null, 'zh-CN')).toBe('—')
    expect(formatNumber(undefined, 'en')).toBe('—')
    expect(formatNumber(Number.NaN, 'en')).toBe('—')
    expect(formatPercent(null, 'zh-CN')).toBe('—')
  })
  test('percentages with one decimal', () => {
    expect(formatPercent(0.1234, 'zh-CN')).toBe('12.3%')
    expect(formatPercent(1, 'en')).toBe('100.0%')
    expect(formatPercent(0, 'en')).toBe('0.0%')
  })
})
