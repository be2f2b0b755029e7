/** Quality/report query builders against Node DuckDB: coverage statuses, risk order, one report's cells. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import {
  coverageQuery, qualityCountsQuery, qualityFindingsQuery, qualityTotalQuery, reportCellsQuery, reportFactsQuery, reportMetaQuery, riskQuery,
} from '../../../src/queries/quality'
import { buildTable, cellAt } from '../../../src/components/report/model'
import { indexFindings, notesFor } from '../../../src/components/report/findingCells'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'

// A 2022 ok · A 2023 flow_identity errors · B 2022 missing · B 2023 format_year warning (declared 2019, no tables)
// C 2022 blank cell (info only → ok) · C 2023 text cell (error) and a "/" cell · D 2023 reviews from facts.csv with a text cell
const bundle = () => [
  prepared('Q/units.csv', 'units', csv('unit_code,unit_name,parent_code,level', 'K,抚远市,,县')),
  prepared('Q/reports.csv', 'reports', csv('unit_code,unit_name,parent_code,level,year,active_total,format',
    'A,甲镇,K,乡镇,2022,10,', 'A,甲镇,K,乡镇,2023,10,', 'B,乙镇,K,乡镇,2023,12,2019', 'C,丙乡,K,乡镇,2022,11,', 'C,丙乡,K,乡镇,2023,11,',
    'D,丁街道,K,街道,2023,约40条,')),
  prepared('Q/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('A', 2022),
    ...appLines('A', 2023, { received: 5, granted: 4, handled: 4 }),
    ...appLines('C', 2022, {}, { granted: 'C,2022,granted,0,0,,0,0,0,0' }),
    ...appLines('C', 2023, { received: 2, granted: 2, handled: 2 }, {
      received: 'C,2023,received,2,详见附表,0,0,0,0,2',
      carried_in: 'C,2023,carried_in,0,0,0,0,/,0,0',
    }))),
  prepared('Q/facts.csv', 'facts', csv('unit_code,year,section,row,column,value',
    'D,2023,reviews,,review_upheld,1', 'D,2023,reviews,,review_total,略')),
]

describe('quality queries', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb(); await loadTables(db, bundle()) }, 180_000)
  afterAll(async () => { await db.close() })

  it('bind every user value', () => {
    const evil = "A' OR 1=1 --"
    for (const q of [qualityFindingsQuery({ unitCodes: [evil] }, { unitCode: evil, rule: evil }), reportMetaQuery(evil, 2023),
      reportCellsQuery('applications', evil, 2023), reportFactsQuery(evil, 2023), coverageQuery({ level: evil }), riskQuery({ unitCodes: [evil] })]) {
      expect(q.sql).not.toContain('OR 1=1')
      expect(q.params).toContain(evil)
    }
  })

  it('coverage: ok, missing, warning, error per unit-year', async () => {
    const rows = await runQuery(db, coverageQuery())
    const status = Object.fromEntries(rows.map((r) => [`${r.unitCode}-${r.year}`, r.status]))
    expect(status).toMatchObject({
      'A-2022': 'ok', 'A-2023': 'error', 'B-2022': 'missing', 'B-2023': 'warning', 'C-2022': 'ok', 'C-2023': 'error', 'D-2022': 'missing', 'D-2023': 'error',
    })
    expect(rows.every((r) => r.unitsTotal === 4)).toBe(true)
    expect(rows.find((r) => r.unitCode === 'C' && r.year === 2022)).toMatchObject({ errors: 0, warnings: 0, hasReport: true })
    expect((rows.find((r) => r.unitCode === 'C' && r.year === 2022)?.infos ?? 0)).toBeGreaterThan(0)
    // paged by unit
    const page2 = await runQuery(db, coverageQuery({}, { limit: 2, offset: 2 }))
    expect([...new Set(page2.map((r) => r.unitCode))]).toEqual(['C', 'D'])
    // shared filters: one year
    const y = await runQuery(db, coverageQuery({ yearFrom: 2023 }))
    expect(new Set(y.map((r) => r.year))).toEqual(new Set([2023]))
  })

  it('risk: by errors, then warnings, then code; units with neither left out', async () => {
    const rows = await runQuery(db, riskQuery())
    // A and D tie on 2 errors (D: text in active_total and in a review cell) → by code
    expect(rows.map((r) => [r.unitCode, r.errors, r.warnings])).toEqual([['A', 2, 0], ['D', 2, 0], ['C', 1, 0], ['B', 0, 1]])
    expect(rows[0]).toMatchObject({ unitName: '甲镇', errors: 2, warnings: 0, reports: 2, errorYears: [2023] })
    expect(rows[3]).toMatchObject({ errors: 0, warnings: 1 })
  })

  it('findings: filters, counts and total', async () => {
    const a = await runQuery(db, qualityFindingsQuery({}, { unitCode: 'A', year: 2023 }))
    expect(a.map((f) => f.rule)).toEqual(['flow_identity', 'flow_identity'])
    const [{ total }] = await runQuery(db, qualityTotalQuery({}, { severity: 'error' }))
    const errs = await runQuery(db, qualityFindingsQuery({}, { severity: 'error', limit: 1000 }))
    expect(total).toBe(errs.length)
    const page = await runQuery(db, qualityFindingsQuery({}, { severity: 'error', limit: 2, offset: 1 }))
    expect(page).toEqual(errs.slice(1, 3))
    const counts = await runQuery(db, qualityCountsQuery({}, { severity: 'error' }))
    // the cards keep every severity (rule/severity options do not narrow them)
    expect(counts.some((c) => c.severity === 'warning' && c.rule === 'format_year')).toBe(true)
    expect(counts.find((c) => c.rule === 'flow_identity')?.count).toBe(2)
  })

  it("one report's cells: value and verbatim text (text, n.a., blank)", async () => {
    const rows = await runQuery(db, reportCellsQuery('applications', 'C', 2023))
    expect(rows).toHaveLength(25)
    const received = rows.find((r) => r.rowKey === 'received')!
    expect(received).toMatchObject({ file: 'Q/applications.csv', fileKind: 'applications', v_commercial: null, r_commercial: '详见附表', v_total: 2, r_total: '2' })
    expect(received.line).toBe(1 + 25 * 3 + 1) // after A 2022, A 2023, C 2022 (25 rows each) and the header
    const t = buildTable('applications', rows)
    expect(cellAt(t, 'received', 'commercial')).toMatchObject({ kind: 'text', raw: '详见附表', value: null })
    expect(cellAt(t, 'carried_in', 'legal_service')).toMatchObject({ kind: 'na', raw: '/' })
    expect(cellAt(t, 'received', 'total')).toMatchObject({ kind: 'number', value: 2 })
    expect(cellAt(t, 'other', 'total').kind).toBe('absent') // a 2019-only row of a 2021 report
    const blank = buildTable('applications', await runQuery(db, reportCellsQuery('applications', 'C', 2022)))
    expect(cellAt(blank, 'granted', 'research')).toMatchObject({ kind: 'blank', raw: null, value: null })
    // the text cell's finding points at that cell
    const notes = indexFindings(await runQuery(db, qualityFindingsQuery({}, { unitCode: 'C', year: 2023 })))
    expect(notesFor(notes, 'applications', 'received', 'commercial').map((n) => n.severity)).toEqual(['error'])
    expect(notesFor(notes, 'applications', 'received', 'natural_person')).toEqual([])
  })

  it('cells taken from facts.csv keep their text', async () => {
    const rows = await runQuery(db, reportCellsQuery('reviews', 'D', 2023))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ rowKey: '', fileKind: 'facts', v_review_upheld: 1, v_review_total: null })
    const facts = await runQuery(db, reportFactsQuery('D', 2023))
    expect(facts).toContainEqual(expect.objectContaining({ tbl: 'reviews', rowKey: '', col: 'review_total', raw: '略' }))
    const t = buildTable('reviews', rows, facts)
    expect(cellAt(t, '', 'review_total')).toMatchObject({ kind: 'text', raw: '略' })
    expect(cellAt(t, '', 'review_upheld')).toMatchObject({ kind: 'number', value: 1 })
    expect(cellAt(t, '', 'review_pending').kind).toBe('blank')
  })

  it('report meta: format declared/detected, verbatim active_total, source line', async () => {
    const [b] = await runQuery(db, reportMetaQuery('B', 2023))
    expect(b).toMatchObject({ unitName: '乙镇', hasReport: true, formatDeclared: '2019', formatDetected: null, format: '2019', file: 'Q/reports.csv', line: 4 })
    const [d] = await runQuery(db, reportMetaQuery('D', 2023))
    expect(d).toMatchObject({ activeTotalRaw: '约40条', activeTotal: null })
    const [c] = await runQuery(db, reportMetaQuery('C', 2023))
    expect(c).toMatchObject({ formatDetected: '2021', activeTotal: 11, activeTotalRaw: '11' })
    const [none] = await runQuery(db, reportMetaQuery('B', 2022))
    expect(none).toMatchObject({ hasReport: false, file: null, format: null })
  })
})
