import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import {
  activeByUnitYearQuery, findingCountsQuery, findingsQuery, outcomesByUnitQuery, outcomesByYearQuery, overviewQuery, unitsQuery, yearsQuery,
} from '../../../src/queries'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'

const bundle = () => [
  prepared('Q/units.csv', 'units', csv('unit_code,unit_name,parent_code,level', 'P,黑龙江省,,省', 'C,佳木斯市,P,市', 'K,抚远市,C,县', 'L,同江市,C,县')),
  prepared('Q/reports.csv', 'reports', csv('unit_code,unit_name,parent_code,level,year,active_total',
    'T1,浓桥镇,K,乡镇,2022,40', 'T1,浓桥镇,K,乡镇,2023,43', 'T2,寒葱沟镇,K,乡镇,2023,', 'T3,街津口乡,L,乡镇,2023,7', 'K,抚远市,C,县,2023,500')),
  prepared('Q/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('T1', 2022),
    ...appLines('T1', 2023, { received: 4, granted: 2, partial: 1, 'rejected.repeat': 1, handled: 4 }),
    ...appLines('K', 2023, { received: 10, granted: 5, 'withheld.state_secret': 2, 'other.other': 3, handled: 10 }),
    ...appLines('T3', 2023, { received: 1, granted: 1, handled: 1 }, { partial: 'T3,2023,partial,,,,,,,' }),
    // T2 states no active total (no finding for that) and leaves one table cell blank (a blank_cells finding)
    ...appLines('T2', 2023, {}, { carried_out: 'T2,2023,carried_out,,0,0,0,0,0,0' }))),
]

describe('query builders', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb(); await loadTables(db, bundle()) }, 180_000)
  afterAll(async () => { await db.close() })

  it('never glue values into SQL', () => {
    const q = overviewQuery({ unitCodes: ["K' OR 1=1 --"], yearFrom: 2023, level: '乡镇' })
    expect(q.sql).not.toContain('OR 1=1')
    expect(q.params).toContain("K' OR 1=1 --")
  })

  it('overview of everything', async () => {
    const [o] = await runQuery(db, overviewQuery())
    expect(o).toMatchObject({ reports: 5, units: 4, years: 2, yearMin: 2022, yearMax: 2023, activeTotal: 590, activeMissing: 1,
      received: 15, granted: 8, handled: 15 })
    // T3's partial is blank: the sum over reports is of the stated cells only
    expect(o.partial).toBe(1)
    expect(o.disclosureRate).toBeCloseTo(9 / 15)
    expect(o.findingsInfo).toBeGreaterThan(0)
  })

  it('disclosure rate is null, not 0, when handled = 0', async () => {
    const [o] = await runQuery(db, overviewQuery({ unitCodes: ['T1'], yearTo: 2022 }))
    expect(o).toMatchObject({ reports: 1, handled: 0, disclosureRate: null })
  })

  it('filters by year and by a parent unit (all descendants)', async () => {
    const [k] = await runQuery(db, overviewQuery({ unitCodes: ['K'], yearFrom: 2023 }))
    expect(k).toMatchObject({ reports: 3, units: 3, activeTotal: 543 })
    const [c] = await runQuery(db, overviewQuery({ unitCodes: ['C'] }))
    expect(c.reports).toBe(5)
    const [l] = await runQuery(db, overviewQuery({ level: '县' }))
    expect(l).toMatchObject({ reports: 1, activeTotal: 500 })
  })

  it('active by unit and year', async () => {
    const rows = await runQuery(db, activeByUnitYearQuery({ unitCodes: ['K'] }))
    expect(rows).toContainEqual({ unitCode: 'T2', unitName: '寒葱沟镇', parentName: '抚远市', year: 2023, activeTotal: null, mergedUnits: null, mergedReports: null, mergedMissing: null })
    expect(rows).toHaveLength(4)
  })

  it('outcomes by unit and by year', async () => {
    const byUnit = await runQuery(db, outcomesByUnitQuery({ yearFrom: 2023 }))
    expect(byUnit[0]).toMatchObject({ key: 'K', label: '抚远市', granted: 5, withheld: 2, other: 3, handled: 10, missingCells: 0 })
    expect(byUnit.find((r) => r.key === 'T3')).toMatchObject({ partial: null, missingCells: 1 })
    const byYear = await runQuery(db, outcomesByYearQuery())
    expect(byYear.map((r) => [r.key, r.label, r.handled])).toEqual([['2022', '2022年', 0], ['2023', '2023年', 15]])
  })

  it('units and years', async () => {
    const units = await runQuery(db, unitsQuery({ yearFrom: 2023 }))
    expect(units.find((u) => u.unitCode === 'T1')).toEqual({ unitCode: 'T1', unitName: '浓桥镇', parentCode: 'K', parentName: '抚远市', level: '乡镇', reports: 1 })
    expect(units.find((u) => u.unitCode === 'P')).toMatchObject({ parentCode: null, reports: 0 })
    expect(await runQuery(db, yearsQuery())).toEqual([{ year: 2022 }, { year: 2023 }])
  })

  it('findings with filters and counts', async () => {
    const all = await runQuery(db, findingsQuery())
    const blank = all.filter((f) => f.rule === 'blank_cells')
    expect(blank.map((f) => f.unitCode).sort()).toEqual(['T2', 'T3'])
    expect(blank.find((f) => f.unitCode === 'T3')).toMatchObject({ severity: 'info', file: 'Q/applications.csv', year: 2023, unitName: '街津口乡' })
    const onlyL = await runQuery(db, findingsQuery({ unitCodes: ['L'] }, { rule: 'blank_cells' }))
    expect(onlyL.map((f) => f.unitCode)).toEqual(['T3'])
    const counts = await runQuery(db, findingCountsQuery())
    expect(counts.find((c) => c.rule === 'blank_cells')).toMatchObject({ severity: 'info', count: 2 })
  })
})
