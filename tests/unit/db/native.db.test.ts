/**
 * The native summariser (npm run summarise, @duckdb/node-api) writes what the browser would hold: the same
 * bundle loaded through the app's wasm code path (duckdb-wasm blocking in Node) gives the same rows in every
 * table, compared by count and a hash of the sorted rows. The file it writes is opened by duckdb-wasm 1.32
 * (the pin: same engine), and Ctrl-C leaves neither an output file nor temp files.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { ingestFiles } from '../../../src/ingest'
import { overviewQuery } from '../../../src/queries/overview'
import { generateBundle } from '../../../scripts/lib/generate.mjs'
import { writeNational } from '../../../scripts/lib/national.mjs'
import { groupInputs, readGroup } from '../../../scripts/lib/summarise-part'
import { NODE_API_PIN, runSummarise } from '../../../scripts/lib/summarise-cli'

const ROOT = resolve(__dirname, '../../..')
/** Every table the app reads or rebuilds from. */
const TABLES = ['files', 'file_cols', 'line_shift', 'load_findings', 'raw_reports', 'raw_units', 'raw_active', 'raw_applications',
  'raw_reviews', 'raw_facts', 'label_map', 'reports', 'active', 'applications', 'reviews', 'w_units', 'units', 'unit_tree',
  'report_fmt', 'cell_issues', 'summary', 'findings']

const quiet = (): void => {}
let work: string
/**
 * Reports of the compared bundle: 300 in the suite; the 50,000 on request (`GDD_NATIVE_REPORTS=50000 npx vitest
 * run --project db tests/unit/db/native.db.test.ts -t 'one bundle'`, minutes), the same comparison at that size.
 */
const REPORTS = Number(process.env.GDD_NATIVE_REPORTS ?? 300)

/** The app's path: files as a dropped folder gives them → ingest → load, on duckdb-wasm. */
async function loadInWasm(db: Db, inputs: string[]): Promise<void> {
  const files = groupInputs(inputs).flatMap(readGroup)
  const res = await ingestFiles(files)
  await db.session('write', (w) => loadTables(w, res.tables))
}

/** Count and hash of the sorted rows of a table (`pub.` for the attached file). */
async function fingerprint(db: Db, table: string): Promise<{ n: number; h: string }> {
  const [r] = await db.query<{ n: number; h: string }>(`SELECT count(*)::INTEGER AS n, md5(coalesce(string_agg(h, ',' ORDER BY h), '')) AS h
    FROM (SELECT md5(CAST(t AS VARCHAR)) AS h FROM ${table} t)`)
  return r
}

async function attach(db: Db, file: string, as: string): Promise<void> {
  await db.registerFile(`${as}.duckdb`, new Uint8Array(readFileSync(file)))
  await db.exec(`ATTACH '${as}.duckdb' AS ${as} (READ_ONLY)`)
}

beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'gdd-native-')) })
afterAll(() => { rmSync(work, { recursive: true, force: true }) })

describe('one bundle: summariser file = the app in the browser', () => {
  let db: Db
  let code: number
  beforeAll(async () => {
    const dir = join(work, 'bundle')
    mkdirSync(dir)
    const { files } = generateBundle({ reports: REPORTS, seed: 'native', years: [2017, 2024] })
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    writeFileSync(join(dir, 'README.md'), '不是表格') // a skipped file, as the app would list it
    code = await runSummarise({ inputs: [dir], out: join(work, 'one.duckdb'), jobs: 1, progress: false }, quiet)
    db = await startNodeDuckDb({ locked: false })
    await loadInWasm(db, [dir])
    await attach(db, join(work, 'one.duckdb'), 'pub')
  }, 240_000 * Math.max(1, REPORTS / 3000)) // a hang guard, grown with the bundle
  afterAll(async () => { await db?.close() })

  it('exits 0 and leaves only the output file', () => {
    expect(code).toBe(0)
    expect(readdirSync(work).filter((f) => f.startsWith('one'))).toEqual(['one.duckdb'])
  })

  it('holds every table with the same rows as the wasm load', async () => {
    for (const t of TABLES) {
      const [mine, pub] = [await fingerprint(db, t), await fingerprint(db, `pub.main.${t}`)]
      expect({ t, ...pub }).toEqual({ t, ...mine })
    }
    const [s] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM pub.summary')
    expect(s.n).toBe(REPORTS)
    // the generator's deliberate breaks are there, located by file and line
    const f = await db.query<{ rule: string; path: string; line: number }>(`SELECT f.rule, fl.path, f.line FROM pub.findings f
      JOIN pub.files fl USING (file_id) WHERE rule = 'text_cells'`)
    expect(f).toEqual([expect.objectContaining({ rule: 'text_cells', path: 'bundle/applications.csv' })])
  })

  it('writes a manifest, the skipped file and the engine version the wasm build has', async () => {
    const m = Object.fromEntries((await db.query<{ key: string; value: string }>('SELECT key, value FROM pub.manifest')).map((r) => [r.key, r.value]))
    const [{ v }] = await db.query<{ v: string }>('SELECT version() AS v')
    expect(m).toMatchObject({ engine: 'duckdb', engine_version: v, node_api: NODE_API_PIN, reports: String(REPORTS), groups: '1' })
    const src = await db.query<{ path: string }>('SELECT path FROM pub.manifest_sources ORDER BY path')
    expect(src.map((r) => r.path)).toContain('bundle/reports.csv')
    const sk = await db.query<{ path: string }>('SELECT path FROM pub.skipped_files')
    expect(sk.map((r) => r.path)).toEqual(['bundle/README.md'])
  })
})

describe('provinces in parallel, then merged = one load of all', () => {
  let db: Db
  let code: number
  const nat = (): string => join(work, 'nat')
  beforeAll(async () => {
    writeNational({ out: nat(), reports: 400, provinces: 2, years: [2018, 2023], seed: 'merge', breaks: true, labels: 'key', eol: '\n', encoding: 'utf8' })
    code = await runSummarise({ inputs: [nat()], out: join(work, 'nat.duckdb'), jobs: 2, progress: false }, quiet)
    db = await startNodeDuckDb({ locked: false })
    await loadInWasm(db, [nat()])
    await attach(db, join(work, 'nat.duckdb'), 'pub')
  }, 300_000)
  afterAll(async () => { await db?.close() })

  it('has the same rows in every table, both provinces', async () => {
    expect(code).toBe(0)
    for (const t of TABLES) {
      const [mine, pub] = [await fingerprint(db, t), await fingerprint(db, `pub.main.${t}`)]
      expect({ t, ...pub }).toEqual({ t, ...mine })
    }
    const p = await db.query<{ p: string; n: number }>(`SELECT left(unit_code, 2) AS p, count(*)::INTEGER AS n FROM pub.summary GROUP BY 1 ORDER BY 1`)
    expect(p).toEqual([{ p: '11', n: 200 }, { p: '12', n: 200 }])
  })

  it('writes province, city and county rollups that give the overview the app computes for that area and year', async () => {
    const areas = await db.query<{ area_code: string; year: number; area_depth: number }>(`SELECT area_code, year, area_depth
      FROM pub.rollup_area_year ORDER BY area_depth, area_code, year`)
    expect(new Set(areas.map((a) => a.area_depth))).toEqual(new Set([0, 1, 2]))
    const provinces = areas.filter((a) => a.area_depth === 0)
    expect(new Set(provinces.map((a) => a.area_code))).toEqual(new Set(['11', '12']))
    for (const a of [...provinces, ...areas.filter((x) => x.area_depth === 2).slice(0, 3)]) {
      const qy = overviewQuery({ unitCodes: [a.area_code], yearFrom: a.year, yearTo: a.year })
      const [o] = await db.query<{ reports: number; units: number; received: number | null; granted: number | null; handled: number | null }>(qy.sql, qy.params)
      const [r] = await db.query<{ reports: number; units: number; received: number | null; granted: number | null; handled: number | null }>(`SELECT reports, units,
        CASE WHEN received__n > 0 THEN received END AS received, CASE WHEN granted__n > 0 THEN granted END AS granted,
        CASE WHEN handled__n > 0 THEN handled END AS handled FROM pub.rollup_area_year WHERE area_code = ? AND year = ?`, [a.area_code, a.year])
      expect(r).toEqual({ reports: o.reports, units: o.units, received: o.received, granted: o.granted, handled: o.handled })
    }
    const [f] = await db.query<{ n: number; m: number }>(`SELECT (SELECT sum(n)::INTEGER FROM pub.rollup_findings WHERE area_code IN ('11', '12')) AS n,
      (SELECT count(*)::INTEGER FROM findings WHERE left(unit_code, 2) IN ('11', '12')) AS m`)
    expect(f.n).toBe(f.m)
  })
})

describe('the version pin', () => {
  it('package.json pins @duckdb/node-api exactly, to the engine of duckdb-wasm', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'))
    expect(pkg.devDependencies['@duckdb/node-api']).toBe(NODE_API_PIN)
    expect(lock.packages['node_modules/@duckdb/node-api'].version).toBe(NODE_API_PIN)
    const { DuckDBInstance } = await import('@duckdb/node-api')
    const inst = await DuckDBInstance.create(':memory:')
    const c = await inst.connect()
    const native = String((await c.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v)
    c.closeSync()
    inst.closeSync()
    const wasm = await startNodeDuckDb()
    const [{ v }] = await wasm.query<{ v: string }>('SELECT version() AS v')
    await wasm.close()
    expect(native).toBe(v)
  }, 60_000)
})

describe('Ctrl-C', () => {
  it('stops the run: no output file, no temp files, exit code 130', async () => {
    const dir = join(work, 'cancel')
    writeNational({ out: dir, reports: 600, provinces: 3, years: [2019, 2024], seed: 'cancel', breaks: false, labels: 'key', eol: '\n', encoding: 'utf8' })
    const outDir = join(work, 'cancel-out')
    mkdirSync(outDir)
    const out = join(outDir, 'c.duckdb')
    const child = spawn(process.execPath, [join(ROOT, 'scripts/summarise.mjs'), dir, '--out', out, '--jobs', '2'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (b) => { err += String(b) })
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)))
    // Mid-run: a part's database file exists (a province is being loaded).
    const midRun = (): boolean => readdirSync(outDir).some((d) => d.includes('.tmp-') && existsSync(join(outDir, d)) &&
      readdirSync(join(outDir, d)).some((f) => /^part-\d+\.duckdb$/.test(f)))
    await new Promise<void>((ok, fail) => {
      const poll = setInterval(() => {
        if (midRun()) { clearInterval(poll); ok() } else if (child.exitCode !== null) { clearInterval(poll); fail(new Error(`ended before mid-run: ${err}`)) }
      }, 20)
    })
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(readdirSync(outDir)).toEqual([])
    expect(err).toContain('已取消')
  }, 180_000)
})
