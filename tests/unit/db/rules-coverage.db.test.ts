/**
 * What tests/unit/db/rules.db.test.ts does not cover yet (report-format.md, 勾稽关系):
 * - blank_cells: blank is missing, not zero — a blank cell is listed, kept NULL in summary, and a
 *   rule that needs it is not checked (no finding computed as if it were 0); `0`/`零`/`无` are zero;
 * - text_cells: a failing (located, verbatim) and a passing case;
 * - the 2019 `other` row counts in handled_sum (passing and failing 2019-layout reports);
 * - carry_chain over three years with one broken link: exactly one finding, at the third year;
 *   and a chain across the format change (2020 in the 2019 layout → 2021).
 * The whole findings table of the bundle is compared, so no rule fires where it should not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'

/** A consistent 2019-layout section 三 (row `other` instead of other.*): natural_person = total = value. */
const ROWS_2019 = ['received', 'carried_in', 'granted', 'partial', 'withheld.state_secret', 'withheld.prohibited', 'withheld.security',
  'withheld.third_party', 'withheld.internal', 'withheld.process', 'withheld.enforcement', 'withheld.query', 'unavailable.not_held',
  'unavailable.needs_creation', 'unavailable.unclear', 'rejected.petition', 'rejected.repeat', 'rejected.publication',
  'rejected.excessive', 'rejected.confirmation', 'other', 'handled', 'carried_out']
const app2019 = (unit: string, year: number, vals: Record<string, number> = {}): string[] =>
  ROWS_2019.map((k) => `${unit},${year},${k},${vals[k] ?? 0},0,0,0,0,0,${vals[k] ?? 0}`)

const REPORTS: [string, string, number][] = [
  ['OK', '正常镇', 2023],
  ['BZ', '空白镇', 2023], ['ZR', '零值镇', 2023],
  ['TX', '文字镇', 2023],
  ['O9', '旧版镇', 2019], ['OF', '旧版错镇', 2019],
  ['CH', '结转镇', 2021], ['CH', '结转镇', 2022], ['CH', '结转镇', 2023],
  ['CX', '跨版镇', 2020], ['CX', '跨版镇', 2021], ['CY', '跨版断镇', 2020], ['CY', '跨版断镇', 2021],
]

const bundle = () => [
  // no parent codes: peer_outlier has no peer groups; every value < 10: no yoy_jump
  prepared('C/reports.csv', 'reports', csv('unit_code,unit_name,level,year,active_total',
    ...REPORTS.map(([u, n, y]) => `${u},${n},乡镇,${y},5`))),
  prepared('C/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('OK', 2023, { received: 3, granted: 2, 'other.other': 1, handled: 3 }),
    // blank natural_person in `received`: if it were read as 0, flow_identity of that column would fire (0 ≠ 5)
    ...appLines('BZ', 2023, { received: 5, granted: 5, handled: 5 }, { received: 'BZ,2023,received,,0,0,0,0,0,5' }),
    // 0, 零 and 无 are zeros (零/无 with a note): no blank finding, and the sums hold
    ...appLines('ZR', 2023, { received: 2, granted: 2, handled: 2 }, { partial: 'ZR,2023,partial,零,无,0,0,0,0,0' }),
    ...appLines('TX', 2023, { received: 1, granted: 1, handled: 1 }, { 'withheld.query': 'TX,2023,withheld.query,0,详见附表,0,0,0,0,0' }),
    // 2019 layout: `other` counts in handled (3 + 2 = 5); OF: handled 6 ≠ 5
    ...app2019('O9', 2019, { received: 5, granted: 3, other: 2, handled: 5 }),
    ...app2019('OF', 2019, { received: 6, granted: 3, other: 2, handled: 6 }),
    // three years: 2021→2022 fine (2 = 2), 2022→2023 broken (1 ≠ 3)
    ...appLines('CH', 2021, { received: 5, granted: 3, handled: 3, carried_out: 2 }),
    ...appLines('CH', 2022, { received: 4, carried_in: 2, granted: 3, handled: 3, carried_out: 3 }),
    ...appLines('CH', 2023, { received: 2, carried_in: 1, granted: 3, handled: 3 }),
    // across the format change: CX 2020 (2019 layout) → 2021 fine; CY broken (4 ≠ 1)
    ...app2019('CX', 2020, { received: 3, granted: 2, handled: 2, carried_out: 1 }),
    ...appLines('CX', 2021, { received: 2, carried_in: 1, granted: 3, handled: 3 }),
    ...app2019('CY', 2020, { received: 3, granted: 2, handled: 2, carried_out: 1 }),
    ...appLines('CY', 2021, { received: 2, carried_in: 4, granted: 6, handled: 6 }),
  )),
]

type F = { rule: string; unit_code: string | null; year: number | null; cells: string | null; left_val: number | null; right_val: number | null; raw: string | null; line: number | null; message: string }

describe('rule coverage: blank vs zero, text, the 2019 other row, carry-over chains', () => {
  let db: Db
  let all: F[]
  beforeAll(async () => {
    db = await freshDb()
    await loadTables(db, bundle())
    all = await db.query<F>('SELECT rule, unit_code, year, cells, left_val, right_val, raw, line, message FROM findings ORDER BY rule, unit_code, year, cells')
  }, 180_000)
  afterAll(async () => { await db?.close() })

  it('the bundle yields exactly the planted findings, no others', () => {
    expect(all.map((f) => [f.rule, f.unit_code, f.year, f.cells])).toEqual([
      ['blank_cells', 'BZ', 2023, 'received.natural_person'],
      ['carry_chain', 'CH', 2023, 'carried_in.total'],
      ['carry_chain', 'CY', 2021, 'carried_in.total'],
      ['handled_sum', 'OF', 2019, 'handled.natural_person'],
      ['handled_sum', 'OF', 2019, 'handled.total'],
      ['text_cells', 'TX', 2023, 'withheld.query.commercial'],
      // 零/无 read as 0 “with a note” (bundle-format.md)
      ['tolerated_number', 'ZR', 2023, 'partial.commercial, partial.natural_person'],
    ])
  })

  it('blank_cells: listed, kept NULL (not 0) in typed tables and summary; a rule needing it is not checked', async () => {
    const [b] = all.filter((f) => f.rule === 'blank_cells')
    expect(b.message).toContain('空白镇')
    expect(b.line).toBe(27) // OK's 25 rows come first: BZ's received row is record 26, line 27
    const [a] = await db.query(`SELECT natural_person, total FROM applications WHERE unit_code = 'BZ' AND "row" = 'received'`)
    expect(a).toEqual({ natural_person: null, total: 5 })
    const [s] = await db.query(`SELECT received, received_natural_person, missing_cells FROM summary WHERE unit_code = 'BZ'`)
    expect(s).toEqual({ received: 5, received_natural_person: null, missing_cells: 1 })
    expect(all.filter((f) => f.unit_code === 'BZ' && f.rule === 'flow_identity')).toEqual([])
  })

  it('blank_cells passes: 0, 零 and 无 are zeros (no blank finding, counted as 0; 零/无 noted)', async () => {
    expect(all.filter((f) => f.unit_code === 'ZR').map((f) => f.rule)).toEqual(['tolerated_number'])
    const [a] = await db.query(`SELECT natural_person, commercial FROM applications WHERE unit_code = 'ZR' AND "row" = 'partial'`)
    expect(a).toEqual({ natural_person: 0, commercial: 0 })
    const [s] = await db.query(`SELECT partial, missing_cells, text_cells FROM summary WHERE unit_code = 'ZR'`)
    expect(s).toEqual({ partial: 0, missing_cells: 0, text_cells: 0 })
  })

  it('text_cells: the text is kept verbatim, located, and not counted; a clean report has none', async () => {
    const [t] = all.filter((f) => f.rule === 'text_cells')
    expect(t).toMatchObject({ raw: '详见附表', line: expect.any(Number) })
    expect(t.message).toContain('详见附表')
    expect(t.message).toContain('C/applications.csv')
    const [a] = await db.query(`SELECT commercial FROM applications WHERE unit_code = 'TX' AND "row" = 'withheld.query'`)
    expect(a).toEqual({ commercial: null })
    expect((await db.query(`SELECT text_cells FROM summary WHERE unit_code = 'TX'`))[0]).toEqual({ text_cells: 1 })
    expect(all.filter((f) => f.unit_code === 'OK')).toEqual([])
  })

  it('2019 `other` row: counted in handled_sum and in summary.other; 2019 layout detected', async () => {
    expect(all.filter((f) => f.unit_code === 'O9')).toEqual([])
    const of = all.filter((f) => f.rule === 'handled_sum' && f.unit_code === 'OF')
    expect(of.map((f) => [f.left_val, f.right_val])).toEqual([[6, 5], [6, 5]])
    const s = await db.query(`SELECT unit_code, other, handled, format FROM summary WHERE unit_code IN ('O9', 'OF') ORDER BY unit_code`)
    expect(s).toEqual([{ unit_code: 'O9', other: 2, handled: 5, format: '2019' }, { unit_code: 'OF', other: 2, handled: 6, format: '2019' }])
  })

  it('carry_chain over three years with one broken link: one finding, at the third year', () => {
    const ch = all.filter((f) => f.rule === 'carry_chain' && f.unit_code === 'CH')
    expect(ch).toHaveLength(1)
    expect(ch[0]).toMatchObject({ year: 2023, left_val: 1, right_val: 3 })
    expect(ch[0].message).toContain('2022')
  })

  it('carry_chain across the format change (2020 in the 2019 layout → 2021)', () => {
    expect(all.filter((f) => f.unit_code === 'CX')).toEqual([])
    expect(all.filter((f) => f.unit_code === 'CY')).toMatchObject([{ rule: 'carry_chain', year: 2021, left_val: 4, right_val: 1 }])
  })
})
