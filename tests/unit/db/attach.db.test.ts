/**
 * A published database file (npm run summarise) attached read-only in duckdb-wasm answers the app's own queries
 * exactly as the same bundle loaded as CSV does, also after the engine is locked; a file from another engine
 * version is refused with a message saying what to do.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PublishedVersionMismatch, attachPublished } from '../../../src/db/attach'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { LOCKDOWN_SQL } from '../../../src/db/engine'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { ingestFiles } from '../../../src/ingest'
import { activeByUnitYearQuery, outcomesByUnitQuery, outcomesByYearQuery, overviewQuery } from '../../../src/queries/overview'
import type { Filters, Query } from '../../../src/queries/types'
import { generateBundle } from '../../../scripts/lib/generate.mjs'
import { runSummarise } from '../../../scripts/lib/summarise-cli'
import { groupInputs, readGroup } from '../../../scripts/lib/summarise-part'

let work: string
let csvDb: Db
let pubDb: Db

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gdd-attach-'))
  const dir = join(work, 'bundle')
  mkdirSync(dir)
  const { files } = generateBundle({ reports: 300, seed: 'attach' })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  expect(await runSummarise({ inputs: [dir], out: join(work, 'pub.duckdb'), jobs: 1, progress: false }, () => {})).toBe(0)
  csvDb = await startNodeDuckDb()
  const res = await ingestFiles(groupInputs([dir]).flatMap(readGroup))
  await csvDb.session('write', (w) => loadTables(w, res.tables))
  // as the browser would: register the file, attach it, then lock the engine
  pubDb = await startNodeDuckDb({ locked: false })
  await pubDb.registerFile('pub.duckdb', new Uint8Array(readFileSync(join(work, 'pub.duckdb'))))
  await attachPublished(pubDb, 'pub.duckdb')
  await pubDb.exec(LOCKDOWN_SQL)
}, 240_000)
afterAll(async () => {
  await csvDb?.close()
  await pubDb?.close()
  rmSync(work, { recursive: true, force: true })
})

describe('a published database in the app', () => {
  const run = (db: Db, qy: Pick<Query<unknown>, 'sql' | 'params'>) => db.query(qy.sql, qy.params)
  const filters: Filters[] = [{}, { yearFrom: 2021, yearTo: 2024 }]

  it('answers the overview queries as the CSV load does, after the lock', async () => {
    for (const f of filters) {
      for (const qy of [overviewQuery(f), activeByUnitYearQuery(f), outcomesByUnitQuery(f), outcomesByYearQuery(f)]) {
        const [a, b] = [await run(csvDb, qy), await run(pubDb, qy)]
        expect(b.length).toBeGreaterThan(0)
        expect(b).toEqual(a)
      }
    }
    const [o] = await run(pubDb, overviewQuery())
    expect(o.reports).toBe(300)
  })

  it('is read-only and stays locked', async () => {
    await expect(pubDb.exec('DELETE FROM published.main.summary')).rejects.toThrow(/read-only|read only/i)
    // no other database can be attached once locked (a file registered later included)
    await pubDb.registerFile('later.duckdb', new Uint8Array(readFileSync(join(work, 'pub.duckdb'))))
    await expect(pubDb.exec(`ATTACH 'later.duckdb' AS later (READ_ONLY)`)).rejects.toThrow(/disabled by configuration/)
  })

  it('refuses a file written by another engine version, saying what to do', async () => {
    const file = join(work, 'other.duckdb')
    const inst = await DuckDBInstance.create(file)
    const c = await inst.connect()
    await c.run(`CREATE TABLE summary (unit_code VARCHAR); CREATE TABLE manifest (key VARCHAR, value VARCHAR);
      INSERT INTO manifest VALUES ('engine_version', 'v9.9.9')`)
    c.closeSync()
    inst.closeSync()
    const db = await startNodeDuckDb({ locked: false })
    try {
      await db.registerFile('other.duckdb', new Uint8Array(readFileSync(file)))
      const err = await attachPublished(db, 'other.duckdb').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(PublishedVersionMismatch)
      expect(String((err as Error).message)).toContain('npm run summarise')
      const views = await db.query("SELECT 1 FROM duckdb_views() WHERE view_name = 'summary'")
      expect(views).toEqual([])
    } finally {
      await db.close()
    }
  }, 60_000)
})
