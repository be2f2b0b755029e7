/** Cancelling a load (or a load that fails) leaves the data loaded before exactly as it was. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables, summarise } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { isCancelled } from '../../../src/ingest'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'

const reports = (path: string, ...rows: string[]) =>
  prepared(path, 'reports', csv('unit_code,unit_name,parent_code,level,year,active_total', ...rows))

const first = () => [
  reports('A/reports.csv', '230883103000,浓桥镇,230883,乡镇,2023,43', '230883104000,寒葱沟镇,230883,乡镇,2023,7'),
  prepared('A/applications.csv', 'applications', csv(APP_HEADER, ...appLines('230883103000', 2023, { received: 2, granted: 2, handled: 2 }))),
]
const second = () => [
  reports('B/reports.csv', '230883105000,鸭南乡,230883,乡镇,2023,9'),
  prepared('B/applications.csv', 'applications', csv(APP_HEADER, ...appLines('230883105000', 2023, { received: 5 }))),
]

type Snapshot = { s: unknown; totals: unknown; findings: unknown }

describe('cancelled load', () => {
  let db: Db
  let before: Snapshot
  const snapshot = async (): Promise<Snapshot> => ({
    s: await summarise(db),
    totals: await db.query('SELECT unit_code, year, active_total, received FROM summary ORDER BY ALL'),
    findings: await db.query('SELECT rule, unit_code, year FROM findings ORDER BY ALL'),
  })

  beforeAll(async () => {
    db = await freshDb()
    await loadTables(db, first())
    before = await snapshot()
  }, 60_000)
  afterAll(async () => { await db.close() })

  it('stops between files and keeps the previous data', async () => {
    const ctl = new AbortController()
    // abort once the second bundle's first file is in
    const err = await loadTables(db, second(), {
      signal: ctl.signal,
      onProgress: (p) => { if (p.stage === 'parsing' && p.done === 1) ctl.abort() },
    }).catch((e: unknown) => e)
    expect(isCancelled(err)).toBe(true)
    expect(await snapshot()).toEqual(before)
    expect((before.s as { reports: number }).reports).toBe(2)
  })

  it('stops before the checks and keeps the previous data, even when replacing it', async () => {
    const ctl = new AbortController()
    const err = await loadTables(db, second(), {
      signal: ctl.signal, replace: true,
      onProgress: (p) => { if (p.stage === 'checking') ctl.abort() },
    }).catch((e: unknown) => e)
    expect(isCancelled(err)).toBe(true)
    expect(await snapshot()).toEqual(before)
  })

  it('the same load, not cancelled, then adds the new unit', async () => {
    const s = await loadTables(db, second())
    expect(s.reports).toBe(3)
    expect(await db.query('SELECT active_total FROM summary WHERE unit_code = ?', ['230883105000'])).toEqual([{ active_total: 9 }])
  })
})
