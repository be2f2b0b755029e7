import { describe, expect, it } from 'vitest'
import { recognise, recogniseHeader } from '../../../src/ingest/recognise'
import { sniff } from '../../../src/ingest/sniff'
import { BUNDLE_TABLES, TABLE_KINDS } from '../../../src/domain/bundle'
import { REVIEW_KEYS } from '../../../src/domain/format'

describe('recognise — each table by English keys and by Chinese labels', () => {
  for (const kind of TABLE_KINDS) {
    const cols = BUNDLE_TABLES[kind].columns
    it(`${kind} by keys`, () => {
      const r = recogniseHeader(cols.map((c) => c.key))
      expect(r).toMatchObject({ kind, complete: true, issues: [] })
      expect(r.columns).toEqual(cols.map((c) => c.key))
    })
    it(`${kind} by Chinese labels`, () => {
      const r = recogniseHeader(cols.map((c) => c.zh))
      expect(r.kind).toBe(kind)
      expect(r.complete).toBe(true)
      expect(r.columns).toEqual(cols.map((c) => c.key))
    })
  }

  it('reports with only the required columns in another order and odd spelling', () => {
    const r = recogniseHeader(['年度', ' 单位名称 ', 'UNIT_CODE', '主动公开信息数量'])
    expect(r.kind).toBe('reports')
    expect(r.columns).toEqual(['year', 'unit_name', 'unit_code', 'active_total'])
  })

  it('units (no year) is not mistaken for reports', () => {
    expect(recogniseHeader(['单位代码', '单位名称', '上级代码', '层级']).kind).toBe('units')
    expect(recogniseHeader(['单位代码', '单位名称', '年度']).kind).toBe('reports')
  })

  it('applications with labels of the form and a line break inside a header cell', () => {
    const r = recogniseHeader(['单位代码', '年度', '项目', '自然人', '商业\n企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'])
    expect(r.kind).toBe('applications')
    expect(r.columns).toEqual(['unit_code', 'year', 'row', 'natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'])
  })

  it('reviews headers in their variants', () => {
    const r = recogniseHeader(['unit_code', 'year', '行政复议-结果维持', '行政诉讼-未经复议直接起诉-结果维持', '复议后起诉-总计', 'review_total', '行政诉讼 复议后起诉 结果纠正'])
    expect(r.kind).toBe('reviews')
    expect(r.columns).toEqual(['unit_code', 'year', 'review_upheld', 'litigation_direct_upheld', 'litigation_after_review_total', 'review_total', 'litigation_after_review_corrected'])
  })

  it('a two-row applications header with 法人或其他组织 over its sub-columns', () => {
    const s = sniff([
      '单位代码,年度,项目,自然人,法人或其他组织,,,,,总计',
      ',,,,商业企业,科研机构,社会公益组织,法律服务机构,其他,',
      '1,2023,received,1,0,0,0,0,0,1',
    ].join('\n'))
    expect(s.headerRecords).toBe(2)
    const r = recognise(s.columns)
    expect(r.kind).toBe('applications')
    expect(r.columns.slice(3)).toEqual(['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'])
  })

  it('a two-row reviews header', () => {
    const s = sniff([
      '单位代码,年度,行政复议,,,,,行政诉讼-未经复议直接起诉,,,,,行政诉讼-复议后起诉,,,,',
      ',,结果维持,结果纠正,其他结果,尚未审结,总计,结果维持,结果纠正,其他结果,尚未审结,总计,结果维持,结果纠正,其他结果,尚未审结,总计',
      '1,2023,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
    ].join('\n'))
    const r = recognise(s.columns)
    expect(r.kind).toBe('reviews')
    expect(r.columns).toEqual(['unit_code', 'year', ...REVIEW_KEYS])
  })
})

describe('recognise — problems', () => {
  it('unknown headers are listed with their position and ignored', () => {
    const r = recogniseHeader(['unit_code', 'unit_name', 'year', '备注'])
    expect(r.kind).toBe('reports')
    expect(r.columns[3]).toBeNull()
    expect(r.issues).toEqual([{ position: 4, header: '备注', kind: 'unknown' }])
  })

  it('a duplicate header keeps the first column and ignores the second', () => {
    const r = recogniseHeader(['单位代码', '年度', '单位名称', 'year'])
    expect(r.columns).toEqual(['unit_code', 'year', 'unit_name', null])
    expect(r.issues).toEqual([{ position: 4, header: 'year', kind: 'duplicate', key: 'year', firstPosition: 2 }])
  })

  it('missing required columns are named; the best-matching table is still identified', () => {
    const r = recogniseHeader(['unit_code', 'year', 'natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'])
    expect(r.kind).toBe('applications')
    expect(r.complete).toBe(false)
    expect(r.missing).toEqual(['row'])
  })

  it('a header matching no table (or only unit code and year) is unrecognised', () => {
    expect(recogniseHeader(['姓名', '电话', '地址']).kind).toBeNull()
    expect(recogniseHeader(['unit_code', 'year', 'foo']).kind).toBeNull()
  })

  it('empty header cells are reported as empty, not unknown', () => {
    const r = recogniseHeader(['unit_code', 'unit_name', 'year', ''])
    expect(r.issues).toEqual([{ position: 4, header: '', kind: 'empty' }])
  })
})
