/**
 * A fake third form version (2027: one more section 二 row and one more 不予处理 reason, tests/unit/domain/fake-2027.ts),
 * registered through the domain only, flows through the whole data path: a bundle with 2027 reports loads, the
 * layout is detected, the rules check 2027 reports against the 2027 rows, and the figures' queries return their numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerFormVersion } from '../../../src/domain'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { runQuery } from '../../../src/db/run'
import { activeByYearQuery } from '../../../src/queries/analysis/active'
import { reasonsQuery } from '../../../src/queries/analysis/applications'
import { outcomesByYearQuery } from '../../../src/queries/overview'
import { outcomeReasons } from '../../../src/charts/analysis/applications'
import type { ChartCtx } from '../../../src/charts/types'
import { ACTIVE_HEADER, APP_HEADER, appLines, csv, prepared } from '../../helpers/db'
import { FORM_2027 } from '../domain/fake-2027'

type Vals = Record<string, number>
/** Section 三 in the 2027 rows (natural_person = total = the value, other columns 0). */
const apps27 = (unit: string, year: number, v: Vals): string[] =>
  FORM_2027.applicationRows.map((r) => `${unit},${year},${r.key},${v[r.key] ?? 0},0,0,0,0,0,${v[r.key] ?? 0}`)
/** Section 二 in the 2021 items, plus 公共数据资源 when `publicData` is given ([issued, repealed, in force]). */
const active = (unit: string, year: number, docs: number[], publicData?: number[]): string[] => [
  `${unit},${year},regulations,0,0,0,,,,,,,,,`,
  `${unit},${year},normative_docs,${docs.join(',')},,,,,,,,,`,
  `${unit},${year},licensing,,,,30,,,,,,,,`,
  `${unit},${year},penalty,,,,4,,,,,,,,`,
  `${unit},${year},coercion,,,,1,,,,,,,,`,
  `${unit},${year},admin_fees,,,,,2.5,,,,,,,`,
  ...(publicData ? [`${unit},${year},公共数据资源,${publicData.join(',')},,,,,,,,,`] : []),
]

let db: Db
let unregister: () => void
beforeAll(async () => {
  unregister = registerFormVersion(FORM_2027)
  db = await startNodeDuckDb()
  await loadTables(db, [
    prepared('B/reports.csv', 'reports', csv('unit_code,unit_name,year,format,active_total',
      'A27,测试单位甲,2027,,40', 'A27,测试单位甲,2028,,42', 'B27,测试单位乙,2027,2027版,50', 'M27,测试单位丙,2027,,60',
      'O26,测试单位丁,2026,,70', 'W26,测试单位戊,2026,,80')),
    prepared('B/active.csv', 'active', csv(ACTIVE_HEADER,
      ...active('A27', 2027, [5, 1, 20], [3, 1, 10]),
      // in force 15 ≠ 10 + 2 − 0: in_force_chain applies to the new row
      ...active('A27', 2028, [1, 0, 21], [2, 0, 15]),
      ...active('B27', 2027, [2, 0, 7], [0, 0, 4]),
      // a 2027 report without the new row
      ...active('M27', 2027, [1, 0, 3]),
      ...active('O26', 2026, [4, 0, 9]),
      // a 2026 report already in the 2027 layout
      ...active('W26', 2026, [1, 0, 2], [1, 0, 1]),
    )),
    prepared('B/applications.csv', 'applications', csv(APP_HEADER,
      // consistent only when the new reason is counted: 4 + 3 = 7
      ...apps27('A27', 2027, { received: 10, granted: 4, 'rejected.analysis': 3, handled: 7, carried_out: 3 }),
      ...apps27('A27', 2028, { received: 5, carried_in: 3, granted: 8, handled: 8 }),
      // planted: handled 8, the outcomes add up to 7
      ...apps27('B27', 2027, { received: 10, granted: 4, 'rejected.analysis': 3, handled: 8, carried_out: 2 }),
      // the 2021 rows only: the 2027 不予处理 group lacks a row
      ...appLines('M27', 2027, { received: 10, granted: 7, handled: 7, carried_out: 3 }),
      ...appLines('O26', 2026, { received: 10, granted: 7, handled: 7, carried_out: 3 }),
    )),
  ])
}, 120_000)
afterAll(async () => {
  await db?.close()
  unregister?.()
})

const findings = async (rule: string, unit: string) => db.query<{ year: number; tbl: string; cells: string; left_val: number; right_val: number; col: string; message: string }>(
  'SELECT year, tbl, cells, left_val, right_val, col, message FROM findings WHERE rule = ? AND unit_code = ? ORDER BY year, tbl, col', [rule, unit])

describe('a 2027 report in a bundle', () => {
  it('loads, and its layout is detected from the new row, declared, or taken from its year', async () => {
    const rows = await db.query<{ unit_code: string; year: number; format: string; format_detected: string | null; format_declared: string | null }>(
      'SELECT unit_code, year, format, format_detected, format_declared FROM summary ORDER BY unit_code, year')
    expect(rows).toEqual([
      { unit_code: 'A27', year: 2027, format: '2027', format_detected: '2027', format_declared: null },
      { unit_code: 'A27', year: 2028, format: '2027', format_detected: '2027', format_declared: null },
      { unit_code: 'B27', year: 2027, format: '2027', format_detected: '2027', format_declared: '2027' },
      { unit_code: 'M27', year: 2027, format: '2027', format_detected: null, format_declared: null },
      { unit_code: 'O26', year: 2026, format: '2021', format_detected: null, format_declared: null },
      { unit_code: 'W26', year: 2026, format: '2027', format_detected: '2027', format_declared: null },
    ])
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM findings WHERE rule IN ('unknown_row', 'blank_cells')")).toEqual([{ n: 0 }])
  })

  it('sums its outcome groups over the 2027 rows', async () => {
    const s = await db.query<{ unit_code: string; rejected: number | null; outcome_missing_cells: number }>(
      "SELECT unit_code, rejected, outcome_missing_cells FROM summary WHERE year = 2027 ORDER BY unit_code")
    expect(s).toEqual([
      { unit_code: 'A27', rejected: 3, outcome_missing_cells: 0 },
      { unit_code: 'B27', rejected: 3, outcome_missing_cells: 0 },
      // a row of the 2027 form is absent: the group has no sum
      { unit_code: 'M27', rejected: null, outcome_missing_cells: 1 },
    ])
  })

  it('the rules check it against the 2027 rows: the planted inconsistency is found, nothing else', async () => {
    expect(await findings('handled_sum', 'B27')).toMatchObject([
      { year: 2027, col: 'natural_person', left_val: 8, right_val: 7 },
      { year: 2027, col: 'total', left_val: 8, right_val: 7 },
    ])
    expect(await findings('handled_sum', 'A27')).toEqual([])
    // M27 lacks the new row: named, and the sum it would need is not checked
    expect(await findings('handled_sum', 'M27')).toEqual([])
    const absent = await findings('absent_rows', 'M27')
    expect(absent.map((f) => [f.tbl, f.cells])).toEqual([['active', 'public_data'], ['applications', 'rejected.analysis']])
    expect(absent[0].message).toContain('公共数据资源')
    // the 2021 form has no such rows
    expect(await findings('absent_rows', 'O26')).toEqual([])
  })

  it('applies the version’s rules: in-force chain on the new row, format by year', async () => {
    expect(await findings('in_force_chain', 'A27')).toMatchObject([{ year: 2028, cells: 'public_data.in_force', left_val: 15, right_val: 12 }])
    const fy = await findings('format_year', 'W26')
    expect(fy).toHaveLength(1)
    expect(fy[0].message).toContain('应使用 2021 版')
    expect(await findings('format_year', 'A27')).toEqual([])
    expect(await findings('format_year', 'O26')).toEqual([])
  })

  it('the figures’ queries return its numbers', async () => {
    const byYear = await runQuery(db, activeByYearQuery())
    expect(byYear.find((r) => r.year === 2027)).toMatchObject({ reports: 3, activeTotal: 150, docsIssued: 8, docsInForce: 30, reports2019: 0 })
    const outcomes = await runQuery(db, outcomesByYearQuery())
    expect(outcomes.find((r) => r.key === '2027')).toMatchObject({ granted: 15, rejected: 6, handled: 22 })
    const reasons = await runQuery(db, reasonsQuery({ yearFrom: 2027, yearTo: 2027 }))
    expect(reasons.find((x) => x.row === 'rejected.analysis')).toEqual({ row: 'rejected.analysis', group: 'rejected', count: 6 })
    // the reasons chart draws the new reason with its label from the form
    const ctx: ChartCtx = { t: (k) => k, locale: 'zh-CN' }
    const option = outcomeReasons(reasons, ctx) as { yAxis: { data: string[] }; series: { data: { value: unknown }[] }[] }
    const at = option.yAxis.data.findIndex((l) => l.endsWith('要求对政府信息进行加工分析'))
    expect(at).toBeGreaterThan(-1)
    expect(option.series[0].data[at].value).toBe(6)
  })
})
