import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import {
  activeByYearQuery, applicantTypesQuery, applicationsFlowQuery, disclosureRateByUnitQuery, rankingQuery, reasonsQuery,
  reviewsQuery, unitProfileQuery,
} from '../../../src/queries/analysis'
import { ACTIVE_HEADER, APP_HEADER, REVIEW_HEADER, appLines, csv, prepared } from '../../helpers/db'

// K (county) has four townships T1–T4 (same parent and level = peers); T1 reports 2022 and 2023.
const rv = (u: string, y: number, cells: (number | '')[]) => `${u},${y},${cells.join(',')}`
const bundle = () => [
  prepared('A/units.csv', 'units', csv('unit_code,unit_name,parent_code,level', 'C,佳木斯市,,市', 'K,抚远市,C,县')),
  prepared('A/reports.csv', 'reports', csv('unit_code,unit_name,parent_code,level,year,active_total',
    'T1,浓桥镇,K,乡镇,2022,40', 'T1,浓桥镇,K,乡镇,2023,43', 'T2,寒葱沟镇,K,乡镇,2023,10', 'T3,街津口乡,K,乡镇,2023,20',
    'T4,海青镇,K,乡镇,2023,', 'K,抚远市,C,县,2023,500', 'K,抚远市,C,县,2020,300')),
  prepared('A/active.csv', 'active', csv(ACTIVE_HEADER,
    'K,2023,normative_docs,5,1,30,,,,,,,,,', 'K,2023,licensing,,,,100,,,,,,,,', 'K,2023,admin_fees,,,,,12.5,,,,,,,',
    'T1,2023,normative_docs,2,0,4,,,,,,,,,', 'T1,2023,penalty,,,,7,,,,,,,,',
    'K,2020,normative_docs,,,,,,3,2,25,,,,', 'K,2020,admin_fees,,,,,,,,,4,1,,', 'K,2020,licensing,,,,80,,,,,,,,')),
  prepared('A/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('T1', 2022, { received: 2, granted: 2, handled: 2 }),
    ...appLines('T1', 2023, { received: 4, carried_in: 1, granted: 2, partial: 1, 'rejected.repeat': 1, 'withheld.process': 1, handled: 5 }),
    ...appLines('T2', 2023),
    ...appLines('K', 2023, { received: 10, granted: 5, 'withheld.state_secret': 2, 'unavailable.not_held': 3, handled: 10, carried_out: 0 },
      { received: 'K,2023,received,6,2,1,0,0,1,10' }))),
  prepared('A/reviews.csv', 'reviews', csv(REVIEW_HEADER,
    rv('K', 2023, [3, 1, 0, 1, 5, 0, 2, 0, 0, 2, 1, 1, 1, 0, 3]),
    rv('T1', 2023, [0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    rv('T2', 2023, ['', 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))),
]

describe('analysis query builders', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb(); await loadTables(db, bundle()) }, 180_000)
  afterAll(async () => { await db.close() })

  it('never glue values into SQL', () => {
    const q = unitProfileQuery("K' OR 1=1 --", { yearFrom: 2023 })
    expect(q.sql).not.toContain('OR 1=1')
    expect(rankingQuery({ unitCodes: ["x' --"] }, 'received').sql).not.toContain("x' --")
  })

  it('active per year with the 2019 mapping and 2021-only fees', async () => {
    const rows = await runQuery(db, activeByYearQuery())
    const y20 = rows.find((r) => r.year === 2020)!
    const y23 = rows.find((r) => r.year === 2023)!
    // 2020 (2019 layout): made → issued, total_published → in force; repealed and fee amounts have no counterpart
    expect(y20).toMatchObject({ reports: 1, activeTotal: 300, docsIssued: 3, docsRepealed: null, docsInForce: 25, reports2019: 1, licensing: 80, feeAmount: null })
    expect(y23).toMatchObject({ reports: 5, activeTotal: 573, activeMissing: 1, docsIssued: 7, docsRepealed: 1, docsInForce: 34,
      licensing: 100, penalty: 7, coercion: null, feeAmount: 12.5, reports2019: 0 })
  })

  it('applications flow, applicant types and reasons', async () => {
    const flow = await runQuery(db, applicationsFlowQuery({ yearFrom: 2023 }))
    expect(flow).toEqual([{ year: 2023, received: 14, carriedIn: 1, handled: 15, carriedOut: 0, reports: 3 }])
    const types = await runQuery(db, applicantTypesQuery({ yearFrom: 2023 }))
    expect(types[0]).toMatchObject({ natural_person: 10, commercial: 2, research: 1, other_org: 1, total: 14 })
    const reasons = await runQuery(db, reasonsQuery({ yearFrom: 2023 }))
    expect(reasons).toHaveLength(16)
    expect(reasons[0]).toEqual({ row: 'withheld.state_secret', group: 'withheld', count: 2 })
    expect(reasons.find((r) => r.row === 'withheld.process')!.count).toBe(1)
    expect(reasons.find((r) => r.row === 'unavailable.not_held')!.count).toBe(3)
    expect(reasons.find((r) => r.row === 'rejected.repeat')!.count).toBe(1)
  })

  it('disclosure rate by unit: null (not 0) when nothing was handled', async () => {
    const rows = await runQuery(db, disclosureRateByUnitQuery({ yearFrom: 2023 }))
    expect(rows.find((r) => r.unitCode === 'T1')!.rate).toBeCloseTo(3 / 5)
    expect(rows.find((r) => r.unitCode === 'K')!.rate).toBeCloseTo(0.5)
    const t2 = rows.find((r) => r.unitCode === 'T2')!
    expect(t2).toMatchObject({ handled: 0, rate: null })
    expect(rows[rows.length - 1].rate).toBeNull()
  })

  it('reviews: cases, outcomes, correction rate per block and overall; undefined when none concluded', async () => {
    const rows = await runQuery(db, reviewsQuery({ yearFrom: 2023 }))
    const get = (b: string) => rows.find((r) => r.key === '2023' && r.block === b)!
    // review: K 3/1/0/1 + T1 0/0/0/2 + T2 (blank upheld)/1/0/0 → T2 is left out of the rate
    expect(get('review')).toMatchObject({ upheld: 3, corrected: 2, other: 0, pending: 3, total: 8 })
    expect(get('review').correctionRate).toBeCloseTo(1 / 4)
    expect(get('litigation_direct')).toMatchObject({ corrected: 2, total: 2, correctionRate: 1 })
    expect(get('litigation_after_review')).toMatchObject({ upheld: 1, corrected: 1, other: 1, correctionRate: 1 / 3 })
    expect(get('all').correctionRate).toBeCloseTo((1 + 2 + 1) / (4 + 2 + 3))
    const byUnit = await runQuery(db, reviewsQuery({ yearFrom: 2023 }, 'unit'))
    // T1: only pending cases → none concluded → undefined
    expect(byUnit.find((r) => r.key === 'T1' && r.block === 'review')).toMatchObject({ pending: 2, correctionRate: null })
    expect(byUnit.find((r) => r.key === 'T1' && r.block === 'all')!.correctionRate).toBeNull()
  })

  it('rankings: latest year, previous year and change (undefined when previous is 0)', async () => {
    const rows = await runQuery(db, rankingQuery({}, 'active_total'))
    expect(rows.map((r) => [r.unitCode, r.value])).toEqual([['K', 500], ['T1', 43], ['T3', 20], ['T2', 10], ['T4', null]])
    expect(rows.find((r) => r.unitCode === 'T1')).toMatchObject({ year: 2023, prev: 40 })
    expect(rows.find((r) => r.unitCode === 'T1')!.yoy).toBeCloseTo(3 / 40)
    expect(rows.find((r) => r.unitCode === 'K')).toMatchObject({ prev: null, yoy: null })
    const dr = await runQuery(db, rankingQuery({ unitCodes: ['K'] }, 'disclosure_rate', 2023))
    expect(dr.find((r) => r.unitCode === 'T2')!.value).toBeNull()
  })

  it('unit profile: peer quartiles (same parent and level, same year) and rank', async () => {
    const rows = await runQuery(db, unitProfileQuery('T1'))
    const a23 = rows.find((r) => r.indicator === 'active_total' && r.year === 2023)!
    // peers T1 43, T2 10, T3 20 (T4 blank): P25 15, P50 20, P75 31.5; T1 ranks 1st of 3
    expect(a23).toMatchObject({ value: 43, prev: 40, p25: 15, p50: 20, p75: 31.5, rank: 1, peers: 3 })
    expect(a23.yoy).toBeCloseTo(0.075)
    const a22 = rows.find((r) => r.indicator === 'active_total' && r.year === 2022)!
    expect(a22).toMatchObject({ value: 40, p50: 40, rank: 1, peers: 1, prev: null, yoy: null })
    const cr = rows.find((r) => r.indicator === 'correction_rate' && r.year === 2023)!
    expect(cr).toMatchObject({ value: null, rank: null })
    const rec = rows.find((r) => r.indicator === 'received' && r.year === 2023)!
    // received 2022 = 2 → yoy (4 − 2) ÷ 2
    expect(rec).toMatchObject({ value: 4, prev: 2, yoy: 1 })
    const k = await runQuery(db, unitProfileQuery('K', { yearFrom: 2023 }))
    expect(k.every((r) => r.year === 2023)).toBe(true)
    expect(k.find((r) => r.indicator === 'correction_rate')!.value).toBeCloseTo(4 / 9)
  })
})

describe('rankings among peers', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb(); await loadTables(db, bundle()) }, 180_000)
  afterAll(async () => { await db.close() })
  it('peersOf keeps the same parent and level only', async () => {
    const rows = await runQuery(db, rankingQuery({}, 'active_total', 2023, 'T1'))
    expect(rows.map((r) => r.unitCode)).toEqual(['T1', 'T3', 'T2', 'T4'])
  })
})
