/**
 * The saved database (issue 19): a load exported table by table and imported into a fresh locked engine gives the
 * same figures and findings; the next load continues from it; a snapshot that does not match is refused whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { loadTables } from '../../../src/db/load'
import { SnapshotMismatch, exportDb, importDb, type DbSnapshot } from '../../../src/db/snapshot'
import type { Db } from '../../../src/db/types'
import { twoTownships } from '../../helpers/db'

const FIGURES = `SELECT unit_code, year, active_total, received, handled, granted FROM summary ORDER BY unit_code, year`
const FINDINGS = `SELECT rule, unit_code, year, file_id, line, message FROM findings ORDER BY ALL`

describe('database snapshot', () => {
  let a: Db
  let b: Db
  let snap: DbSnapshot
  beforeAll(async () => {
    a = await startNodeDuckDb()
    b = await startNodeDuckDb()
    await loadTables(a, twoTownships('A', 2022))
    snap = (await exportDb(a))!
    expect(await exportDb(a, undefined, 1)).toBeNull() // more rows than allowed: nothing kept
  }, 180_000)
  afterAll(async () => { await a.close(); await b.close() })

  it('reopens in a fresh (locked) engine with the same figures and findings, and the next load goes on from it', async () => {
    expect(snap.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['summary', 'findings', 'files', 'raw_reports', 'cell_dict']))
    await importDb(b, snap)
    expect(await b.query(FIGURES)).toEqual(await a.query(FIGURES))
    expect(await b.query(FINDINGS)).toEqual(await a.query(FINDINGS))
    expect((await b.query(FINDINGS)).length).toBeGreaterThan(0)
    await loadTables(a, twoTownships('B', 2023))
    await loadTables(b, twoTownships('B', 2023))
    expect(await b.query(FIGURES)).toEqual(await a.query(FIGURES))
    expect(await b.query(FINDINGS)).toEqual(await a.query(FINDINGS))
    expect(await b.query('SELECT file_id, path FROM files ORDER BY file_id')).toEqual(await a.query('SELECT file_id, path FROM files ORDER BY file_id'))
  }, 180_000)

  it('a part whose rows do not match is refused and nothing of the snapshot stays', async () => {
    const c = await startNodeDuckDb()
    try {
      const broken = { ...snap, tables: snap.tables.map((t) => (t.name === 'summary' ? { ...t, rows: t.rows + 1 } : t)) }
      await expect(importDb(c, broken)).rejects.toBeInstanceOf(SnapshotMismatch)
      const gone = snap.tables.filter((t) => t.name !== 'summary')
      await expect(importDb(c, { ...snap, tables: gone })).rejects.toBeInstanceOf(SnapshotMismatch)
      const rows = await c.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'summary'")
      expect(rows[0].n).toBe(0)
      const evil = { ...snap, tables: snap.tables.map((t) => (t.name === 'files' ? { ...t, ddl: `${t.ddl} DROP TABLE x;` } : t)) }
      await expect(importDb(c, evil)).rejects.toBeInstanceOf(SnapshotMismatch)
    } finally { await c.close() }
  }, 120_000)
})
