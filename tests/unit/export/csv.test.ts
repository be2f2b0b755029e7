import { describe, expect, it } from 'vitest'
import { csvField, csvText, neutralise } from '../../../src/export/csv'
import { toCsv as qualityCsv } from '../../../src/components/quality/export'
import { rowsToCsv } from '../../../src/components/sql/csv'
import { toCsv as chartCsv } from '../../../src/export/table'

describe('the one CSV writer', () => {
  it('neutralises formula text; numeric text only when asked to keep it', () => {
    expect(neutralise('=1')).toBe("'=1")
    expect(neutralise('-12.5')).toBe("'-12.5")
    expect(neutralise('-12.5', { keepNumericText: true })).toBe('-12.5')
    expect(neutralise('-x', { keepNumericText: true })).toBe("'-x")
  })
  it('fields: numbers as they are, blanks, quoting after neutralising', () => {
    expect(csvField(-3)).toBe('-3')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField(undefined)).toBe('')
    expect(csvField(12n)).toBe('12')
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`)
  })
  it('BOM, CRLF after every line', () => {
    expect(csvText([['a', 'b'], [1, null]])).toBe('\uFEFFa,b\r\n1,\r\n')
  })
  it('the chart, data-quality and SQL exports write the same bytes for the same cells', () => {
    const chart = chartCsv({ columns: [{ key: 'a', label: '单位' }, { key: 'b', label: '数' }], rows: [{ a: '@x', b: 2 }] })
    const quality = qualityCsv(['单位', '数'], [['@x', 2]])
    const sql = rowsToCsv(['单位', '数'], [{ 单位: '@x', 数: 2 }])
    expect(quality).toBe(chart)
    expect(sql).toBe(chart)
  })
})
