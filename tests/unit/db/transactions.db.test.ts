/**
 * A load's transaction cannot be poisoned (issue 17, hole 5): while a load runs, the dashboard's and the
 * console's queries run on other connections. A query that fails in the middle of a load — a view's, or a
 * refused console statement — leaves the load to finish and commit; queries during the load see the data
 * committed before it. The control shows the hazard: the same interleaving on one connection ends the load in
 * "Current transaction is aborted" (what the red team saw as the error page).
 */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import type { Db } from '../../../src/db/types'
import { SqlRefused } from '../../../src/db/user-sql'
import { resetDashboard, useDashboard, type UseDashboardReturn } from '../../../src/composables/useDashboard'
import { overviewQuery } from '../../../src/queries'
import type { Query } from '../../../src/queries/types'
import type { SourceFile } from '../../../src/ingest/types'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const bundle = (codes: string[]): SourceFile[] => [{
  path: `b${codes[0]}/reports.csv`,
  bytes: enc(`unit_code,unit_name,year,active_total\n${codes.map((c, i) => `${c},单位${c},2023,${10 + i}`).join('\n')}\n`),
}]
// A run-time error (not a bind error): DuckDB marks a transaction it happens in as aborted.
const BAD: Query<Record<string, unknown>> = { sql: "SELECT 'x'::INTEGER AS n", params: [] }

/** The engine, with `during` run when each load's first read_csv is about to run (its transaction is open). */
function hooked(db: Db, during: () => Promise<void>, oneConnection = false): Db {
  const hook = (c: Db): Db => {
    let fired = false
    return {
      ...c,
      async query(sql, params) {
        if (!fired && sql.includes('read_csv(')) { fired = true; await during() }
        return c.query(sql, params)
      },
    }
  }
  // oneConnection: the load runs on the main connection, as before issue 17 (the control)
  return { ...db, session: (name, fn) => (name === 'write' ? (oneConnection ? fn(hook(db)) : db.session(name, (c) => fn(hook(c)))) : db.session(name, fn)) }
}

let dash: UseDashboardReturn | null = null
afterEach(async () => { resetDashboard(); dash = null })

async function dashboardWith(during: (d: UseDashboardReturn) => Promise<void>, oneConnection = false): Promise<UseDashboardReturn> {
  const base = await startNodeDuckDb()
  const d = useDashboard({ startDb: async () => hooked(base, () => during(d), oneConnection), autoSample: false, sampleFiles: async () => [] })
  dash = d
  await d.start()
  return d
}

describe('queries during a load', () => {
  it('a failing view query and refused console statements in the middle of a load: the load commits, no error page', async () => {
    let seen: { overview: unknown; errors: string[] } | null = null
    let loading = false
    const d = await dashboardWith(async (x) => {
      if (!loading) return
      const errors: string[] = []
      await x.runBuilt(BAD).catch((e: unknown) => errors.push(String(e)))
      await x.query('SELECT 1 AS 合计$$; DELETE FROM summary; --$$').catch((e: unknown) => errors.push(e instanceof SqlRefused ? e.kind : String(e)))
      await x.query("SELECT error('boom')").catch((e: unknown) => errors.push(e instanceof SqlRefused ? e.kind : String(e)))
      seen = { overview: (await x.runBuilt(overviewQuery({}) as unknown as Query<Record<string, unknown>>))[0], errors }
    })
    await d.loadSources(bundle(['100000000001', '100000000002']))
    expect(d.state.value).toBe('ready')
    expect(d.summary.value?.reports).toBe(2)
    loading = true
    await d.loadSources(bundle(['100000000003']))
    expect(d.error.value).toBeNull()
    expect(d.state.value).toBe('ready')
    expect(d.summary.value?.reports).toBe(3)
    expect(seen).not.toBeNull()
    const s = seen as unknown as { overview: Record<string, unknown>; errors: string[] }
    expect(s.errors).toHaveLength(3)
    expect(s.errors[0]).toMatch(/Conversion Error/)
    expect(s.errors.slice(1)).toEqual(['notSelect', 'error'])
    // during the load, the views saw the two reports committed before it, not the half-loaded third
    expect(s.overview).toMatchObject({ reports: 2 })
    expect(await d.query('SELECT count(*)::INTEGER AS n FROM summary')).toEqual([{ n: 3 }])
  }, 60_000)

  it('control: the same failing query on the load\'s own connection aborts its transaction', async () => {
    let loading = false
    const d = await dashboardWith(async (x) => {
      if (loading) await x.runBuilt(BAD).catch(() => undefined)
    }, true)
    await d.loadSources(bundle(['100000000001']))
    loading = true
    await d.loadSources(bundle(['100000000003']))
    expect(d.state.value).toBe('error')
    expect(JSON.stringify(d.error.value)).toMatch(/aborted/i)
  }, 60_000)
})
