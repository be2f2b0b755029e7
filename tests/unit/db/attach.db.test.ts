/**
 * A published database file (npm run summarise) attached read-only in duckdb-wasm answers the app's own queries
 * exactly as the same bundle loaded as CSV does, also after the engine is locked; a file from another engine
 * version is refused with a message saying what to do.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PublishedRefused, PublishedVersionMismatch, attachPublished, checkDatabaseFile } from '../../../src/db/attach'
import { hostileDatabases } from '../../helpers/hostile-db'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { startNativeDuckDb } from '../../../src/db/duckdb-native'
import { buildAnswers } from '../../../src/db/rollups'
import { firstViewStatements } from '../../../src/db/firstView'
import { writePublishedFile } from '../../../src/db/publish'
import { STORED_TABLE, answeringStored, storedStatement, type StoredIndex } from '../../../src/db/stored'
import { LOCKDOWN_SQL } from '../../../src/db/engine'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { ingestFiles } from '../../../src/ingest'
import { activeByUnitYearQuery, outcomesByUnitQuery, outcomesByYearQuery, overviewQuery } from '../../../src/queries/overview'
import type { Filters, Query } from '../../../src/queries/types'
import { kpiChangeQuery } from '../../../src/queries/trends'
import { childrenAggregatesQuery } from '../../../src/queries/hierarchy'
import { ROLLUP_SIG_TABLE, type DataSource } from '../../../src/queries/rollup'
import { generateBundle } from '../../../scripts/lib/generate.mjs'
import { runSummarise } from '../../../scripts/lib/summarise-cli'
import { groupInputs, readGroup } from '../../../scripts/lib/summarise-part'

let work: string
let csvDb: Db
let pubDb: Db
let pubStored: StoredIndex
let rollups: boolean
/** The summariser's file as written (stored answers for a file without per-range answers), attached. */
let plainDb: Db
let plainStored: StoredIndex

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gdd-attach-'))
  const dir = join(work, 'bundle')
  mkdirSync(dir)
  const { files } = generateBundle({ reports: 300, seed: 'attach' })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  expect(await runSummarise({ inputs: [dir], out: join(work, 'pub.duckdb'), jobs: 1, progress: false }, () => {})).toBe(0)
  copyFileSync(join(work, 'pub.duckdb'), join(work, 'plain.duckdb'))
  // 300 reports is below ANSWERS_MIN_REPORTS: the summariser wrote no per-range answers; written here to test them,
  // and the file written again as the summariser writes it (its first view's stored answers then use them)
  const native = await startNativeDuckDb(join(work, 'built.duckdb'), { scratch: join(work, 'scratch'), locked: false })
  await native.exec(`ATTACH '${join(work, 'pub.duckdb')}' AS src (READ_ONLY); COPY FROM DATABASE src TO built; DETACH src; DROP TABLE ${STORED_TABLE}`)
  expect((await native.query(`SELECT 1 FROM duckdb_tables() WHERE table_name = '${ROLLUP_SIG_TABLE}'`)).length).toBe(0)
  await buildAnswers(native)
  await native.exec('CHECKPOINT')
  rmSync(join(work, 'pub.duckdb'))
  await writePublishedFile(native, join(work, 'pub.duckdb'), { rollups: true })
  await native.close()
  plainDb = await startNodeDuckDb({ locked: false })
  await plainDb.registerFile('plain.duckdb', new Uint8Array(readFileSync(join(work, 'plain.duckdb'))))
  plainStored = (await attachPublished(plainDb, 'plain.duckdb')).stored
  await plainDb.exec(LOCKDOWN_SQL)
  csvDb = await startNodeDuckDb()
  const res = await ingestFiles(groupInputs([dir]).flatMap(readGroup))
  await csvDb.session('write', (w) => loadTables(w, res.tables))
  // as the browser would: register the file, attach it, then lock the engine
  pubDb = await startNodeDuckDb({ locked: false })
  await pubDb.registerFile('pub.duckdb', new Uint8Array(readFileSync(join(work, 'pub.duckdb'))))
  const pub = await attachPublished(pubDb, 'pub.duckdb')
  rollups = pub.rollups
  pubStored = pub.stored
  await pubDb.exec(LOCKDOWN_SQL)
}, 240_000)
afterAll(async () => {
  await csvDb?.close()
  await pubDb?.close()
  await plainDb?.close()
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

  it('answers every statement of the first view from its stored answers, equal to the live answer and to the CSV load', async () => {
    for (const [db, stored, src] of [[plainDb, plainStored, {}], [pubDb, pubStored, { rollups: true }]] as const) {
      const answered = answeringStored(db, stored)
      for (const st of firstViewStatements(src)) {
        // stored: the statement is read from the one table, not from the data
        expect(storedStatement(stored, st.sql, st.params)?.sql).toContain(STORED_TABLE)
        const live = await run(db, st)
        expect(await run(answered, st)).toEqual(live)
        // the attach's own reads name the attached file; every other statement is the app's, as the CSV load answers it
        if (!st.sql.includes('published.main.') && !st.sql.includes('rollup_')) expect(live).toEqual(await run(csvDb, st))
      }
    }
    const [o] = await run(answeringStored(plainDb, plainStored), firstViewStatements({}).find((st) => st.sql.includes('fc AS'))!)
    expect(o.reports).toBe(300)
    // any other statement asks the data
    const other = overviewQuery({ yearFrom: 2022 })
    expect(storedStatement(plainStored, other.sql, other.params)).toBeNull()
    expect(await run(answeringStored(plainDb, plainStored), other)).toEqual(await run(csvDb, other))
  })

  it('opens a file written before stored answers (no stored_answers table): every query reads the data', async () => {
    const file = join(work, 'older.duckdb')
    copyFileSync(join(work, 'plain.duckdb'), file)
    const inst = await DuckDBInstance.create(file)
    const c = await inst.connect()
    await c.run(`DROP TABLE ${STORED_TABLE}`)
    c.closeSync()
    inst.closeSync()
    const db = await startNodeDuckDb({ locked: false })
    try {
      await db.registerFile('older.duckdb', new Uint8Array(readFileSync(file)))
      const older = await attachPublished(db, 'older.duckdb')
      expect(older.stored.size).toBe(0)
      expect(older.manifest.reports).toBe('300')
      for (const st of firstViewStatements({})) {
        expect(storedStatement(older.stored, st.sql, st.params)).toBeNull()
        expect(await run(answeringStored(db, older.stored), st)).toEqual(await run(plainDb, st))
      }
    } finally {
      await db.close()
    }
  }, 60_000)

  it('reads its stored answers (rollups) only where they are the builders\' own answer, row for row', async () => {
    expect(rollups).toBe(true)
    const src: DataSource = { rollups: true }
    const [{ lo, hi }] = await pubDb.query<{ lo: number; hi: number }>('SELECT min(year) AS lo, max(year) AS hi FROM summary')
    // unset, inside, on and beyond the bounds, and empty ranges: the clamped key must give the same rows
    const ranges: Filters[] = [{}, { yearFrom: lo + 1 }, { yearTo: hi - 1 }, { yearFrom: lo - 5, yearTo: hi + 5 }, { yearFrom: lo, yearTo: lo },
      { yearFrom: hi + 3 }, { yearTo: lo - 3 }, { yearFrom: hi, yearTo: lo }, { yearFrom: lo + 1, yearTo: hi - 1, pick: 'x' }]
    const builders = [
      (f: Filters, s?: DataSource) => overviewQuery(f, s), (f: Filters, s?: DataSource) => kpiChangeQuery(f, s),
      (f: Filters, s?: DataSource) => outcomesByYearQuery(f, s), (f: Filters, s?: DataSource) => childrenAggregatesQuery(f, null, s),
    ]
    for (const f of ranges) {
      for (const b of builders) {
        const stored = b(f, src)
        expect(stored.sql).toContain('rollup_')
        const [a, r] = [await run(csvDb, b(f)), await run(pubDb, stored)]
        expect(r).toEqual(a)
      }
    }
    // per-unit lists: stored for the first view only (no filter, default basis and length)
    for (const qy of [activeByUnitYearQuery({}, {}, src), outcomesByUnitQuery({}, {}, src)]) expect(qy.sql).toContain('rollup_')
    expect(await run(pubDb, activeByUnitYearQuery({}, {}, src))).toEqual(await run(csvDb, activeByUnitYearQuery({})))
    expect(await run(pubDb, outcomesByUnitQuery({}, {}, src))).toEqual(await run(csvDb, outcomesByUnitQuery({})))
    // any other filter asks the summary
    const unit = (await run(csvDb, childrenAggregatesQuery({}, null)))[0] as { unitCode: string }
    for (const f of [{ unitCodes: [unit.unitCode] }, { panel: true }, { drill: unit.unitCode }] as Filters[]) {
      expect(overviewQuery(f, src).sql).not.toContain('rollup_')
      expect(kpiChangeQuery(f, src).sql).not.toContain('rollup_')
    }
    expect(activeByUnitYearQuery({ yearFrom: lo }, {}, src).sql).not.toContain('rollup_')
    expect(outcomesByUnitQuery({}, { basis: { kind: 'latest' } }, src).sql).not.toContain('rollup_')
    expect(childrenAggregatesQuery({}, unit.unitCode, src).sql).not.toContain('rollup_')
  })

  it('ignores stored answers written by other builders (signature differs)', async () => {
    const file = join(work, 'stale.duckdb')
    copyFileSync(join(work, 'pub.duckdb'), file)
    const inst = await DuckDBInstance.create(file)
    const c = await inst.connect()
    await c.run(`UPDATE ${ROLLUP_SIG_TABLE} SET sig = 'v0-older-builders'`)
    c.closeSync()
    inst.closeSync()
    const db = await startNodeDuckDb({ locked: false })
    try {
      await db.registerFile('stale.duckdb', new Uint8Array(readFileSync(file)))
      expect((await attachPublished(db, 'stale.duckdb')).rollups).toBe(false)
    } finally {
      await db.close()
    }
  }, 60_000)

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

  it('refuses hostile files with a located reason, leaving nothing attached', async () => {
    const good = new Uint8Array(readFileSync(join(work, 'pub.duckdb')))
    const bad = await hostileDatabases(good, join(work, 'not-summary.duckdb'))
    const blob = (b: Uint8Array) => new Blob([new Uint8Array(b)])
    // by the first bytes alone (before any engine is started for the file)
    for (const [name, reason] of [['empty', 'empty'], ['text', 'notDuckdb'], ['truncated', 'truncated']] as const) {
      const err = await checkDatabaseFile(blob(bad[name]), `${name}.duckdb`).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(PublishedRefused)
      expect((err as PublishedRefused).reason).toBe(reason)
      expect((err as Error).message).toContain(`“${name}.duckdb”`)
    }
    expect(String(await checkDatabaseFile(blob(bad.truncated), 't.duckdb').catch((e: unknown) => e))).toContain(`实际只有 ${bad.truncated.length} 字节`)
    // the good file and the two below pass the header check: DuckDB itself judges them
    for (const ok of [good, bad.newer, bad.notSummary]) expect((await checkDatabaseFile(blob(ok), 'x.duckdb')).problem).toBeNull()
    const db = await startNodeDuckDb({ locked: false })
    try {
      await db.registerFile('newer.duckdb', bad.newer)
      const newer = await attachPublished(db, 'newer.duckdb', { name: 'newer.duckdb', header: await checkDatabaseFile(blob(bad.newer), 'newer.duckdb') }).catch((e: unknown) => e)
      expect(newer).toBeInstanceOf(PublishedVersionMismatch)
      expect((newer as PublishedVersionMismatch).file).toBe('v1.5.0')
      await db.registerFile('people.duckdb', bad.notSummary)
      const other = await attachPublished(db, 'people.duckdb', { name: '人员.duckdb' }).catch((e: unknown) => e)
      expect(other).toBeInstanceOf(PublishedRefused)
      expect((other as PublishedRefused).reason).toBe('notSummary')
      expect((other as Error).message).toMatch(/“人员.duckdb”.*缺少表 manifest, summary/)
      expect(await db.query("SELECT database_name FROM duckdb_databases() WHERE database_name = 'published'")).toEqual([])
      expect(await db.query("SELECT 1 FROM duckdb_views() WHERE view_name = 'people'")).toEqual([])
      // DuckDB's own refusal of a foreign file, when the header check was not made
      await db.registerFile('text.duckdb', bad.text)
      expect(((await attachPublished(db, 'text.duckdb').catch((e: unknown) => e)) as PublishedRefused).reason).toBe('notDuckdb')
    } finally {
      await db.close()
    }
  }, 60_000)
})
