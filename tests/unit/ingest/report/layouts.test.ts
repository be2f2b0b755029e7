/**
 * Our own fixtures: the same rule-consistent numbers in every layout seen in published reports.
 * Each is read exactly, or the ambiguous cells are flagged doubtful (never silently guessed).
 */
import { describe, expect, it } from 'vitest'
import { activeGrid, appsGrid, doubtful, grid, parseFixture, reviewsGrid } from './helpers'
import { ACTIVE_2019, ACTIVE_2021, APPS_2019, APPS_2021, REVIEWS_2019, REVIEWS_2021 } from './expected'
import type { ParsedReport } from '../../../../src/ingest/report'

const errors = (r: ParsedReport): string[] => r.issues.filter((i) => i.severity !== 'info').map((i) => i.message)

function expect2021(r: ParsedReport, patch: { active?: Record<string, number | null>; apps?: Record<string, number | null> } = {}): void {
  expect(r.format).toBe('2021')
  expect(grid(r.active)).toEqual({ ...activeGrid(ACTIVE_2021), ...patch.active })
  expect(grid(r.applications)).toEqual({ ...appsGrid(APPS_2021), ...patch.apps })
  expect(grid(r.reviews)).toEqual(reviewsGrid(REVIEWS_2021))
}

describe('layouts', () => {
  it('markdown tables (| a | b |), 规范性文件 variant, half-width brackets, thousands separator in the total', () => {
    const r = parseFixture('shixian-2022-markdown.md')
    expect([r.unitName, r.year, r.activeTotal, r.activeTotalEvidence]).toEqual(['示例县人民政府', 2022, 1234, '全年累计主动公开政府信息1,234条'])
    expect2021(r)
    expect(doubtful(r)).toEqual([])
    expect(r.issues).toEqual([])
  })

  it('2019 format, cells separated by spaces, header words split over lines (商业\\n企业)', () => {
    const r = parseFixture('huanbao-2020-spaces-2019format.txt')
    expect([r.unitName, r.year, r.format, r.activeTotal]).toEqual(['示例市生态环境局', 2020, '2019', 256])
    expect(r.formatEvidence).toContain('本年新制作数量')
    expect(grid(r.active)).toEqual(activeGrid(ACTIVE_2019))
    expect(grid(r.applications)).toEqual(appsGrid(APPS_2019))
    expect(grid(r.reviews)).toEqual(reviewsGrid(REVIEWS_2019))
    expect(r.active.find((c) => c.column === 'change' && c.row === 'licensing')?.value).toBe(-1)
    expect(doubtful(r)).toEqual([])
    expect(r.issues).toEqual([])
  })

  it('one cell per line with a | line after every cell', () => {
    const r = parseFixture('dongcheng-2023-pipelines.txt')
    expect([r.unitName, r.year, r.activeTotal]).toEqual(['东城区人民政府', 2023, 870])
    expect2021(r)
    expect(doubtful(r)).toEqual([])
    expect(r.issues).toEqual([])
  })

  it('Word paste (tab-led cells, blank line per row) with a blank cell: kept blank, not 0, not summed', () => {
    const r = parseFixture('qingshan-2023-word.txt')
    expect2021(r, { apps: { 'carried_in|research': null } })
    const blank = r.applications.find((c) => c.row === 'carried_in' && c.column === 'research')
    expect(blank).toMatchObject({ kind: 'blank', raw: '', confidence: 'certain' })
    expect(doubtful(r)).toEqual([])
    expect(r.issues.map((i) => i.rule)).toEqual(['blank_cells'])
    expect(r.issues[0].message).toContain(`第${blank?.line}行`)
  })

  it('HTML with rowspan/colspan, <br> inside header words, entities, a &nbsp; blank cell', () => {
    const r = parseFixture('nanshan-2023-spans.html')
    expect([r.unitName, r.year, r.activeTotal, r.activeTotalEvidence]).toEqual(['南山区人民政府', 2023, 3456, '共公开政府信息3,456条'])
    expect2021(r, { apps: { 'withheld.query|legal_service': null } })
    expect(doubtful(r)).toEqual([])
    expect(r.issues.map((i) => i.rule)).toEqual(['blank_cells'])
  })

  it('总计 printed first in the flattened header: columns follow the header; a short row is doubtful', () => {
    const r = parseFixture('xiguan-2021-total-first.txt')
    expect([r.year, r.activeTotal]).toEqual([2021, 512])
    const received = r.applications.filter((c) => c.row === 'received')
    expect(received.map((c) => [c.column, c.value])).toEqual([
      ['total', 26], ['natural_person', 20], ['commercial', 3], ['research', 0], ['social_welfare', 1], ['legal_service', 2], ['other_org', 0],
    ])
    const d = doubtful(r)
    expect(d).toHaveLength(7)
    expect(new Set(d.map((c) => c.row))).toEqual(new Set(['rejected.repeat']))
    expect(errors(r)).toEqual([expect.stringContaining('“2.重复申请”应有7个单元格，只找到3个')])
    expect(errors(r)[0]).toMatch(/^第42行/)
    // Everything else is exact.
    const g = grid(r.applications.filter((c) => c.row !== 'rejected.repeat'))
    const want = appsGrid(APPS_2021)
    for (const k of Object.keys(want)) if (!k.startsWith('rejected.repeat|')) expect([k, g[k]]).toEqual([k, want[k]])
  })

  it('digits glued to the label: a number is never split for certain — 规章103 → 1,0,3 in doubt; 12245 → not read; 000 → 0,0,0', () => {
    const r = parseFixture('beiguan-2023-runon.txt')
    const reg = r.active.filter((c) => c.row === 'regulations')
    expect(grid(reg)).toEqual({ 'regulations|issued': 1, 'regulations|repealed': 0, 'regulations|in_force': 3 })
    expect(reg.map((c) => c.confidence)).toEqual(['doubtful', 'doubtful', 'doubtful'])
    expect(reg[0].why).toContain('“103”')
    const norm = r.active.filter((c) => c.row === 'normative_docs')
    expect(norm.map((c) => [c.confidence, c.value, c.unread])).toEqual(Array(3).fill(['doubtful', null, true]))
    expect(grid(r.applications)).toEqual(appsGrid(APPS_2021))
    expect(errors(r).some((m) => m.includes('“12245”') && m.startsWith('第11行'))).toBe(true)
    const zeros = parseFixture('beiguan-2023-runon.txt', (t) => t.replace(/规章103/, '规章000')).active.filter((c) => c.row === 'regulations')
    expect(zeros.map((c) => [c.value, c.confidence])).toEqual(Array(3).fill([0, 'certain']))
  })

  it('two explicit totals in part 一: takes the most explicit and flags it', () => {
    const r = parseFixture('beiguan-2023-runon.txt')
    expect(r.activeTotal).toBe(135)
    expect(r.activeTotalConfidence).toBe('doubtful')
    expect(errors(r).some((m) => m.includes('共公开信息120条'))).toBe(true)
  })

  it('a 2023 report in the 2019 layout: format by labels, format_year warning', () => {
    const r = parseFixture('laojie-2023-oldformat.txt')
    expect(r.format).toBe('2019')
    expect(grid(r.active)).toEqual(activeGrid(ACTIVE_2019))
    expect(grid(r.applications)).toEqual(appsGrid(APPS_2019))
    expect(r.issues.map((i) => i.rule)).toEqual(['format_year'])
    expect(r.issues[0].message).toBe('2023年报告使用了2019版表格（应为2021版）')
  })
})
