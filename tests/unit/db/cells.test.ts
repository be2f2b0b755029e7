import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCell } from '../../../src/domain'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { ensureSchema } from '../../../src/db/schema'
import type { Db } from '../../../src/db/types'

const INPUTS: (string | null)[] = [
  null, '', ' ', '　', '\u200b', '0', '00', '7', '007', ' 43 ', '43条', '43 条', '12件', '3个', '5项', '2次', '8人',
  '1.5万元', '30元', '１２', '１，２３４', '1,234', '12,34', '1,234.5', '-3', '－3', '+4', '3.25', '.5', '-0', '零', '无',
  '/', '／', '—', '——', '-', '－', '–', '不适用', 'N/A', 'n/a', 'NA', '#N/A', '详见附表', '略', '3.', '1e3', '12条件',
  '１２条', '43\u00a0', 'abc', '5 万元', '1,234条',
]

describe('cell macros agree with parseCell', () => {
  let db: Db
  beforeAll(async () => { db = await startNodeDuckDb(); await ensureSchema(db) }, 120_000)
  afterAll(async () => { await db.close() })

  it('kind, value and tolerated for every input', async () => {
    const values = INPUTS.map(() => '(?, ?)').join(', ')
    const rows = await db.query<{ i: number; kind: string; num: number | null; tol: boolean }>(
      `SELECT i, cell_kind(raw) AS kind, cell_num(raw) AS num, cell_tolerated(raw) AS tol FROM (VALUES ${values}) v(i, raw) ORDER BY i`,
      INPUTS.flatMap((x, i) => [i, x]))
    const got = rows.map((r) => ({ raw: INPUTS[r.i], kind: r.kind, value: r.num, tolerated: r.tol }))
    const want = INPUTS.map((raw) => { const c = parseCell(raw); return { raw, kind: c.kind, value: c.value, tolerated: c.tolerated } })
    expect(got).toEqual(want)
  })

  it('parse_year', async () => {
    const cases: [string | null, number | null, boolean][] = [
      ['2023', 2023, false], ['2023年', 2023, false], ['二〇二三', 2023, false], ['二〇二三年', 2023, false], [' 2023 ', 2023, false],
      ['23', 2023, true], ['2023.0', 2023, false], ['２０２３', 2023, false], ['2023年度', 2023, false], ['abc', null, false],
      ['', null, false], [null, null, false], ['12345', null, false], ['0023', null, false], ['1900', null, false], ['1949', 1949, false], ['2100年', 2100, false],
    ]
    const rows = await db.query<{ i: number; y: number | null; short: boolean | null }>(
      `SELECT i, parse_year(raw) AS y, coalesce(year_two_digit(raw), false) AS short FROM (VALUES ${cases.map(() => '(?, ?)').join(', ')}) v(i, raw) ORDER BY i`,
      cases.flatMap((c, i) => [i, c[0]]))
    expect(rows.map((r) => [cases[r.i][0], r.y, r.short])).toEqual(cases)
  })
})
