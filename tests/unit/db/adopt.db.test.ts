/**
 * A bundle added over a published database (src/db/adopt.ts, issue 20): the file's data is copied into the tab's
 * own tables inside the load's transaction and the new files are loaded on top. The result equals one CSV load of
 * both bundles — typed tables, summary, findings — except that the file's paths name the published file; a report
 * already in the file is a duplicate and a different value a conflict naming both; a cancel during the copy leaves
 * the published views as they were; a replacing load leaves the file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptPublished, layerCounts } from '../../../src/db/adopt'
import { attachPublished, type Published } from '../../../src/db/attach'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { LOCKDOWN_SQL } from '../../../src/db/engine'
import { loadTables, summarise } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { ingestFiles, isCancelled, type SourceFile } from '../../../src/ingest'
import { generateBundle } from '../../../scripts/lib/generate.mjs'
import { runSummarise } from '../../../scripts/lib/summarise-cli'
import { groupInputs, readGroup } from '../../../scripts/lib/summarise-part'
import { freshDb } from '../../helpers/engine'

const LABEL = 'pub.duckdb'
let work: string
let pubFile: Uint8Array
let older: SourceFile[]
let newer: SourceFile[]

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gdd-adopt-'))
  const dir = join(work, 'prov')
  mkdirSync(dir)
  const a = generateBundle({ reports: 200, seed: 'adopt-A', provCode: '07' })
  for (const [name, text] of Object.entries(a.files)) writeFileSync(join(dir, name), text)
  expect(await runSummarise({ inputs: [dir], out: join(work, LABEL), jobs: 1, progress: false }, () => {})).toBe(0)
  pubFile = new Uint8Array(readFileSync(join(work, LABEL)))
  older = groupInputs([dir]).flatMap(readGroup)
  // this year's new reports (another province's units), plus three of the file's reports again and one changed
  const b = generateBundle({ reports: 40, seed: 'adopt-B', provCode: '08' })
  const lines = a.files['reports.csv'].trim().split('\n')
  const cols = lines[0].split(',')
  const changed = lines[4].split(',')
  const at = cols.indexOf('active_total')
  changed[at] = String(Number(changed[at]) + 7)
  newer = [
    ...Object.entries(b.files).map(([n, text]) => ({ path: `new/${n}`, bytes: enc(text) })),
    { path: 'again/reports.csv', bytes: enc([lines[0], lines[1], lines[2], lines[3], changed.join(',')].join('\n') + '\n') },
  ]
}, 240_000)
afterAll(() => { rmSync(work, { recursive: true, force: true }) })

/** An engine with the file attached as the browser does (registered, attached, then locked). */
async function published(): Promise<{ db: Db; p: Published }> {
  const db = await startNodeDuckDb({ locked: false })
  await db.registerFile(LABEL, pubFile)
  const p = await attachPublished(db, LABEL)
  await db.exec(LOCKDOWN_SQL)
  return { db, p }
}

const copy = (files: SourceFile[]): SourceFile[] => files.map((f) => ({ path: f.path, bytes: new Uint8Array(f.bytes) }))
const ingest = async (files: SourceFile[]) => (await ingestFiles(copy(files))).tables

/** The tables a user sees the data through, in a stable order; the file's paths without its name. */
async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const strip = (c: string): string => `replace(${c}, '${LABEL}/', '')`
  const out: Record<string, unknown[]> = {}
  for (const t of ['reports', 'active', 'applications', 'reviews', 'units', 'summary']) out[t] = await db.query(`SELECT * FROM ${t} ORDER BY ALL`)
  out.findings = await db.query(`SELECT * REPLACE (${strip('message')} AS message) FROM findings ORDER BY ALL`)
  out.files = await db.query(`SELECT file_id, ${strip('path')} AS path, kind, records, loaded FROM files ORDER BY file_id`)
  return out
}

describe('a bundle added over a published database', () => {
  let oneGo: Record<string, unknown[]>

  beforeAll(async () => {
    const csv = await freshDb()
    try {
      await csv.session('write', async (w) => loadTables(w, [...await ingest(older), ...await ingest(newer)]))
      oneGo = await snapshot(csv)
    } finally {
      await csv.close()
    }
  }, 120_000)

  it('equals one CSV load of both bundles; the file is named as the source of its reports', async () => {
    const { db, p } = await published()
    try {
      // a cancel during the copy rolls it back: the published views answer again, nothing of the copy is left
      const ctl = new AbortController()
      const err = await db.session('write', async (w) => loadTables(w, await ingest(newer), {
        signal: ctl.signal,
        base: (x) => adoptPublished(x, { tables: p.tables, copy: true, label: LABEL, signal: ctl.signal,
          onProgress: (g) => { if (g.done === 3) ctl.abort() } }),
      })).catch((e: unknown) => e)
      expect(isCancelled(err)).toBe(true)
      expect((await summarise(db)).reports).toBe(200)
      expect(await db.query("SELECT view_name FROM duckdb_views() WHERE view_name IN ('summary', 'files') ORDER BY 1"))
        .toEqual([{ view_name: 'files' }, { view_name: 'summary' }])

      let last = 0
      const steps: number[] = []
      const s = await db.session('write', async (w) => loadTables(w, await ingest(newer), {
        base: async (x) => { last = await adoptPublished(x, { tables: p.tables, copy: true, label: LABEL, onProgress: (g) => { steps.push(g.done) } }) },
      }))
      expect(steps.length).toBeGreaterThan(5) // progress while copying, table by table
      expect(s.reports).toBe(240)
      expect(await snapshot(db)).toEqual(oneGo)
      // the duplicate and the conflict name the published file and the new file
      const said = (rule: string) => db.query<{ message: string }>('SELECT message FROM findings WHERE rule = ?', [rule])
      expect((await said('duplicate')).map((r) => r.message).join()).toMatch(/again\/reports\.csv 中 3 行与 pub\.duckdb\/prov\/reports\.csv/)
      const conflict = (await said('conflict')).map((r) => r.message).join()
      expect(conflict).toContain(`${LABEL}/prov/reports.csv`)
      expect(conflict).toContain('again/reports.csv')
      expect(await layerCounts(db, last)).toEqual({ baseReports: 200, addedFiles: newer.length, addedReports: 40 })
      // a later bundle added in the ordinary way numbers its files after both
      const [{ next }] = await db.query<{ next: number }>("SELECT nextval('file_seq')::INTEGER AS next")
      expect(next).toBe(last + newer.length + 1)
    } finally {
      await db.close()
    }
  }, 120_000)

  it('a replacing load leaves the file: the data is the new bundle alone', async () => {
    const { db, p } = await published()
    try {
      const s = await db.session('write', async (w) => loadTables(w, await ingest(newer), {
        replace: true, base: (x) => adoptPublished(x, { tables: p.tables, copy: false, label: LABEL }),
      }))
      // the new province's 40 and the 4 of again/reports.csv; nothing of the file is left
      expect(s.reports).toBe(44)
      expect(await db.query(`SELECT count(*)::INTEGER AS n FROM files WHERE path LIKE '${LABEL}/%'`)).toEqual([{ n: 0 }])
      expect(await db.query("SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE view_name = 'summary'")).toEqual([{ n: 0 }])
    } finally {
      await db.close()
    }
  }, 120_000)
})
