/** Consistency rules within one report, and cell-level findings: breaks are reported, never fixed. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport, type ReportIssue } from '../../../../src/ingest/report'
import { fixture, sharedFixture } from './helpers'

const md = fixture('shixian-2022-markdown.md')
const parse = (text: string) => parseReport({ text, fileName: 'x.md' })
const rules = (issues: ReportIssue[]): string[] => issues.map((i) => i.rule ?? '').sort()

describe('consistency checks (勾稽关系)', () => {
  it('a consistent report has no findings', () => {
    expect(parse(md).issues).toEqual([])
  })

  it('received 20 → 21 breaks flow_identity (自然人 column) and applicant_sum (received row)', () => {
    const r = parse(md.replace('| 一、本年新收政府信息公开申请数量 | 20 |', '| 一、本年新收政府信息公开申请数量 | 21 |'))
    expect(r.applications.find((c) => c.row === 'received' && c.column === 'natural_person')?.value).toBe(21)
    expect(rules(r.issues)).toEqual(['applicant_sum', 'flow_identity'])
    const flow = r.issues.find((i) => i.rule === 'flow_identity')!
    expect(flow.severity).toBe('error')
    expect(flow.line).toBe(27)
    expect(flow.message).toBe('第27行起“自然人”列勾稽关系不符（本年新收 + 上年结转 = 办理结果总计 + 结转下年度）：本年新收＋上年结转为23，办理结果总计＋结转下年度为22')
    expect(r.issues.find((i) => i.rule === 'applicant_sum')!.message).toContain('总计为26，六类申请人之和为27')
  })

  it('granted 8 → 9 breaks handled_sum (自然人) and applicant_sum (granted row)', () => {
    const r = parse(md.replace('(一)予以公开 | 8 |', '(一)予以公开 | 9 |'))
    expect(rules(r.issues)).toEqual(['applicant_sum', 'handled_sum'])
    expect(r.issues.find((i) => i.rule === 'handled_sum')!.message).toContain('办理结果总计为21，各办理结果之和为22')
  })

  it('review total 4 → 5 breaks review_sum', () => {
    const r = parse(md.replace('| 2 | 1 | 0 | 1 | 4 |', '| 2 | 1 | 0 | 1 | 5 |'))
    expect(rules(r.issues)).toEqual(['review_sum'])
    expect(r.issues[0].message).toContain('“行政复议”')
  })

  it('text, "/", 无 and 43条 cells keep their meaning; text is an error, blank never counts as 0', () => {
    const r = parse(md.replace('| 行政许可 | 356 |', '| 行政许可 | 详见附表 |').replace('| 行政处罚 | 78 |', '| 行政处罚 | / |')
      .replace('| 行政强制 | 5 |', '| 行政强制 | 5件 |').replace('| 规章 | 1 | 0 | 3 |', '| 规章 | 1 | 无 | 3 |'))
    const cell = (row: string, col: string) => r.active.find((c) => c.row === row && c.column === col)!
    expect(cell('licensing', 'decisions')).toMatchObject({ kind: 'text', value: null, raw: '详见附表', confidence: 'certain' })
    expect(cell('penalty', 'decisions')).toMatchObject({ kind: 'na', value: null })
    expect(cell('coercion', 'decisions')).toMatchObject({ kind: 'number', value: 5 })
    expect(cell('regulations', 'repealed')).toMatchObject({ kind: 'zero_word', value: 0 })
    expect(rules(r.issues)).toEqual(['text_cells', 'tolerated_number', 'tolerated_number'])
    expect(r.issues.find((i) => i.rule === 'text_cells')!.message).toMatch(/^第\d+行“行政许可”的“本年处理决定数量”为文字“详见附表”，不是数字$/)
  })
})

describe('rows that do not fit the form', () => {
  it('a space-separated row with fewer cells is doubtful, cells not placed silently', () => {
    const r = parse(md.replace('| 规章 | 1 | 0 | 3 |', '规章 1 3'))
    const reg = r.active.filter((c) => c.row === 'regulations')
    expect(reg.map((c) => c.confidence)).toEqual(['doubtful', 'doubtful', 'doubtful'])
    expect(r.issues.map((i) => i.rule)).toEqual(['cell_count'])
    expect(r.issues[0].message).toContain('应有3个单元格，只找到2个')
  })

  it('a row with an extra value is doubtful', () => {
    const r = parse(md.replace('| 行政许可 | 356 |', '| 行政许可 | 356 | 12 |'))
    expect(r.active.find((c) => c.row === 'licensing')!.confidence).toBe('doubtful')
    expect(r.issues[0].message).toContain('应有1个单元格，找到2个')
  })

  it('a missing row is reported, and its numbers are not given to another row', () => {
    const r = parse(md.replace('| 5.属于三类内部事务信息 |', '| 5.属于三类内部事物 |'))
    expect(r.applications.some((c) => c.row === 'withheld.internal')).toBe(false)
    expect(r.issues.map((i) => i.rule)).toContain('missing_row')
    expect(r.issues.map((i) => i.rule)).toContain('unused_value')
    expect(r.issues.find((i) => i.rule === 'missing_row')!.message).toBe('第三部分（依申请公开）未找到“5.属于三类内部事务信息”行，该行未读取')
  })

  it('section 四 with 14 cells is doubtful', () => {
    const r = parse(md.replace('| 2 | 1 | 0 | 1 | 4 |', '| 2 | 1 | 0 | 1 |'))
    expect(r.reviews.every((c) => c.confidence === 'doubtful')).toBe(true)
    expect(r.issues.map((i) => i.rule)).toEqual(['cell_count'])
  })
})

describe('variants of the printed form', () => {
  const lines = md.split('\n')
  const at = (n: number) => lines[n - 1]

  it('a 2021 report printing 其他处理 as one row (2019 style): read as `other`, sums still checked', () => {
    const text = md.replace(`${at(47)}\n${at(48)}\n${at(49)}`, '|  | (六)其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |')
    const r = parse(text)
    expect(r.applications.filter((c) => c.row === 'other').map((c) => c.value)).toEqual([1, 0, 0, 0, 0, 0, 1])
    expect(r.applications.some((c) => c.row.startsWith('other.'))).toBe(false)
    expect(rules(r.issues)).toEqual(['missing_row'])
    expect(r.issues[0].message).toMatch(/未找到3行：“1\.申请人无正当理由.*”、“2\.申请人逾期未按收费通知.*”、“3\.其他”/)
    // handled_sum used `other`: break it and it is found.
    expect(rules(parse(text.replace('(六)其他处理 | 1 |', '(六)其他处理 | 2 |')).issues)).toContain('handled_sum')
  })

  it('a label broken by a space or a line break is still one label', () => {
    const r = parse(md.replace(at(30), '(二)部分公开(区分处理的，\n只计这一情形，不计其他情形) 3 0 0 0 0 0 3'))
    expect(r.applications.filter((c) => c.row === 'partial').map((c) => [c.value, c.confidence])).toEqual(Array(7).fill(null).map((_, i) => [i === 0 || i === 6 ? 3 : 0, 'certain']))
    expect(r.issues).toEqual([])
  })

  it('a table given as an image: one message, not one per row', () => {
    const start = lines.findIndex((l) => l.startsWith('三、收到'))
    const end = lines.findIndex((l) => l.startsWith('四、政府信息公开'))
    const r = parse([...lines.slice(0, start + 1), '（见下图）', ...lines.slice(end)].join('\n'))
    expect(r.applications).toEqual([])
    expect(r.issues.map((i) => i.message)).toEqual(['第三部分（依申请公开）未找到表格（可能是图片或附件），未读取'])
    expect(r.active).toHaveLength(10)
    expect(r.reviews).toHaveLength(15)
  })

  it('looser section headings (四、因政府信息公开工作被申请行政复议、提起行政诉讼情况)', () => {
    const r = parse(md.replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'))
    expect(r.issues).toEqual([])
    expect(r.reviews.map((c) => c.value)).toEqual([2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1])
  })

  it('no section headings at all: tables found by their labels, with a warning', () => {
    const r = parse(md.replace(/^[二三四]、.*$/gm, ''))
    expect(r.issues.map((i) => i.rule)).toEqual(['missing_heading'])
    expect(r.active).toHaveLength(10)
    expect(r.applications).toHaveLength(175)
    expect(r.reviews.map((c) => c.value)).toEqual([2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1])
  })
})

describe('Word paste with cells indented by several tabs', () => {
  it('reads \\t\\t-led cells like \\t-led ones', () => {
    const text = readFileSync(sharedFixture('nongqiao-2023.txt'), 'utf8').replace(/^\t/gm, '\t\t')
    const r = parseReport({ text })
    expect([r.active.length, r.applications.length, r.reviews.length]).toEqual([10, 175, 15])
    expect(r.issues).toEqual([])
  })
})
