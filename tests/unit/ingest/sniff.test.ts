import { describe, expect, it } from 'vitest'
import { combineHeader, sniff } from '../../../src/ingest/sniff'

describe('sniff', () => {
  it('detects comma, tab and semicolon delimiters (numbers with thousands separators do not fool it)', () => {
    expect(sniff('a,b,c\n1,2,3\n4,5,6\n').delimiter).toBe(',')
    expect(sniff('a\tb\tc\n1\t"1,234"\t3\n4\t5\t6\n').delimiter).toBe('\t')
    expect(sniff('a;b;c\n1,5;2;3\n4;5,5;6\n').delimiter).toBe(';')
  })

  it('reads a one-row header and keeps quoted cells whole', () => {
    const s = sniff('unit_code,"unit,name",year\n001,浓桥镇,2023\n')
    expect(s.headerRecords).toBe(1)
    expect(s.columns.map((c) => c.text)).toEqual(['unit_code', 'unit,name', 'year'])
  })

  it('combines an Excel two-row merged header into one header per column', () => {
    const csv = [
      '单位代码,年度,行政复议,,,,,行政诉讼-未经复议直接起诉,,,,,行政诉讼-复议后起诉,,,,',
      ',,结果维持,结果纠正,其他结果,尚未审结,总计,结果维持,结果纠正,其他结果,尚未审结,总计,结果维持,结果纠正,其他结果,尚未审结,总计',
      '230883103000,2023,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
    ].join('\r\n')
    const s = sniff(csv)
    expect(s.headerRecords).toBe(2)
    const texts = s.columns.map((c) => c.text)
    expect(texts.slice(0, 4)).toEqual(['单位代码', '年度', '行政复议-结果维持', '行政复议-结果纠正'])
    expect(texts[7]).toBe('行政诉讼-未经复议直接起诉-结果维持')
    expect(texts[16]).toBe('行政诉讼-复议后起诉-总计')
  })

  it('combines a three-level header (行政诉讼 / 未经复议直接起诉 / 结果维持)', () => {
    const csv = [
      '单位代码,年度,行政复议,,行政诉讼,,,',
      ',,结果维持,总计,未经复议直接起诉,,复议后起诉,',
      ',,,,结果维持,总计,结果维持,总计',
      '1,2023,0,0,0,0,0,0',
    ].join('\n')
    const s = sniff(csv)
    expect(s.headerRecords).toBe(3)
    expect(s.columns.map((c) => c.text)).toEqual([
      '单位代码', '年度', '行政复议-结果维持', '行政复议-总计',
      '行政诉讼-未经复议直接起诉-结果维持', '行政诉讼-未经复议直接起诉-总计', '行政诉讼-复议后起诉-结果维持', '行政诉讼-复议后起诉-总计',
    ])
  })

  it('does not take a data row for a second header row', () => {
    expect(sniff('unit_code,year,natural_person,\n001,2023,5,\n').headerRecords).toBe(1)
    expect(sniff('a,b,c\nx,y,z\n').headerRecords).toBe(1) // no merged blanks in row 1
  })

  it('a vertically merged cell (blank below) does not spread to the right', () => {
    const cols = combineHeader([['单位代码', '', '自然人'], ['', '年度', '']])
    expect(cols.map((c) => c.text)).toEqual(['单位代码', '年度', '自然人'])
  })

  it('skips a title row above the header (Excel sheets often start with one)', () => {
    const s = sniff('2023年度依申请公开情况统计表,,,\n单位代码,年度,项目,自然人\n1,2023,received,0\n')
    expect(s.titles).toEqual(['2023年度依申请公开情况统计表'])
    expect(s.headerRecords).toBe(2)
    expect(s.columns.map((c) => c.text)).toEqual(['单位代码', '年度', '项目', '自然人'])
  })

  it('handles an empty preview', () => {
    expect(sniff('').headerRecords).toBe(0)
  })
})
