/**
 * Properties through the real pipeline (ingestFiles → loadTables on one Node DuckDB):
 * (a) random valid bundles round-trip exactly; (b) one random corruption never throws, never loses
 * an untouched row, and is always reported where it is.
 * Each load rebuilds every derived table (the fixed cost of a load), so the generated cases are
 * checked in batches: FUZZ_DB_RUNS cases per property (fixed seed), FUZZ_DB_BATCH of them loaded
 * together (disjoint unit codes, own folder, own encoding/delimiter) and each checked. A failing
 * batch is retried case by case, and the failure names the case (index, seed, the case itself).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../helpers/engine'
import type { Db } from '../../src/db/types'
import type { SourceFile } from '../../src/ingest/types'
import { dump, matching, runPipeline, u8, type PipelineResult } from '../hostile/harness'
import { APP_KEYS, apart, appLines, bundleArb, bundleFiles, reportLines, type AppRow, type Bundle } from './model'

const SEED = Number(process.env.FUZZ_SEED ?? 20261127) // fixed for CI; override to explore
const DB_RUNS = Number(process.env.FUZZ_DB_RUNS ?? 100)
const BATCH = Math.max(1, Math.min(80, Number(process.env.FUZZ_DB_BATCH ?? 50)))
// Rules a valid bundle must never produce (consistency rules may fire: the numbers are random).
const NEVER_ON_VALID = ['conflict', 'duplicate', 'bad_row', 'bad_year', 'text_cells', 'unknown_row', 'unknown_header',
  'unrecognised_file', 'missing_column', 'negative', 'not_integer', 'bad_unit_code', 'orphan_row', 'tolerated_number', 'skipped']

/**
 * DB_RUNS samples of `arb` (seed SEED), loaded and checked BATCH at a time by `check`. When a batch fails,
 * its cases are checked alone to name the one that fails (or the batch, if they fail only together).
 */
async function forAllBatched<T>(arb: fc.Arbitrary<T>, check: (cases: T[]) => Promise<void>): Promise<number> {
  const cases = fc.sample(arb, { seed: SEED, numRuns: DB_RUNS })
  const show = (c: unknown): string => JSON.stringify(c).slice(0, 4000)
  for (let i = 0; i < cases.length; i += BATCH) {
    const batch = cases.slice(i, i + BATCH)
    try { await check(batch) } catch (err) {
      for (const [j, c] of batch.entries()) {
        try { await check([c]) } catch (alone) {
          throw new Error(`case ${i + j} of ${DB_RUNS} (FUZZ_SEED=${SEED}) fails: ${show(c)}\n${alone instanceof Error ? alone.message : String(alone)}`, { cause: alone })
        }
      }
      throw new Error(`cases ${i}–${i + batch.length - 1} (FUZZ_SEED=${SEED}, FUZZ_DB_BATCH=${BATCH}) fail only together: ${show(batch)}\n${
        err instanceof Error ? err.message : String(err)}`, { cause: err })
    }
  }
  return cases.length
}

type AppDbRow = Record<string, string | number | null>
const appKey = (code: string, year: number, row: string): string => `${code}|${year}|${row}`

async function typedApps(db: Db): Promise<Map<string, AppDbRow>> {
  const rows = await db.query<AppDbRow>(`SELECT unit_code, year, "row", ${APP_KEYS.map((k) => `"${k}"`).join(', ')} FROM applications`)
  return new Map(rows.map((r) => [appKey(String(r.unit_code), Number(r.year), String(r.row)), r]))
}

function expectAppRow(got: AppDbRow | undefined, a: AppRow, skipCol = -1): void {
  expect(got, `row ${appKey(a.code, a.year, a.row)} is loaded`).toBeDefined()
  a.cells.forEach((c, j) => { if (j !== skipCol) expect(got![APP_KEYS[j]], `${a.row}.${APP_KEYS[j]} of ${a.code}/${a.year}`).toBe(c.num) })
}

describe('pipeline properties (DuckDB)', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb() }, 120_000)
  afterAll(async () => { await db?.close() })

  it(`(a) random valid bundles round-trip exactly: raw text, typed values, names, counts (${DB_RUNS} bundles)`, async () => {
    const n = await forAllBatched(bundleArb(), async (cases) => {
      const bs = apart(cases)
      const res = await runPipeline(db, bs.flatMap((x, k) => bundleFiles(x, undefined, `fuzz${k}`)))
      for (const rule of NEVER_ON_VALID) expect(res.findings.filter((f) => f.rule === rule), `${rule}\n${dump(res.findings)}`).toEqual([])
      const b: Bundle = { reports: bs.flatMap((x) => x.reports), apps: bs.flatMap((x) => x.apps), styles: bs[0].styles }
      expect(res.summary.tables).toMatchObject({ reports: b.reports.length, applications: b.apps.length })

      const raw = await db.query<Record<string, string | null>>('SELECT unit_code, unit_name, year, active_total FROM raw_reports ORDER BY file_id, rec')
      expect(raw).toEqual(b.reports.map((r) => ({ unit_code: r.code, unit_name: r.name, year: String(r.year), active_total: r.active.text === '' ? null : r.active.text })))
      const typed = await db.query('SELECT unit_code, year, unit_name, active_total FROM reports ORDER BY file_id, rec')
      expect(typed).toEqual(b.reports.map((r) => ({ unit_code: r.code, year: r.year, unit_name: r.name, active_total: r.active.num })))
      const sum = await db.query<{ unit_code: string; year: number; unit_name: string }>('SELECT unit_code, year, unit_name FROM summary')
      expect(sum.length).toBe(b.reports.length)

      const apps = await typedApps(db)
      expect(apps.size).toBe(b.apps.length)
      for (const a of b.apps) expectAppRow(apps.get(appKey(a.code, a.year, a.row)), a)
      // blank and not-applicable are counted apart, never as 0
      // A blank active_total is a report stating no total, not a missing table cell (report-format.md, blank_cells).
      const blanks = b.apps.reduce((n, a) => n + a.cells.filter((c) => c.kind === 'blank').length, 0)
      const nas = b.apps.reduce((n, a) => n + a.cells.filter((c) => c.kind === 'na').length, 0) + b.reports.filter((r) => r.active.kind === 'na').length
      const [st] = await db.query<{ m: number; n: number }>('SELECT sum(missing_cells)::INTEGER AS m, sum(na_cells)::INTEGER AS n FROM summary')
      expect(st).toEqual({ m: blanks, n: nas })
    })
    expect(n).toBe(DB_RUNS)
  }, 600_000)

  it(`(b) corruptions never throw, never lose an untouched row, and are each reported at their line (${DB_RUNS} corrupted bundles)`, async () => {
    const pair = fc.tuple(bundleArb({ withBlanks: false, minApps: 2 }), corruptionArb)
    const n = await forAllBatched(pair, async (pairs) => {
      const bs = apart(pairs.map(([b]) => b))
      const cases = bs.map((b, k) => corrupt(b, pairs[k][1], `fuzz${k}`))
      const res = await runPipeline(db, cases.flatMap((x) => x.files))
      const apps = await typedApps(db)
      for (const x of cases) x.check(res, apps)
      expect(res.findings.filter((f) => f.rule === 'conflict' || f.rule === 'duplicate'), dump(res.findings)).toEqual([])
    })
    expect(n).toBe(DB_RUNS)
  }, 600_000)
})

type Kind = 'text' | 'drop' | 'quote' | 'blank' | 'mojibake'
interface Corruption { kind: Kind; row: number; col: number }
const corruptionArb: fc.Arbitrary<Corruption> = fc.record({ kind: fc.constantFrom<Kind>('text', 'drop', 'quote', 'blank', 'mojibake'), row: fc.nat(), col: fc.nat({ max: 6 }) })

/** Apply one corruption to a bundle's files; `check` asserts its finding and that untouched rows are intact. */
function corrupt(b: Bundle, c: Corruption, dir: string): { files: SourceFile[]; check: (res: PipelineResult, apps: Map<string, AppDbRow>) => void } {
  const lines = { reports: reportLines(b), apps: appLines(b) }
  const i = c.row % b.apps.length // corrupted data row (0-based); its line is i + 2
  const d = b.styles.apps.delim
  const fieldsOf = (line: string): string[] => line.split(d) // application rows hold no quoted fields
  const path = `${dir}/applications.csv`
  let touched = i
  let files: SourceFile[]
  let expectFinding: (res: PipelineResult) => void
  if (c.kind === 'text' || c.kind === 'quote') {
    const f = fieldsOf(lines.apps[i + 1])
    const v = f[3 + c.col]
    f[3 + c.col] = c.kind === 'text' ? '详见附表' : `${v.slice(0, 1)}"${v.slice(1)}`
    lines.apps[i + 1] = f.join(d)
    files = bundleFiles(b, lines, dir)
    expectFinding = (res) => {
      if (c.kind === 'text') expect(matching(res.findings, 'text_cells', [path, `第 ${i + 2} 行`, `第 ${4 + c.col} 列`, '“详见附表”']), dump(res.findings)).toHaveLength(1)
      const hits = [...matching(res.findings, 'text_cells', [path, `第 ${i + 2} 行`]), ...matching(res.findings, 'bad_row', [path, `第 ${i + 2} 行`])]
      expect(hits.length, `${c.kind} at ${path} line ${i + 2}\n${dump(res.findings)}`).toBeGreaterThan(0)
    }
  } else if (c.kind === 'drop') {
    lines.apps[i + 1] = fieldsOf(lines.apps[i + 1]).slice(0, -1).join(d)
    files = bundleFiles(b, lines, dir)
    expectFinding = (res) => expect(matching(res.findings, 'blank_cells', [path, `第 ${i + 2} 行`, '「总计」']), dump(res.findings)).toHaveLength(1)
  } else if (c.kind === 'blank') {
    // a blank line is not an error (not a record); what matters is that later findings keep their true line
    const last = b.apps.length - 1
    const f = fieldsOf(lines.apps[last + 1])
    f[3] = '详见附表'
    lines.apps[last + 1] = f.join(d)
    lines.apps.splice(i + 1, 0, '')
    files = bundleFiles(b, lines, dir)
    touched = last
    expectFinding = (res) => expect(matching(res.findings, 'text_cells', [path, `第 ${last + 3} 行`, '“详见附表”']), dump(res.findings)).toHaveLength(1)
  } else {
    // reports.csv saved twice-encoded (UTF-8 bytes read as Latin-1, saved again as UTF-8)
    const head = ['单位代码', '单位名称', '年度', '主动公开信息数'].join(b.styles.reports.delim)
    const text = [head, ...lines.reports.slice(1)].join('\n') + '\n'
    files = [{ path: `${dir}/reports.csv`, bytes: u8(Array.from(u8(text), (x) => String.fromCharCode(x)).join('')) }, bundleFiles(b, lines, dir)[1]]
    touched = -1
    expectFinding = (res) => expect(matching(res.findings, 'unrecognised_file', [`${dir}/reports.csv`, '乱码']), dump(res.findings)).toHaveLength(1)
  }
  return {
    files,
    check(res, apps) {
      expectFinding(res)
      b.apps.forEach((a, r) => {
        const got = apps.get(appKey(a.code, a.year, a.row))
        if (r !== touched) expectAppRow(got, a)
        else if (c.kind === 'text' || (c.kind === 'quote' && got)) expectAppRow(got, a, c.col) // the rest of a touched row is kept too
      })
    },
  }
}

