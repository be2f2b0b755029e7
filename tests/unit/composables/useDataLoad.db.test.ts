/**
 * The data load with the injected Node DuckDB: a load fills the filters' lists, the findings and the coordinator;
 * a file that is not a table is a notice and the data stays; clear empties everything; the saved bundles are
 * replayed on the next start with the last filters (units that no longer exist dropped).
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { clearAll } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { resetPersistence, usePersistence } from '../../../src/persist'
import { resetDashboard } from '../../../src/composables/useDashboard'
import { useDataLoad } from '../../../src/composables/useDataLoad'
import { useFilters } from '../../../src/composables/useFilters'
import { useFindings } from '../../../src/composables/useFindings'
import { useCoordinator } from '../../../src/composables/useCoordinator'
import { useEngine } from '../../../src/composables/useEngine'
import { reopenStats } from '../../../src/composables/useDataLoad/reopen'
import type { SourceFile } from '../../../src/ingest/types'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const bundle = (codes: string[], year = 2023): SourceFile[] => [{
  path: `b${codes[0]}/reports.csv`,
  bytes: enc(`unit_code,unit_name,year,active_total\n${codes.map((c, i) => `${c},单位${c},${year},${10 + i}`).join('\n')}\n`),
}]

/** localStorage for the saved filters (Node 20 has none). */
class MemoryStorage {
  private m = new Map<string, string>()
  getItem(k: string): string | null { return this.m.get(k) ?? null }
  setItem(k: string, v: string): void { this.m.set(k, v) }
  removeItem(k: string): void { this.m.delete(k) }
  key(i: number): string | null { return [...this.m.keys()][i] ?? null }
  get length(): number { return this.m.size }
  clear(): void { this.m.clear() }
}
const g = globalThis as { localStorage?: unknown }
beforeEach(() => { g.localStorage = new MemoryStorage() })
afterEach(async () => { await usePersistence().clear(); await emptyEngine(); resetDashboard(); resetPersistence(); delete g.localStorage }) // saved bundles live in the (fake) IndexedDB across cases

// One engine for the file (starting DuckDB is the slow part); emptied between cases as a fresh one would be.
let db: Db
beforeAll(async () => { db = await startNodeDuckDb() }, 60_000)
const emptyEngine = (): Promise<void> => db.session('write', (w) => clearAll(w))

async function started() {
  const load = useDataLoad({ startDb: async () => db, autoSample: false, sampleFiles: async () => [] })
  await load.start()
  return load
}

describe('useDataLoad', () => {
  it('a load: ready with its summary, the filters\' lists, the findings and the coordinator told', async () => {
    const load = await started()
    expect(load.state.value).toBe('ready')
    expect(load.summary.value).toBeNull()
    expect(useCoordinator().hasData.value).toBe(false)
    const v = useCoordinator().version.value
    // the figures are drawn between the phases without a drawn frame to wait for (no requestAnimationFrame here, as
    // in a hidden tab): no warning that drawing them failed
    const warn = vi.spyOn(console, 'warn')
    await load.loadSources(bundle(['100000000001', '100000000002']))
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('figures before the checks'))).toEqual([])
    warn.mockRestore()
    expect(load.state.value).toBe('ready')
    expect(load.summary.value?.reports).toBe(2)
    expect(useFilters().years.value).toEqual([2023])
    expect(useFilters().units.value.map((u) => u.unitCode).sort()).toEqual(['100000000001', '100000000002'])
    expect(useCoordinator().hasData.value).toBe(true)
    expect(useCoordinator().version.value).toBeGreaterThan(v)
    expect(useFindings().findingsTotal.value).toBe(load.summary.value?.findings ?? -1)
  }, 60_000)

  it('cancel asked while the data is being committed: loaded all the same, and the notice says so', async () => {
    // the write session's COMMIT of phase 1 is where cancel is pressed: after the load's last check of it
    let press: (() => void) | null = null
    const onCommit = (c: Db): Db => new Proxy(c, {
      get: (t, k) => k === 'exec'
        ? async (sql: string) => { if (sql === 'COMMIT' && press) { press(); press = null } return t.exec(sql) }
        : (Reflect.get(t, k) as unknown as { bind?(x: unknown): unknown })?.bind?.(t) ?? Reflect.get(t, k),
    })
    const hooked = new Proxy(db, {
      get: (t, k) => k === 'session'
        ? <T>(name: Parameters<Db['session']>[0], fn: (c: Db) => Promise<T>) => t.session(name, (c) => fn(onCommit(c)))
        : (Reflect.get(t, k) as unknown as { bind?(x: unknown): unknown })?.bind?.(t) ?? Reflect.get(t, k),
    })
    const load = useDataLoad({ startDb: async () => hooked, autoSample: false, sampleFiles: async () => [] })
    await load.start()
    press = () => load.cancelLoad()
    await load.loadSources(bundle(['100000000003']))
    expect(press).toBeNull() // pressed
    expect(load.summary.value?.reports).toBe(1)
    expect(load.cancelled.value).toBe('late')
    // the next load starts without the notice
    await load.loadSources(bundle(['100000000004']))
    expect(load.cancelled.value).toBe(false)
  }, 60_000)

  it('a file that is not a table: a notice, the data loaded before stays, no error', async () => {
    const load = await started()
    await load.loadSources(bundle(['100000000001']))
    await load.loadSources([{ path: 'notes.csv', bytes: enc('名称,备注\n甲,乙\n') }])
    expect(load.rejected.value.map((r) => r.path)).toEqual(['notes.csv'])
    expect(load.error.value).toBeNull()
    expect(load.summary.value?.reports).toBe(1)
  }, 60_000)

  it('clear: nothing loaded, filters and findings emptied', async () => {
    const load = await started()
    await load.loadSources(bundle(['100000000001']))
    useFilters().setFilters({ unitCodes: ['100000000001'] })
    await load.clear()
    expect(load.summary.value).toBeNull()
    expect(useFilters().filters.value.unitCodes).toBeUndefined()
    expect(useFindings().findings.value).toEqual([])
    expect(useCoordinator().hasData.value).toBe(false)
  }, 60_000)

  it('the next start replays the saved bundles and brings back the last filters', async () => {
    let load = await started()
    await load.loadSources(bundle(['100000000001', '100000000002']))
    await load.loadSources(bundle(['100000000003'], 2022))
    while (load.saving.value) await new Promise((r) => setTimeout(r, 20))
    useFilters().setFilters({ unitCodes: ['100000000003'] })
    await new Promise((r) => setTimeout(r, 0)) // the filters' watcher saves them
    resetDashboard()
    resetPersistence()
    await emptyEngine() // as after a reload of the page: nothing in the engine
    load = await started()
    expect(load.summary.value?.reports).toBe(3)
    expect(useFilters().years.value).toEqual([2022, 2023])
    expect(useFilters().filters.value.unitCodes).toEqual(['100000000003'])
  }, 90_000)

  it('a published database (?db=) open: the saved data is neither reopened nor replayed over it, and nothing is saved', async () => {
    let load = await started()
    await load.loadSources(bundle(['100000000001']))
    while (load.saving.value) await new Promise((r) => setTimeout(r, 20))
    resetDashboard()
    resetPersistence()
    await emptyEngine()
    reopenStats.from = null
    // as useEngine's own start does when the page has ?db= (the attach itself is tests/browser/attach.test.ts)
    useEngine({ startDb: async () => db }).published.value = { url: '/pub/x.duckdb', path: 'pub/x.duckdb', manifest: {}, tables: [], rollups: false, sources: [], stored: new Set() }
    load = await started()
    expect(load.summary.value).toBeNull()
    expect(reopenStats.from).toBeNull()
    expect(load.saving.value).toBe(false)
    expect((await usePersistence().restore({ bytes: false })).length).toBe(1) // still saved for a start without ?db=
  }, 90_000)
})
