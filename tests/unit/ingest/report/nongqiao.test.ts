/** The real published report (shared fixture) must be read exactly: every cell 0, nothing doubtful. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ROWS } from '../../../../src/domain/format'
import { parseReport } from '../../../../src/ingest/report'
import { doubtful, sharedFixture } from './helpers'

const text = readFileSync(sharedFixture('nongqiao-2023.txt'), 'utf8')
const r = parseReport({ text, fileName: 'nongqiao-2023.txt' })

describe('浓桥镇 2023 (shared fixture, cells one per line)', () => {
  it('reads title, format and the active-disclosure total', () => {
    expect(r.unitName).toBe('浓桥镇')
    expect(r.year).toBe(2023)
    expect(r.format).toBe('2021')
    expect(r.formatEvidence).toContain('本年制发件数')
    expect(r.activeTotal).toBe(43)
    expect(r.activeTotalEvidence).toBe('共公开信息43条')
    expect(r.activeTotalLine).toBe(5)
    expect(r.activeTotalConfidence).toBe('certain')
  })

  it('reads section 二: 6 rows, 10 cells, all 0', () => {
    expect(r.active.map((c) => `${c.row}.${c.column}`)).toEqual([
      'regulations.issued', 'regulations.repealed', 'regulations.in_force',
      'normative_docs.issued', 'normative_docs.repealed', 'normative_docs.in_force',
      'licensing.decisions', 'penalty.decisions', 'coercion.decisions', 'admin_fees.fee_amount',
    ])
    for (const c of r.active) expect([c.raw, c.value, c.kind]).toEqual(['0', 0, 'number'])
  })

  it('reads section 三: 25 rows × 7 columns, all 0, on the lines they are printed', () => {
    const rows = APPLICATION_ROWS.filter((x) => x.formats.includes('2021')).map((x) => x.key)
    expect(rows).toHaveLength(25)
    expect(r.applications).toHaveLength(175)
    expect([...new Set(r.applications.map((c) => c.row))]).toEqual(rows)
    for (const c of r.applications) expect(c.value).toBe(0)
    const first = r.applications.slice(0, 7)
    expect(first.map((c) => c.column)).toEqual(['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'])
    expect(first.map((c) => c.line)).toEqual([88, 89, 90, 91, 92, 93, 94])
    const lines = text.split('\n')
    for (const c of r.applications) expect(lines[c.line - 1].trim()).toBe('0')
  })

  it('reads section 四: 15 cells, all 0', () => {
    expect(r.reviews).toHaveLength(15)
    expect(r.reviews.map((c) => c.value)).toEqual(Array(15).fill(0))
    expect(r.reviews[0]).toMatchObject({ row: 'review', column: 'upheld' })
    expect(r.reviews[14]).toMatchObject({ row: 'litigation_after_review', column: 'total' })
  })

  it('has nothing doubtful and no issues', () => {
    expect(doubtful(r)).toEqual([])
    expect(r.issues).toEqual([])
  })
})
