/**
 * A bundle added over a published database in the data load (issue 20, src/composables/useDataLoad/layer.ts): the
 * engine lets go of the file (and detaches it), `layer` says what came from the file and from the added files, the saved bundles are
 * the added ones alone (the tab's data is the file's copy and these), and the next start says it again — or, when
 * only the added files could be replayed, that the file's part is not there (no figures of less data passed off as
 * the whole).
 */
import 'fake-indexeddb/auto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachPublished } from '../../../src/db/attach'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { LOCKDOWN_SQL } from '../../../src/db/engine'
import type { Db } from '../../../src/db/types'
import { resetPersistence, usePersistence } from '../../../src/persist'
import { resetDashboard } from '../../../src/composables/useDashboard'
import { useDataLoad } from '../../../src/composables/useDataLoad'
import { useEngine } from '../../../src/composables/useEngine'
import type { SourceFile } from '../../../src/ingest/types'
import { generateBundle } from '../../../scripts/lib/generate.mjs'
import { runSummarise } from '../../../scripts/lib/summarise-cli'

const LABEL = 'prov.duckdb'
/** localStorage (Node 20 has none). */
const store = new Map<string, string>()
const g = globalThis as { localStorage?: unknown }
let work: string
const dbs: Db[] = []
let added: SourceFile[]

beforeAll(async () => {
  g.localStorage = {
    getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => { store.set(k, v) },
    removeItem: (k: string) => { store.delete(k) }, key: (i: number) => [...store.keys()][i] ?? null,
    get length() { return store.size }, clear: () => { store.clear() },
  }
  work = mkdtempSync(join(tmpdir(), 'gdd-layer-'))
  const dir = join(work, 'bundle')
  mkdirSync(dir)
  for (const [n, t] of Object.entries(generateBundle({ reports: 60, seed: 'layer-A', provCode: '07' }).files)) writeFileSync(join(dir, n), t)
  expect(await runSummarise({ inputs: [dir], out: join(work, LABEL), jobs: 1, progress: false }, () => {})).toBe(0)
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
  added = Object.entries(generateBundle({ reports: 12, seed: 'layer-B', provCode: '08' }).files).map(([n, t]) => ({ path: `new/${n}`, bytes: enc(t) }))
}, 240_000)
afterAll(async () => {
  await usePersistence().clear()
  // the stores are singletons kept across the files of this worker (isolate: false): none may keep these engines
  resetDashboard()
  resetPersistence()
  for (const d of dbs) await d.close()
  delete g.localStorage
  rmSync(work, { recursive: true, force: true })
})

const engine = async (): Promise<Db> => { const d = await startNodeDuckDb({ locked: false }); dbs.push(d); return d }
const settled = async (load: ReturnType<typeof useDataLoad>): Promise<void> => {
  while (load.saving.value) await new Promise((r) => setTimeout(r, 20))
}

/** As a page opened with ?db= does: the file attached before the lock, the engine told. */
async function openPublished(): Promise<ReturnType<typeof useDataLoad>> {
  const d = await engine()
  await d.registerFile(LABEL, new Uint8Array(readFileSync(join(work, LABEL))))
  const p = await attachPublished(d, LABEL)
  await d.exec(LOCKDOWN_SQL)
  useEngine({ startDb: async () => d }).published.value = { ...p, path: `data/${LABEL}`, url: `/data/${LABEL}` }
  const load = useDataLoad({ startDb: async () => d, autoSample: false, sampleFiles: async () => [] })
  await load.start()
  return load
}

/** A reload: the stores forgotten, a fresh engine without the file (the address lost ?db=). */
async function reload(): Promise<ReturnType<typeof useDataLoad>> {
  resetDashboard()
  resetPersistence()
  const d = await engine()
  const load = useDataLoad({ startDb: async () => d, autoSample: false, sampleFiles: async () => [] })
  await load.start()
  return load
}

describe('a bundle added over a published database', () => {
  it('says where the data came from, saves the added files alone, and says it again after a reload', async () => {
    let load = await openPublished()
    expect(load.summary.value?.reports).toBe(60)
    await load.loadSources(added.map((f) => ({ ...f, bytes: new Uint8Array(f.bytes) })))
    expect(load.error.value).toBeNull()
    expect(load.summary.value?.reports).toBe(72)
    expect(useEngine().published.value).toBeNull() // no stored answers of the file read for this data
    // and the file is detached (its cached blocks go); the copy answers on its own
    const d = dbs[dbs.length - 1]
    expect(await d.query("SELECT database_name FROM duckdb_databases() WHERE database_name = 'published'")).toEqual([])
    expect(await d.query('SELECT count(*)::INTEGER AS n FROM summary')).toEqual([{ n: 72 }])
    expect(load.layer.value).toEqual({ path: `data/${LABEL}`, local: false, reports: 60, baseLast: expect.any(Number) as number,
      lost: false, addedFiles: added.length, addedReports: 12 })
    await settled(load)
    const saved = await usePersistence().restore({ bytes: false })
    expect(saved.map((b) => b.saved.length)).toEqual([added.length])

    load = await reload() // the database kept after the load is reopened: the file's part is in it
    expect(load.summary.value?.reports).toBe(72)
    expect(load.layer.value?.lost).toBe(false)
    expect(load.layer.value?.addedReports).toBe(12)
    expect(load.layer.value?.reports).toBe(60)

    usePersistence().forgetDatabase() // as when the database was too big to keep: only the CSV files replay
    await settled(load)
    load = await reload()
    expect(load.summary.value?.reports).toBe(12)
    expect(load.layer.value).toMatchObject({ path: `data/${LABEL}`, reports: 60, lost: true })

    await load.clear()
    expect(load.layer.value).toBeNull()
  }, 240_000)

  it('loading instead (replace) leaves the file: the new bundle alone, nothing said of the file', async () => {
    resetDashboard()
    resetPersistence()
    const load = await openPublished()
    await load.loadSources(added.map((f) => ({ ...f, bytes: new Uint8Array(f.bytes) })), { replace: true })
    expect(load.error.value).toBeNull()
    expect(load.summary.value?.reports).toBe(12)
    expect(useEngine().published.value).toBeNull()
    expect(load.layer.value).toBeNull()
    await settled(load)
    expect((await usePersistence().restore({ bytes: false })).map((b) => b.saved.length)).toEqual([added.length])
  }, 240_000)
})
