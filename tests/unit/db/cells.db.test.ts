/**
 * Cell and year meanings in the database are the domain's: typed values, cell_issues and year
 * parsing after a real rebuild agree with parseCell / parseYear on tricky inputs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCell, parseYear } from '../../../src/domain'
import { freshDb } from '../../helpers/engine'
import { insertRows } from '../../../src/db/insert'
import { rebuild } from '../../../src/db/rebuild'
import { ensureSchema } from '../../../src/db/schema'
import type { Db } from '../../../src/db/types'

const INPUTS: (string | null)[] = [
  null, '', ' ', '　', '\u200b', '0', '00', '7', '007', ' 43 ', '43条', '43 条', '12件', '3个', '5项', '2次', '8人',
  '1.5万元', '30元', '１２', '１，２３４', '1,234', '12,34', '1,234.5', '-3', '－3', '+4', '3.25', '.5', '-0', '零', '无',
  '/', '／', '—', '——', '-', '－', '–', '不适用', 'N/A', 'n/a', 'NA', '#N/A', '详见附表', '略', '3.', '1e3', '12条件',
  '１２条', '43\u00a0', 'abc', '5 万元', '1,234条', '9.78', '0.000001', '1.0000001', '123456789012345', '1234567890123456',
  '12345678901234567890', 'Infinity', 'NaN', '0x10', '1_000', ' 7\t', '7\n', '３.５', '+0', '1,234,567', '٣',
]

const YEARS: [string | null, number | null, boolean][] = [
  ['2023', 2023, false], ['2023年', 2023, false], ['二〇二三', 2023, false], ['二〇二三年', 2023, false], [' 2023 ', 2023, false],
  ['23', 2023, true], ['2023.0', 2023, false], ['２０２３', 2023, false], ['2023年度', 2023, false], ['abc', null, false],
  ['', null, false], [null, null, false], ['12345', null, false], ['0023', null, false], ['1900', null, false], ['1949', 1949, false],
  ['2100年', 2100, false], ['2101', null, false], ['19', 2019, true], ['23年', 2023, true], ['2023\u3000', 2023, false],
]

/**
 * More distinct texts than one INSERT of the dictionary holds: they reach cell_dict through a CSV file
 * (src/db/dicts.ts), with quotes, separators, line breaks and blanks that the file must keep exactly.
 */
const MANY: (string | null)[] = [...INPUTS, ...Array.from({ length: 700 }, (_, i) =>
  [`${i}条`, `"${i}"`, `${i},5`, `行\n${i}`, ` ${i}.5 `, `""${i}`, `１${i}件`][i % 7])]

describe.each([['a few texts', INPUTS], ['a dictionary too big for one INSERT', MANY]])('cell and year meanings in the database equal the domain parsers: %s', (_, INPUTS) => {
  let db: Db
  beforeAll(async () => {
    db = await freshDb()
    await ensureSchema(db)
    await db.exec(`INSERT INTO files VALUES (1, 'T/reviews.csv', 'reviews', 'utf-8', ',', 1, ${INPUTS.length}, ${INPUTS.length}, 1),
      (2, 'T/reports.csv', 'reports', 'utf-8', ',', 1, ${YEARS.length}, ${YEARS.length}, 1)`)
    // raw cells exactly as read; a second column holds the text once more, to check the lookups per column
    await insertRows(db, 'raw_reviews (file_id, rec, unit_code, year, review_upheld, litigation_direct_total)',
      INPUTS.map((x, i) => [1, i + 1, `U${i}`, '2023', x, x]))
    await insertRows(db, 'raw_reports (file_id, rec, unit_code, year)', YEARS.map((y, i) => [2, i + 1, `Y${i}`, y[0]]))
    await rebuild(db)
  }, 120_000)
  afterAll(async () => { await db.close() })

  it('typed value, kind and tolerated of every input', async () => {
    const typed = await db.query<{ rec: number; a: number | null; b: number | null }>(
      'SELECT rec, review_upheld AS a, litigation_direct_total AS b FROM reviews ORDER BY rec')
    const issues = await db.query<{ rec: number; kind: string; num: number | null; tolerated: boolean }>(
      "SELECT rec, kind, num, tolerated FROM cell_issues WHERE tbl = 'reviews' AND col = 'review_upheld'")
    const byRec = new Map(issues.map((r) => [r.rec, r]))
    const got = INPUTS.map((raw, i) => {
      const t = typed[i]
      const c = byRec.get(i + 1)
      return { raw, kind: c?.kind ?? 'number', value: t.a, value2: t.b, tolerated: c?.tolerated ?? false, issueNum: c ? c.num : t.a }
    })
    const want = INPUTS.map((raw) => {
      const c = parseCell(raw)
      return { raw, kind: c.kind, value: c.value, value2: c.value, tolerated: c.tolerated, issueNum: c.value }
    })
    expect(got).toEqual(want)
    expect(typed).toHaveLength(INPUTS.length)
  })

  it('blank, n.a. and text cells are counted apart in summary', async () => {
    const [s] = await db.query<{ m: number; n: number; t: number }>(
      "SELECT sum(missing_cells)::INTEGER AS m, sum(na_cells)::INTEGER AS n, sum(text_cells)::INTEGER AS t FROM summary WHERE unit_code LIKE 'U%'")
    const kinds = INPUTS.map((x) => parseCell(x).kind)
    const count = (k: string): number => kinds.filter((x) => x === k).length
    // 15 review cells per row: the 13 not given are blank
    expect(s).toEqual({ m: count('blank') * 2 + 13 * INPUTS.length, n: count('na') * 2, t: count('text') * 2 })
  })

  it('one dictionary entry per distinct text that is not a plain number', async () => {
    const [d] = await db.query<{ n: number; texts: number }>('SELECT count(*)::INTEGER AS n, count(DISTINCT raw)::INTEGER AS texts FROM cell_dict')
    const expected = new Set(INPUTS.filter((x): x is string => x != null && !/^[0-9]{1,15}$/.test(x))).size
    expect(d).toEqual({ n: expected, texts: expected })
  })

  it('parseYear', () => {
    expect(YEARS.map(([raw]) => { const y = parseYear(raw); return [raw, y.year, y.twoDigit] })).toEqual(YEARS)
  })

  it('years as read by the rebuild', async () => {
    const rows = await db.query<{ rec: number; year: number | null; year_short: boolean }>(
      'SELECT r.rec, yd.year, coalesce(yd.two_digit, false) AS year_short FROM raw_reports r LEFT JOIN year_dict yd ON yd.raw = r.year WHERE r.file_id = 2 ORDER BY r.rec')
    expect(rows.map((r) => [YEARS[r.rec - 1][0], r.year, r.year_short])).toEqual(YEARS)
  })
})
