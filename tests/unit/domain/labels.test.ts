import { describe, expect, it } from 'vitest'
import { normaliseLabel } from '../../../src/domain/labels'
import { labelIndex } from '../../../src/domain/bundle'
import { ACTIVE_ITEMS, ACTIVE_MEASURES, ACTIVE_MEASURES_2019, APPLICANT_COLUMNS, APPLICATION_ROWS } from '../../../src/domain/format'

describe('normaliseLabel', () => {
  it('strips the ordinal prefixes of the form', () => {
    expect(normaliseLabel('三（三）1.属于国家秘密')).toBe(normaliseLabel('属于国家秘密'))
    expect(normaliseLabel('1.属于国家秘密')).toBe('属于国家秘密')
    expect(normaliseLabel('（一）予以公开')).toBe('予以公开')
    expect(normaliseLabel('一、本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量')
    expect(normaliseLabel('四、结转下年度继续办理')).toBe('结转下年度继续办理')
  })

  it('treats full- and half-width brackets and punctuation alike', () => {
    expect(normaliseLabel('本年收费金额（单位：万元）')).toBe(normaliseLabel('本年收费金额(单位:万元)'))
    expect(normaliseLabel('(二)部分公开(区分处理的,只计这一情形,不计其他情形)'))
      .toBe(normaliseLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'))
    expect(normaliseLabel('３.危及“三安全一稳定”')).toBe(normaliseLabel('3.危及"三安全一稳定"'))
  })

  it('ignores case, spaces, line breaks inside a cell and invisible characters', () => {
    expect(normaliseLabel('商业\n企业')).toBe('商业企业')
    expect(normaliseLabel(' Unit Code ')).toBe(normaliseLabel('unit_code'))
    expect(normaliseLabel('\ufeff单位\u200b代码')).toBe('单位代码')
    expect(normaliseLabel('REVIEW_UPHELD')).toBe(normaliseLabel('review_upheld'))
  })

  it('reads 本年增\\减 and 本年增/减 as one label', () => {
    expect(normaliseLabel('本年增\\减')).toBe(normaliseLabel('本年增/减'))
    expect(normaliseLabel('本年增／减')).toBe('本年增减')
  })

  it('does not strip a decimal number or a label that is only a numeral', () => {
    expect(normaliseLabel('1.5')).toBe('15')
    expect(normaliseLabel('一')).toBe('一')
  })

  it('keeps different labels apart', () => {
    expect(normaliseLabel('规范性文件')).not.toBe(normaliseLabel('行政规范性文件'))
    expect(normaliseLabel('其他')).not.toBe(normaliseLabel('其他结果'))
  })
})

describe('label variants reach the same key through aliases', () => {
  const items = labelIndex(ACTIVE_ITEMS)
  const measures = labelIndex(ACTIVE_MEASURES)
  it('规范性文件 and 行政规范性文件', () => {
    expect(items.get(normaliseLabel('规范性文件'))).toBe('normative_docs')
    expect(items.get(normaliseLabel('行政规范性文件'))).toBe('normative_docs')
  })
  it('现行有效件 and 现行有效件数', () => {
    expect(measures.get(normaliseLabel('现行有效件'))).toBe('in_force')
    expect(measures.get(normaliseLabel('现行有效件数'))).toBe('in_force')
  })
  it('本年增\\减 is the 2019 change measure', () => {
    expect(labelIndex(ACTIVE_MEASURES_2019).get(normaliseLabel('本年增\\减'))).toBe('change')
  })
  it('application rows with their full prefixes', () => {
    const rows = labelIndex(APPLICATION_ROWS)
    expect(rows.get(normaliseLabel('三（三）1.属于国家秘密'))).toBe('withheld.state_secret')
    expect(rows.get(normaliseLabel('（七）总计'))).toBe('handled')
    expect(rows.get(normaliseLabel('二、上年结转政府信息公开申请数量'))).toBe('carried_in')
  })
  it('applicant columns written across a line break', () => {
    expect(labelIndex(APPLICANT_COLUMNS).get(normaliseLabel('商业\n企业'))).toBe('commercial')
  })
})
