/**
 * The sample, pre-built (issue 19: first visit → charts without parsing CSV): data/sample/ loaded in Node by the
 * app's own ingest and load (DuckDB-WASM's blocking build: the same engine as the browser's), exported table by
 * table (src/db/snapshot.ts) and shipped as `sample-db/manifest.json` + one Arrow part per table. The browser checks
 * every part's size and checksum and every table's row count, and loads the CSV files when anything is off.
 * Run at build time and by the dev server (scripts/sample-db-plugin.ts), never committed: it follows data/sample/.
 * Beside them `answers.json`: the Overview's statements (src/queries/overviewView.ts, default filters) answered by the
 * same engine, with the years, units and summary, tied to this manifest by its checksum: a first visit paints the
 * Overview from them before DuckDB is up (src/composables/useDataLoad/paint.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { startNodeDuckDb } from '../src/db/duckdb-node'
import { loadTables, summarise } from '../src/db/load'
import { queryKey } from '../src/db/cache'
import { runQuery } from '../src/db/run'
import { unitsQuery, yearsQuery } from '../src/queries'
import { overviewStatements } from '../src/queries/overviewView'
import type { StartAnswers } from '../src/persist/answers'
import { exportDb } from '../src/db/snapshot'
import { ingestFiles } from '../src/ingest'
import type { SourceFile } from '../src/ingest/types'
import { checksum } from '../src/persist/snapshot'

export const SAMPLE_DB_DIR = 'sample-db'

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e)
    return statSync(p).isDirectory() ? csvFiles(p) : p.endsWith('.csv') ? [p] : []
  }).sort()
}

/** File name → bytes of the pre-built sample (manifest.json and `<table>.arrow`). */
export async function buildSampleDb(root: string): Promise<Record<string, Uint8Array>> {
  const dataDir = join(root, 'data')
  // paths as the app names the fetched sample files: 'sample/nongqiao/reports.csv'
  const files: SourceFile[] = csvFiles(join(dataDir, 'sample')).map((p) => ({ path: relative(dataDir, p).split('\\').join('/'), bytes: new Uint8Array(readFileSync(p)) }))
  const res = await ingestFiles(files)
  const db = await startNodeDuckDb()
  try {
    await loadTables(db, res.tables)
    const snap = (await exportDb(db))! // no row limit: never null
    const refused = new Set(['unrecognised_file', 'missing_column'])
    const state = {
      ingestFindings: res.findings.filter((f) => !refused.has(f.rule)).map((f) => ({
        rule: f.rule, severity: f.severity, unitCode: f.unitCode, unitName: null, year: f.year, file: f.file ?? null, line: f.line ?? null,
        column: f.column ?? null, table: f.table ?? null, raw: f.raw ?? null, message: f.message })),
      skipped: res.skipped,
      rejected: [...res.skipped.map((x) => ({ path: x.path, reason: x.reason })),
        ...res.findings.filter((f) => refused.has(f.rule)).map((f) => ({ path: f.file ?? '', reason: f.message, rule: f.rule, line: f.line ?? null }))],
    }
    const manifest = {
      version: 1, nextFileId: snap.nextFileId, state,
      tables: snap.tables.map((t) => ({ name: t.name, ddl: t.ddl, rows: t.rows, size: t.bytes.length, sum: checksum(t.bytes) })),
    }
    const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest))
    const answers: StartAnswers & { manifest: string } = {
      manifest: checksum(manifestBytes),
      summary: { ...(await summarise(db)), ms: 0 },
      years: (await runQuery(db, yearsQuery())).map((r) => Number(r.year)).sort((a, b) => a - b),
      units: await runQuery(db, unitsQuery()),
      entries: await Promise.all(overviewStatements().map(async (q) => [queryKey(q), await runQuery(db, q)] as [string, unknown[]])),
    }
    const out: Record<string, Uint8Array> = { 'manifest.json': manifestBytes, 'answers.json': new TextEncoder().encode(JSON.stringify(answers)) }
    for (const t of snap.tables) out[`${t.name}.arrow`] = t.bytes
    return out
  } finally { await db.close() }
}
