/** Pure parts: review-mark identity and persistence, CSV neutralisation and file names, finding → cells. */
import { describe, expect, it } from 'vitest'
import { findingKey, loadMarks, parseMarks, saveMarks, STORAGE_KEY, withMark, type MarkStorage } from '../../../../src/composables/useReviewMarks/marks'
import { neutralise, toCsv } from '../../../../src/components/quality/export'
import { cellKey, findingCellKeys } from '../../../../src/components/report/findingCells'

const f = { rule: 'flow_identity', unitCode: '230883103000', year: 2023, cells: 'received.total+carried_in.total=handled.total+carried_out.total', file: 'a/applications.csv', line: 12 }

class MemStorage implements MarkStorage {
  m = new Map<string, string>()
  getItem(k: string) { return this.m.get(k) ?? null }
  setItem(k: string, v: string) { this.m.set(k, v) }
}

describe('review marks', () => {
  it('key a finding by rule + unit + year + cells + file + line only', () => {
    const k = findingKey(f)
    expect(findingKey({ ...f, message: 'other text', left: 1 } as typeof f)).toBe(k)
    for (const change of [{ rule: 'handled_sum' }, { unitCode: '230883103001' }, { year: 2022 }, { cells: 'handled.total' }, { file: 'b/applications.csv' }, { line: 13 }]) {
      expect(findingKey({ ...f, ...change })).not.toBe(k)
    }
    // no separator collisions, null distinct from text
    expect(findingKey({ ...f, unitCode: 'a|b', cells: 'c' })).not.toBe(findingKey({ ...f, unitCode: 'a', cells: 'b|c' }))
    expect(findingKey({ ...f, line: null })).not.toBe(findingKey({ ...f, line: 0 }))
  })

  it('persist across a reload (storage round trip), clear, and survive junk', () => {
    const s = new MemStorage()
    let marks = withMark({}, findingKey(f), 'to_correct', '请核对结转数', new Date('2026-11-27T10:00:00Z'))
    expect(saveMarks(s, marks)).toBe(true)
    const again = loadMarks(s)
    expect(again[findingKey(f)]).toEqual({ status: 'to_correct', note: '请核对结转数', at: '2026-11-27T10:00:00.000Z' })
    marks = withMark(again, findingKey(f), null)
    expect(marks).toEqual({})
    s.setItem(STORAGE_KEY, '{not json')
    expect(loadMarks(s)).toEqual({})
    expect(parseMarks(JSON.stringify({ a: { status: 'bogus' }, b: { status: 'explained', note: 5 }, c: null }))).toEqual({ b: { status: 'explained', note: '', at: '' } })
    expect(loadMarks({ getItem: () => { throw new Error('denied') }, setItem: () => {} })).toEqual({})
    expect(saveMarks({ getItem: () => null, setItem: () => { throw new Error('quota') } }, marks)).toBe(false)
  })
})

describe('CSV export', () => {
  it('neutralise formula-like cells with a leading apostrophe', () => {
    for (const s of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\t=x', '\r=x']) expect(neutralise(s)).toBe(`'${s}`)
    for (const s of ['详见附表', '1', '', "'x", 'a=b']) expect(neutralise(s)).toBe(s)
  })

  it('BOM, CRLF, quoting; numbers are not neutralised, text is', () => {
    const text = toCsv(['规则', '说明'], [['=HYPERLINK("http://x")', 'a,b'], [-3, null], ['line1\nline2', '@x']])
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.slice(1).split('\r\n')).toEqual(['规则,说明', `"'=HYPERLINK(""http://x"")","a,b"`, '-3,', `"line1\nline2",'@x`, ''])
  })

})

describe('finding → form cells', () => {
  it('parses the cells column of each rule shape', () => {
    expect(findingCellKeys('applications', 'received.total+carried_in.total=handled.total+carried_out.total')).toEqual(
      ['received', 'carried_in', 'handled', 'carried_out'].map((r) => cellKey('applications', r, 'total')))
    expect(findingCellKeys('applications', 'withheld.state_secret.commercial')).toEqual([cellKey('applications', 'withheld.state_secret', 'commercial')])
    expect(findingCellKeys('applications', 'received.commercial, other.no_fee.total')).toEqual(
      [cellKey('applications', 'received', 'commercial'), cellKey('applications', 'other.no_fee', 'total')])
    expect(findingCellKeys('reviews', 'review_total')).toEqual([cellKey('reviews', '', 'review_total')])
    expect(findingCellKeys('reviews', '.review_upheld, .review_total')).toEqual([cellKey('reviews', '', 'review_upheld'), cellKey('reviews', '', 'review_total')])
    expect(findingCellKeys('active', 'regulations')).toEqual([cellKey('active', 'regulations', '*')])
    expect(findingCellKeys('active', 'regulations.in_force')).toEqual([cellKey('active', 'regulations', 'in_force')])
    expect(findingCellKeys('summary', 'received')).toEqual([cellKey('applications', 'received', 'total')])
    expect(findingCellKeys('reports', '.active_total')).toEqual([cellKey('reports', '', 'active_total')])
    expect(findingCellKeys(null, 'format')).toEqual([])
    expect(findingCellKeys('applications', null)).toEqual([])
  })
})
