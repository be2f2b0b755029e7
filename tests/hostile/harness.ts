/**
 * The real pipeline for hostile-bundle tests: ingestFiles → loadTables on a shared Node DuckDB,
 * and what a user sees afterwards (findings from both layers, skipped files, counts, values).
 */
import { afterAll, beforeAll } from 'vitest'
import { startNodeDuckDb } from '../../src/db/duckdb-node'
import { freshDb } from '../helpers/engine'
import { clearAll, loadTables, type LoadSummary } from '../../src/db/load'
import type { Db, Row } from '../../src/db/types'
import { ingestFiles, type IngestOptions } from '../../src/ingest'
import type { IngestResult, SourceFile } from '../../src/ingest/types'

/** A finding as the user sees it, whichever layer made it (skipped files count as findings too). */
export interface SeenFinding { rule: string; severity: string; message: string; source: 'ingest' | 'db' | 'skipped'; line: number | null }

export interface PipelineResult {
  ingest: IngestResult
  summary: LoadSummary
  findings: SeenFinding[]
}

const TYPED = ['reports', 'active', 'applications', 'reviews', 'units', 'summary'] as const
export type TypedTable = (typeof TYPED)[number]
export const RAW = ['reports', 'units', 'active', 'applications', 'reviews', 'facts'] as const

const cleared = new WeakSet<Db>()
/**
 * clearAll once, then the same deletes without its rebuild: loadTables rebuilds every derived table
 * from the raw ones anyway, and a rebuild costs seconds on a loaded CI machine.
 */
async function resetDb(db: Db): Promise<void> {
  if (!cleared.has(db)) { await clearAll(db); cleared.add(db); return }
  await db.exec([...RAW.map((k) => `DELETE FROM raw_${k}`),
    ...['load_findings', 'file_cols', 'line_shift', 'files', 'label_map', 'facts_map'].map((t) => `DELETE FROM ${t}`)].join(';\n'))
}

/** Run the whole pipeline on a cleared database. Throws only if ingest or load throws (the bug). */
export async function runPipeline(db: Db, files: SourceFile[], opts: IngestOptions = {}): Promise<PipelineResult> {
  await resetDb(db)
  const ingest = await ingestFiles(files, undefined, opts)
  const summary = await loadTables(db, ingest.tables)
  const rows = await db.query<{ rule: string; severity: string; message: string; line: number | null }>(
    'SELECT rule, severity, message, line FROM findings ORDER BY file_id, line, rule')
  const findings: SeenFinding[] = [
    ...ingest.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, source: 'ingest' as const, line: f.line ?? null })),
    ...ingest.skipped.map((s) => ({ rule: 'skipped', severity: 'info', message: s.reason, source: 'skipped' as const, line: null })),
    ...rows.map((r) => ({ ...r, source: 'db' as const })),
  ]
  return { ingest, summary, findings }
}

const ident = (s: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`not a column name: ${s}`)
  return `"${s}"`
}

/** Rows of a typed table matching `where` (column = value), all columns. */
export async function rowsWhere(db: Db, table: TypedTable, where: Record<string, string | number | null>): Promise<Row[]> {
  if (!(TYPED as readonly string[]).includes(table)) throw new Error(`not a table: ${table}`)
  const keys = Object.keys(where)
  const cond = keys.map((k) => (where[k] === null ? `${ident(k)} IS NULL` : `${ident(k)} = ?`)).join(' AND ') || 'true'
  const params = keys.map((k) => where[k]).filter((v): v is string | number => v !== null)
  return db.query(`SELECT * FROM ${table} WHERE ${cond}`, params)
}

export async function countRows(db: Db, table: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`)
  return r.n
}

export const u8 = (s: string): Uint8Array => new TextEncoder().encode(s)

/** Findings whose rule matches and whose message contains every substring. */
export function matching(findings: SeenFinding[], rule: string, contains: readonly string[] = []): SeenFinding[] {
  return findings.filter((f) => (rule === '*' || f.rule === rule) && contains.every((c) => f.message.includes(c)))
}

/** Readable dump for failure messages. */
export const dump = (fs: SeenFinding[]): string => fs.map((f) => `  [${f.source}] ${f.rule}: ${f.message}`).join('\n')

/**
 * One Node DuckDB shared by a describe block's cases. A DuckDB-WASM crash (RuntimeError) ruins the
 * instance: the failing case is reported, later cases get a fresh one.
 */
export function crashSafeDb(): (run: (db: Db) => Promise<void>) => Promise<void> {
  let db: Db | null = null
  let broken = false
  beforeAll(async () => { db = await freshDb() }, 120_000)
  afterAll(async () => { await db?.close().catch(() => undefined) })
  return async (run) => {
    if (broken || !db) {
      await db?.close().catch(() => undefined)
      db = await startNodeDuckDb()
      broken = false
    }
    try { await run(db) } catch (err) { if (err instanceof WebAssembly.RuntimeError) broken = true; throw err }
  }
}
