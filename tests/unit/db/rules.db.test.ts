/** Each rule with a passing and a failing report, all in one bundle (one load per file: loads are slow). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { ACTIVE_HEADER, APP_HEADER, REVIEW_HEADER, appLines, csv, prepared } from '../../helpers/db'

const ok = { received: 5, carried_in: 1, granted: 3, partial: 1, 'other.other': 1, handled: 5, carried_out: 1 }
const reviews = (u: string, y: number, block: number[]) => `${u},${y},${[...block, ...Array(10).fill(0)].join(',')}`
const active = (u: string, y: number, item: string, v: Record<string, number>) =>
  [u, y, item, ...ACTIVE_HEADER.split(',').slice(3).map((k) => v[k] ?? '')].join(',')

const reports = [
  // unit, name, parent, level, year, active_total
  ['P1', '正常镇', 'C1', '乡镇', 2022, 10], ['P1', '正常镇', 'C1', '乡镇', 2023, 20],
  ['FL', '流量镇', 'C1', '乡镇', 2023, 11], ['HS', '合计镇', 'C1', '乡镇', 2023, 12], ['AS', '申请人镇', 'C1', '乡镇', 2023, 10],
  ['RV', '复议镇', 'C2', '乡镇', 2023, 0], ['CC', '结转镇', 'C2', '乡镇', 2022, 1], ['CC', '结转镇', 'C2', '乡镇', 2023, 1],
  ['TW', '规章镇', 'C2', '', 2023, 1], ['CT', '县政府', 'C9', '县', 2023, 1], ['FY', '格式镇', 'C2', '乡镇', 2023, 1],
  ['IF', '有效镇', 'C2', '乡镇', 2022, 1], ['IF', '有效镇', 'C2', '乡镇', 2023, 1],
  ['YJ', '跳变镇', 'C2', '乡镇', 2022, 10], ['YJ', '跳变镇', 'C2', '乡镇', 2023, 100],
  ['Q1', '甲镇', 'C3', '乡镇', 2023, 10], ['Q2', '乙镇', 'C3', '乡镇', 2023, 12], ['Q3', '丙镇', 'C3', '乡镇', 2023, 11],
  ['Q4', '丁镇', 'C3', '乡镇', 2023, 500], ['Q5', '戊镇', 'C3', '乡镇', 2023, 0], ['Q6', '己镇', 'C3', '乡镇', 2023, 13],
  ['NG', '负数镇', 'C2', '乡镇', 2019, 1], ['CD', '县卫健委', 'C9', '部门', 2023, 1], ['CY', '市政府', 'C8', '市', 2023, 1],
]

const bundle = () => [
  prepared('R/reports.csv', 'reports', csv('unit_code,unit_name,parent_code,level,year,active_total',
    ...reports.map((r) => r.join(',')), 'BY,坏年镇,C2,乡镇,abc,1', 'TY,短年镇,C2,乡镇,23,1')),
  prepared('R/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('P1', 2022, { ...ok, carried_out: 1 }), ...appLines('P1', 2023, ok),
    ...appLines('FL', 2023, { ...ok, carried_out: 0 }),
    ...appLines('HS', 2023, { ...ok, handled: 6, carried_out: 0 }),
    ...appLines('AS', 2023, ok, { received: 'AS,2023,received,3,1,0,0,0,0,5' }),
    ...appLines('CC', 2022, { ...ok, carried_out: 2 }), ...appLines('CC', 2023, ok),
    ...appLines('FY', 2023, {}, { 'other.no_correction': 'FY,2023,（六）其他处理,0,0,0,0,0,0,0', 'other.no_fee': 'FY,2023,other,0,0,0,0,0,0,0', 'other.other': 'FY,2023,other,0,0,0,0,0,0,0' }),
    ...appLines('NG', 2019, {}, { granted: 'NG,2019,granted,-2,0,0,0,0,0,0' }),
    ...appLines('OR', 2023),
  )),
  prepared('R/reviews.csv', 'reviews', csv(REVIEW_HEADER, reviews('P1', 2023, [1, 1, 0, 1, 3]), reviews('RV', 2023, [1, 1, 0, 0, 3]))),
  prepared('R/active.csv', 'active', csv(ACTIVE_HEADER,
    active('TW', 2023, 'regulations', { issued: 1, repealed: 0, in_force: 1 }),
    // a complete 2021 section 二 (a table lacking rows is an absent_rows finding)
    ...['regulations', 'normative_docs'].map((i) => active('P1', 2023, i, { issued: 0, repealed: 0, in_force: 0 })),
    ...['licensing', 'penalty', 'coercion'].map((i) => active('P1', 2023, i, { decisions: 0 })), active('P1', 2023, 'admin_fees', { fee_amount: 0 }),
    active('CT', 2023, 'regulations', { issued: 1, repealed: 0, in_force: 1 }),
    active('CD', 2023, 'regulations', { issued: 0, repealed: 0, in_force: 2 }),
    active('CY', 2023, 'regulations', { issued: 1, repealed: 0, in_force: 1 }),
    active('IF', 2022, 'normative_docs', { issued: 1, repealed: 0, in_force: 10 }),
    active('IF', 2023, 'normative_docs', { issued: 2, repealed: 1, in_force: 12 }),
    active('IF', 2022, 'regulations', { issued: 0, repealed: 0, in_force: 3 }),
    active('IF', 2023, 'regulations', { issued: 2, repealed: 1, in_force: 4 }),
    active('NG', 2019, 'licensing', { prev_items: 5, change: -2, decisions: 3 }),
  )),
]

describe('consistency rules', () => {
  let db: Db
  const found = async (rule: string, unit: string | null = null) =>
    db.query<{ unit_code: string; year: number; left_val: number | null; right_val: number | null; message: string; severity: string }>(
      `SELECT unit_code, year, left_val, right_val, message, severity FROM findings WHERE rule = ? AND unit_code IS NOT DISTINCT FROM ? ORDER BY year`, [rule, unit])
  beforeAll(async () => { db = await freshDb(); await loadTables(db, bundle()) }, 180_000)
  afterAll(async () => { await db.close() })

  it('the clean report breaks no rule', async () => {
    const f = await db.query(`SELECT rule, message FROM findings WHERE unit_code = 'P1' AND rule NOT IN ('peer_outlier')`)
    expect(f).toEqual([])
  })
  it('flow_identity', async () => {
    const f = await found('flow_identity', 'FL')
    expect(f.length).toBeGreaterThan(0)
    expect(f[0]).toMatchObject({ left_val: 6, right_val: 5, severity: 'error' })
    expect(f[0].message).toContain('流量镇')
  })
  it('handled_sum', async () => {
    const f = await found('handled_sum', 'HS')
    expect(f.map((x) => [x.left_val, x.right_val])).toContainEqual([6, 5])
    expect(await found('handled_sum', 'FL')).toEqual([])
  })
  it('applicant_sum', async () => {
    const f = await found('applicant_sum', 'AS')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ left_val: 5, right_val: 4 })
  })
  it('review_sum', async () => {
    expect(await found('review_sum', 'RV')).toMatchObject([{ left_val: 3, right_val: 2 }])
  })
  it('carry_chain', async () => {
    expect(await found('carry_chain', 'CC')).toMatchObject([{ year: 2023, left_val: 1, right_val: 2, severity: 'warning' }])
  })
  it('no_township_regulations: townships (by name when no level), county governments and county departments; not a city', async () => {
    expect(await found('no_township_regulations', 'TW')).toHaveLength(1)
    expect(await found('no_township_regulations', 'CT')).toMatchObject([{ left_val: 2, right_val: 0, severity: 'warning' }])
    expect(await found('no_township_regulations', 'CY')).toEqual([])
  })
  it('format_year', async () => {
    const f = await found('format_year', 'FY')
    expect(f).toHaveLength(1)
    expect(f[0].message).toContain('2019 版')
    const [s] = await db.query(`SELECT other, format FROM summary WHERE unit_code = 'FY'`)
    expect(s).toEqual({ other: 0, format: '2019' })
  })
  it('in_force_chain', async () => {
    const f = await db.query(`SELECT cells, left_val, right_val FROM findings WHERE rule = 'in_force_chain' AND unit_code = 'IF'`)
    expect(f).toEqual([{ cells: 'normative_docs.in_force', left_val: 12, right_val: 11 }])
  })
  it('yoy_jump', async () => {
    expect(await found('yoy_jump', 'YJ')).toMatchObject([{ year: 2023, left_val: 100, right_val: 10 }])
    expect(await found('yoy_jump', 'P1')).toEqual([])
  })
  it('peer_outlier (≥ 5 peers holding the figure)', async () => {
    expect(await found('peer_outlier', 'Q4')).toMatchObject([{ left_val: 500, right_val: 11 }])
    expect(await found('peer_outlier', 'Q5')).toMatchObject([{ left_val: 0, right_val: 12 }])
    expect(await found('peer_outlier', 'Q1')).toEqual([])
  })
  it('negative (but 2019 change may be negative)', async () => {
    const f = await db.query(`SELECT cells, line FROM findings WHERE rule = 'negative'`)
    expect(f).toEqual([{ cells: 'granted.natural_person', line: expect.any(Number) }])
  })
  it('bad_year and a two-digit year', async () => {
    const bad = await db.query(`SELECT severity, raw FROM findings WHERE rule = 'bad_year' ORDER BY severity`)
    expect(bad).toEqual([{ severity: 'error', raw: 'abc' }, { severity: 'warning', raw: '23' }])
    expect((await db.query(`SELECT count(*) AS n FROM summary WHERE unit_code = 'TY' AND year = 2023`))[0].n).toBe(1)
  })
  it('orphan_row', async () => {
    expect(await found('orphan_row', 'OR')).toHaveLength(1)
    expect(await found('orphan_row', 'P1')).toEqual([])
  })
})
