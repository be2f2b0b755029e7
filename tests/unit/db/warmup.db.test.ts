/**
 * The warm-up (issue 19, src/db/warmup.ts): a dry run of the whole load over the embedded bundle leaves nothing of
 * itself — on an empty engine no table at all, over loaded data every table as it was, stopped half-way the same —,
 * counts no CSV file as read, and a load after it gives the same figures and findings as a load without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { loadStats, loadTables } from '../../../src/db/load'
import { warmUp } from '../../../src/db/warmup'
import type { Db } from '../../../src/db/types'
import { overviewStatements } from '../../../src/queries/overviewView'
import { twoTownships } from '../../helpers/db'

const FIGURES = 'SELECT unit_code, year, active_total, received, handled, granted FROM summary ORDER BY unit_code, year'
// file ids left out: the dry run's take numbers from the sequence (keys, never shown)
const FINDINGS = 'SELECT rule, severity, unit_code, year, line, message FROM findings ORDER BY ALL'

/** Every table of the database (temporary ones too) with all its rows. */
async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await db.query<{ s: string; t: string }>(
    "SELECT schema_name AS s, table_name AS t FROM duckdb_tables() WHERE database_name IN ('memory', 'temp') ORDER BY ALL")
  const out: Record<string, unknown[]> = {}
  for (const { s, t } of tables) out[`${s}.${t}`] = await db.query(`SELECT * FROM "${s}"."${t}" ORDER BY ALL`)
  return out
}

/**
 * `db` whose write session aborts `ctl` at its `n`-th statement (a load arriving half-way through the warm-up);
 * `seen()`: the statements run so far.
 */
function abortingAt(db: Db, ctl: AbortController, n: number): Db & { seen(): number } {
  let seen = 0
  const count = (): void => { if (++seen === n) ctl.abort() }
  return {
    seen: () => seen,
    ...db,
    session: (name, fn) => db.session(name, (c) => fn({
      ...c,
      exec: async (sql) => { count(); await c.exec(sql) },
      query: async (sql, params) => { count(); return c.query(sql, params) },
    })),
  }
}

describe('warm-up', () => {
  let empty: Db
  let loaded: Db
  beforeAll(async () => {
    ;[empty, loaded] = await Promise.all([startNodeDuckDb(), startNodeDuckDb()])
    await loadTables(loaded, twoTownships('A', 2022))
  }, 180_000)
  afterAll(async () => { await empty.close(); await loaded.close() })

  it('on an empty engine: done, and not a table is left; no CSV file counted as read', async () => {
    const files = loadStats.csvFiles
    expect(await dump(empty)).toEqual({})
    expect(await warmUp(empty, { signal: new AbortController().signal, statements: overviewStatements() })).toBe('done')
    expect(await dump(empty)).toEqual({})
    expect(loadStats.csvFiles).toBe(files)
  }, 180_000)

  it('over loaded data: every table as it was, and the next load is the same as on an engine never warmed up', async () => {
    const before = await dump(loaded)
    expect(Object.keys(before).length).toBeGreaterThan(10)
    expect(await warmUp(loaded, { signal: new AbortController().signal, statements: overviewStatements() })).toBe('done')
    expect(await dump(loaded)).toEqual(before)
    const cold = await startNodeDuckDb()
    try {
      await loadTables(cold, twoTownships('A', 2022))
      await loadTables(cold, twoTownships('B', 2023))
      await loadTables(loaded, twoTownships('B', 2023))
      expect(await loaded.query(FIGURES)).toEqual(await cold.query(FIGURES))
      expect(await loaded.query(FINDINGS)).toEqual(await cold.query(FINDINGS))
      expect((await loaded.query(FIGURES)).length).toBe(4)
    } finally { await cold.close() }
  }, 180_000)

  it('stopped before it starts, or half-way (a load arriving): stopped, and nothing of it stays', async () => {
    const before = await dump(loaded)
    const ctl = new AbortController()
    ctl.abort()
    expect(await warmUp(loaded, { signal: ctl.signal })).toBe('stopped')
    const all = abortingAt(loaded, new AbortController(), 0)
    expect(await warmUp(all, { signal: new AbortController().signal })).toBe('done')
    // the last two statements (the last check, the rollback) come after its last look at the signal
    for (const n of [0.02, 0.25, 0.5, 0.75, 1].map((f) => Math.max(1, Math.min(all.seen() - 2, Math.round(f * all.seen()))))) {
      const mid = new AbortController()
      expect(await warmUp(abortingAt(loaded, mid, n), { signal: mid.signal })).toBe('stopped')
      expect(await dump(loaded)).toEqual(before)
    }
  }, 180_000)

  it('skipped over more reports than allowed (its rebuild covers everything loaded)', async () => {
    expect(await warmUp(loaded, { signal: new AbortController().signal, maxReports: 1 })).toBe('skipped')
  }, 60_000)
})
