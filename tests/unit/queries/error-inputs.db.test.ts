/** errorInputsQuery: unit-years within the filters that carry error findings (what the chart badge counts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import { errorInputsQuery } from '../../../src/queries'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'

// County K with townships T1, T2. Errors: T1 2023 (flow_identity, twice the same unit-year: also a text cell),
// K 2022 (flow_identity). T2 2023 only has a warning-free, consistent report; T1 2022 is clean.
const bundle = () => [
  prepared('E/units.csv', 'units', csv('unit_code,unit_name,parent_code,level', 'K,抚远市,,县', 'T1,浓桥镇,K,乡镇', 'T2,寒葱沟镇,K,乡镇')),
  prepared('E/reports.csv', 'reports', csv('unit_code,unit_name,parent_code,level,year,active_total',
    'K,抚远市,,县,2022,5', 'K,抚远市,,县,2023,6', 'T1,浓桥镇,K,乡镇,2022,1', 'T1,浓桥镇,K,乡镇,2023,2', 'T2,寒葱沟镇,K,乡镇,2023,3')),
  prepared('E/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('K', 2022, { received: 5, handled: 3 }),
    ...appLines('K', 2023, { received: 2, granted: 2, handled: 2 }),
    ...appLines('T1', 2022, { received: 1, granted: 1, handled: 1 }),
    ...appLines('T1', 2023, { received: 4, granted: 1, handled: 1 }, { partial: 'T1,2023,partial,若干,0,0,0,0,0,若干' }),
    ...appLines('T2', 2023, { received: 1, granted: 1, handled: 1 }))),
]

describe('errorInputsQuery', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb(); await loadTables(db, bundle()) }, 180_000)
  afterAll(async () => { await db.close() })

  const n = async (...a: Parameters<typeof errorInputsQuery>) => (await runQuery(db, errorInputsQuery(...a)))[0].n

  it('the fixture has the error findings it is meant to have', async () => {
    const rows = await db.query(`SELECT DISTINCT unit_code AS u, year AS y FROM findings WHERE severity = 'error' ORDER BY u, y`)
    expect(rows.map((r) => `${r.u}:${r.y}`)).toEqual(['K:2022', 'T1:2023'])
  })

  it('counts unit-years (not findings) within the filters', async () => {
    expect(await n()).toBe(2)
    expect(await n({ yearFrom: 2023 })).toBe(1)
    expect(await n({ yearTo: 2022 })).toBe(1)
    expect(await n({ unitCodes: ['T1'] })).toBe(1)
    expect(await n({ unitCodes: ['T2'] })).toBe(0)
    expect(await n({ unitCodes: ['K'] })).toBe(2) // K and everything below it
    expect(await n({ level: '乡镇' })).toBe(1)
    expect(await n({ drill: 'K', yearFrom: 2022, yearTo: 2022 })).toBe(1)
  })

  it('one unit\'s own years: unit filters ignored, years kept', async () => {
    expect(await n({}, { unitCode: 'K' })).toBe(1)
    expect(await n({ unitCodes: ['T2'], level: '乡镇' }, { unitCode: 'K' })).toBe(1)
    expect(await n({ yearFrom: 2023 }, { unitCode: 'K' })).toBe(0)
    expect(await n({}, { unitCode: 'T2' })).toBe(0)
  })

  it('binds every value as a parameter', () => {
    const q = errorInputsQuery({ unitCodes: ["x' OR 1=1 --"], level: "l'", yearFrom: 2020 }, { unitCode: "u' --" })
    expect(q.sql).not.toContain("x'")
    expect(q.sql).not.toContain("u'")
    expect(q.params).toEqual([2020, "u' --"])
    const g = errorInputsQuery({ unitCodes: ["x' OR 1=1 --"], level: "l'" })
    expect(g.sql).not.toContain('OR 1=1')
    expect(g.params).toEqual(["x' OR 1=1 --", "l'"])
  })
})
