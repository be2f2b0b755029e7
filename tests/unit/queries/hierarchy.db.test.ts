import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import { activeByUnitYearQuery, overviewQuery, unitsQuery } from '../../../src/queries'
import { ancestorsOf, childrenAggregatesQuery, unitIndex, unitOptions } from '../../../src/queries/hierarchy'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'

// P (省) → C (市) → K, L (县) → T1, T2 (K), T3 (L); K reports itself too.
const bundle = () => [
  prepared('Q/units.csv', 'units', csv('unit_code,unit_name,parent_code,level', 'P,黑龙江省,,省', 'C,佳木斯市,P,市', 'K,抚远市,C,县', 'L,同江市,C,县')),
  prepared('Q/reports.csv', 'reports', csv('unit_code,unit_name,parent_code,level,year,active_total',
    'T1,浓桥镇,K,乡镇,2022,40', 'T1,浓桥镇,K,乡镇,2023,43', 'T2,寒葱沟镇,K,乡镇,2023,', 'T3,街津口乡,L,乡镇,2023,7', 'K,抚远市,C,县,2023,500')),
  prepared('Q/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('T1', 2022),
    ...appLines('T1', 2023, { received: 4, granted: 2, partial: 1, 'rejected.repeat': 1, handled: 4 }),
    ...appLines('K', 2023, { received: 10, granted: 5, 'withheld.state_secret': 2, 'other.other': 3, handled: 10 }),
    ...appLines('T3', 2023, { received: 1, granted: 1, handled: 1 }, { partial: 'T3,2023,partial,,,,,,,' }))),
]

describe('hierarchy', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb(); await loadTables(db, bundle()) }, 180_000)
  afterAll(async () => { await db.close() })

  it('top level: the root with everything below it', async () => {
    const rows = await runQuery(db, childrenAggregatesQuery({}, null))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ unitCode: 'P', self: false, children: 1, reports: 5, units: 4, activeTotal: 590, received: 15, handled: 15 })
  })

  it('drill to a county: its own reports as "self" and one row per child', async () => {
    const rows = await runQuery(db, childrenAggregatesQuery({}, 'K'))
    expect(rows.map((r) => r.unitCode)).toEqual(['K', 'T1', 'T2'])
    expect(rows[0]).toMatchObject({ self: true, reports: 1, activeTotal: 500, received: 10, grantedPartial: 5 })
    expect(rows[1]).toMatchObject({ self: false, children: 0, reports: 2, activeTotal: 83, received: 4, handled: 4, grantedPartial: 3 })
    // T2's active_total is blank: not summed as 0
    expect(rows[2]).toMatchObject({ reports: 1, activeTotal: null })
  })

  it('children sums agree with the overview of each child (filters applied, bound params)', async () => {
    const f = { yearFrom: 2023 }
    const rows = await runQuery(db, childrenAggregatesQuery(f, 'C'))
    expect(rows.map((r) => r.unitCode).sort()).toEqual(['K', 'L'])
    for (const r of rows) {
      const [o] = await runQuery(db, overviewQuery({ ...f, unitCodes: [r.unitCode] }))
      expect(r.reports).toBe(o.reports)
      expect(r.activeTotal).toBe(o.activeTotal)
      expect(r.received).toBe(o.received)
    }
    const q = childrenAggregatesQuery({ unitCodes: ["x' OR 1=1"] }, "C' --")
    expect(q.sql).not.toContain('OR 1=1')
    expect(q.params).toContain("C' --")
  })

  it('the drill filter restricts the overview to the drill unit and below', async () => {
    const [k] = await runQuery(db, overviewQuery({ drill: 'K' }))
    expect(k).toMatchObject({ reports: 4, units: 3, activeTotal: 583 })
    const rows = await runQuery(db, activeByUnitYearQuery({ drill: 'L' }))
    expect(rows.map((r) => r.unitCode)).toEqual(['T3'])
  })

  it('ancestors and depth-first options', async () => {
    const units = await runQuery(db, unitsQuery())
    const idx = unitIndex(units)
    expect(ancestorsOf('T1', idx).map((u) => u.unitCode)).toEqual(['P', 'C', 'K', 'T1'])
    const opts = unitOptions(units)
    expect(opts.map((o) => o.depth)).toEqual([0, 1, 2, 3, 3, 2, 3])
    expect(opts[0]).toMatchObject({ value: 'P', depth: 0 })
    expect(opts.find((o) => o.value === 'T3')).toMatchObject({ depth: 3, path: '黑龙江省 / 佳木斯市 / 同江市' })
    expect(opts).toHaveLength(units.length)
  })

  it('a parent cycle does not loop', () => {
    const u = (c: string, p: string | null) => ({ unitCode: c, unitName: c, parentCode: p, parentName: null, level: null, reports: 0 })
    const units = [u('A', 'B'), u('B', 'A'), u('R', null)]
    expect(ancestorsOf('A', unitIndex(units)).map((x) => x.unitCode)).toEqual(['B', 'A'])
    expect(unitOptions(units)).toHaveLength(3)
  })
})
