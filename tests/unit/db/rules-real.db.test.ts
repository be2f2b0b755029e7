/**
 * The rules that real reports break (report-format.md, rules table), on rows shaped like the real
 * ones: a blank total with filled parts, 5 of the 8 不予公开 rows, blanks that would pass as 0, a
 * report that states no active total, peers too few or a median too small, 规章 at or below county
 * level, and cells the importer could not read. The findings of each unit are compared whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { ACTIVE_HEADER, APP_HEADER, REVIEW_HEADER, appLines, csv, prepared } from '../../helpers/db'

const active = (u: string, y: number, item: string, v: Record<string, number | string>) =>
  [u, y, item, ...ACTIVE_HEADER.split(',').slice(3).map((k) => v[k] ?? '')].join(',')
/** A full 2021 section 二 of zeros, with some items replaced. */
const active2021 = (u: string, y: number, items: Record<string, Record<string, number | string>> = {}) => [
  ...['regulations', 'normative_docs'].map((i) => active(u, y, i, items[i] ?? { issued: 0, repealed: 0, in_force: 0 })),
  ...['licensing', 'penalty', 'coercion'].map((i) => active(u, y, i, items[i] ?? { decisions: 0 })),
  active(u, y, 'admin_fees', items.admin_fees ?? { fee_amount: 0 }),
]
const without = (lines: string[], ...rows: string[]) => lines.filter((l) => !rows.includes(l.split(',')[2]))

const REPORTS = [
  // unit, name, parent_code, level, year, active_total
  ['GT', '上湾乡', 'K1', '乡镇', 2023, 5], // 予以公开 自然人 18, 总计 blank
  ['WH', '中村乡', 'K1', '乡镇', 2023, 5], // 5 of the 8 不予公开 rows
  ['ZB', '梅子镇', 'K1', '乡镇', 2023, 5], // zeros left blank
  ['NT', '湖东镇', 'K1', '乡镇', 2023, ''], // no stated total
  ['RG', '松木塘镇', 'K1', '乡镇', 2023, 5], ['R6', '某镇', 'K1', '乡镇', 2023, 5],
  ['HK', '湖口县卫生健康委员会', 'K2', '', 2023, 5], ['WS', '武汉市生态环境局', 'K3', '', 2023, 5],
  ['NR', '龙口镇', 'K1', '乡镇', 2023, 5], // cells the importer could not read
  // peers: 6 townships under P1 (a 0 against a median of 1 is noise), 5 under P2 (4 peers: too few), 7 under P3
  ...[0, 1, 1, 2, 1, 3].map((v, i) => [`A${i}`, `甲${i}镇`, 'P1', '乡镇', 2023, v]),
  ...[0, 40, 50, 60, 45].map((v, i) => [`B${i}`, `乙${i}镇`, 'P2', '乡镇', 2023, v]),
  ...[0, 40, 50, 60, 45, 30, 900].map((v, i) => [`C${i}`, `丙${i}镇`, 'P3', '乡镇', 2023, v]),
]
const peers = REPORTS.filter((r) => /^[ABC]\d$/.test(String(r[0])))

const bundle = () => [
  prepared('R/reports.csv', 'reports', csv('unit_code,unit_name,parent_code,level,year,active_total', ...REPORTS.map((r) => r.join(',')))),
  prepared('R/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('GT', 2023, { received: 18, granted: 18, handled: 18 }, { granted: 'GT,2023,granted,18,0,0,0,0,0,' }),
    ...without(appLines('WH', 2023, { received: 2, granted: 1, 'withheld.third_party': 1, handled: 2 }), 'withheld.security', 'withheld.internal', 'withheld.query'),
    // 三 with 0 cells left empty: total blank over zero parts, and a blank 上年结转 in the total column
    ...appLines('ZB', 2023, { received: 1, granted: 1, handled: 1 }, { partial: 'ZB,2023,partial,0,0,0,0,0,0,', carried_in: 'ZB,2023,carried_in,0,0,0,0,0,0,' }),
    ...appLines('NT', 2023),
    ...appLines('NR', 2023, {}, { 'other.other': 'NR,2023,other.other,未读取,未读取,未读取,未读取,未读取,未读取,未读取' }),
  )),
  prepared('R/reviews.csv', 'reviews', csv(REVIEW_HEADER, `ZB,2023,0,0,0,0,,${Array(10).fill(0).join(',')}`)),
  prepared('R/active.csv', 'active', csv(ACTIVE_HEADER,
    ...active2021('RG', 2023, { regulations: { issued: 2, repealed: 0, in_force: 2 } }),
    ...active2021('R6', 2023, { regulations: { issued: 0, repealed: 0, in_force: 6 } }),
    ...active2021('HK', 2023, { regulations: { issued: 0, repealed: 0, in_force: 1 } }),
    ...active2021('WS', 2023, { regulations: { issued: 1, repealed: 0, in_force: 3 } }),
    ...active2021('NT', 2023),
    // section 二 read without its last two rows (the page was cut)
    ...active2021('WH', 2023).slice(0, 4),
  )),
]

type F = { rule: string; severity: string; cells: string | null; left_val: number | null; right_val: number | null; raw: string | null; message: string }
let db: Db
const of = async (unit: string, ...rules: string[]) => db.query<F>(
  `SELECT rule, severity, cells, left_val, right_val, raw, message FROM findings WHERE unit_code = ?
   ${rules.length ? `AND rule IN (${rules.map(() => '?').join(', ')})` : ''} ORDER BY rule, cells`, [unit, ...rules])

beforeAll(async () => { db = await freshDb(); await loadTables(db, bundle()) }, 180_000)
afterAll(async () => { await db?.close() })

describe('rules that real reports break', () => {
  it('applicant_sum: (一)予以公开 自然人 18 with 总计 blank is an error, not one cell of an info finding', async () => {
    const f = await of('GT', 'applicant_sum', 'blank_cells', 'pass_if_zero')
    expect(f.map((x) => [x.rule, x.severity, x.cells, x.left_val, x.right_val])).toEqual([
      ['applicant_sum', 'error', 'granted.total', null, 18],
      ['blank_cells', 'info', 'granted.total', 1, null],
    ])
    expect(f[0].message).toContain('总计为空')
    expect(f[0].message).toContain('之和为 18')
  })

  it('absent_rows: 5 of 8 不予公开 rows are named as absent; 不予公开 is missing, never summed over the five, and handled_sum is not checked', async () => {
    const f = await of('WH')
    expect(f.map((x) => [x.rule, x.cells, x.left_val])).toEqual([
      ['absent_rows', 'coercion, admin_fees', 2],
      ['absent_rows', 'withheld.security, withheld.internal, withheld.query', 3],
    ])
    expect(f[1].message).toContain('「3.危及"三安全一稳定"」、「5.属于三类内部事务信息」、「8.属于行政查询事项」')
    const [s] = await db.query<{ withheld: number | null; handled: number; outcome_missing_cells: number }>(
      `SELECT withheld, handled, outcome_missing_cells FROM summary WHERE unit_code = 'WH'`)
    expect(s).toEqual({ withheld: null, handled: 2, outcome_missing_cells: 3 })
  })

  it('pass_if_zero: sums left unchecked by blank 0-cells say they would hold if the blanks were 0', async () => {
    const f = await of('ZB', 'pass_if_zero', 'applicant_sum', 'flow_identity', 'review_sum')
    expect(f.map((x) => [x.rule, x.severity, x.cells, x.left_val, x.right_val, x.raw])).toEqual([
      ['pass_if_zero', 'info', 'carried_in.total', 0, 0, '1'],
      ['pass_if_zero', 'info', 'handled.total', 1, 1, '1'],
      ['pass_if_zero', 'info', 'partial.total', 0, 0, '1'],
      ['pass_if_zero', 'info', 'received.total+carried_in.total=handled.total+carried_out.total', 1, 1, '1'],
      ['pass_if_zero', 'info', 'review_total', 0, 0, '1'],
    ])
    expect(f[0].message).toContain('若空白按 0 计则相符')
  })

  it('blank_cells: a report that states no active total gets no blank_cells finding (nor a missing cell)', async () => {
    expect(await of('NT')).toEqual([])
    const [s] = await db.query<{ missing_cells: number; active_total: number | null }>(`SELECT missing_cells, active_total FROM summary WHERE unit_code = 'NT'`)
    expect(s).toEqual({ missing_cells: 0, active_total: null })
  })

  it('peer_outlier: only with ≥ 5 peers holding the figure and a meaningful median', async () => {
    const f = await db.query<{ unit_code: string; left_val: number; right_val: number; raw: string }>(
      `SELECT unit_code, left_val, right_val, raw FROM findings WHERE rule = 'peer_outlier' ORDER BY unit_code`)
    // 甲0镇: 0 against a median of 1 — noise; 乙0镇: 0 against 47.5 but only 4 peers; 丙0镇 and 丙6镇 (900 > 10 × 45).
    expect(f).toEqual([
      { unit_code: 'C0', left_val: 0, right_val: 47.5, raw: '6' },
      { unit_code: 'C6', left_val: 900, right_val: 42.5, raw: '6' },
    ])
    expect(peers).toHaveLength(18)
  })

  it('no_township_regulations: towns with 规章 (6 in force; 2 issued, 2 in force) and a county department; not a city department', async () => {
    expect((await of('R6', 'no_township_regulations')).map((x) => x.left_val)).toEqual([6])
    expect((await of('RG', 'no_township_regulations')).map((x) => x.left_val)).toEqual([4])
    const hk = await of('HK', 'no_township_regulations')
    expect(hk.map((x) => [x.severity, x.left_val])).toEqual([['warning', 1]])
    expect(hk[0].message).toContain('县级及以下单位')
    expect(await of('WS', 'no_township_regulations')).toEqual([])
  })

  it('not_read: cells the importer could not read are their own finding, not text and not blank', async () => {
    const f = await of('NR')
    expect(f.map((x) => [x.rule, x.severity, x.left_val])).toEqual([['not_read', 'warning', 7]])
    expect(f[0].message).toContain('未能读取')
    const [s] = await db.query<{ text_cells: number; missing_cells: number }>(`SELECT text_cells, missing_cells FROM summary WHERE unit_code = 'NR'`)
    expect(s).toEqual({ text_cells: 0, missing_cells: 0 })
  })
})
