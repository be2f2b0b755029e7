/**
 * Loading prepared tables: DuckDB's read_csv on a registered file (all VARCHAR, no sniffing),
 * malformed rows become located `bad_row` findings, the rest of the file loads. Then rebuild.
 */
import type { TableKind } from '../domain'
import { checkpoint } from '../ingest/abort'
import type { OnProgress, PreparedTable } from '../ingest/types'
import { hasEmptyLine, scanRecordLines, splitCsvRecord } from './csv-line'
import { registeredPath } from './engine'
import { insertRows } from './insert'
import { OutOfMemoryAt, isOutOfMemory, recordChecksFailure, recordLoadFailure, type LoadFailure } from './oom'
import { DROP_WORK_SQL, rebuild, rebuildChecks, rebuildFigures } from './rebuild'
import { RAW_COLUMNS, RAW_KINDS, ensureSchema, forgetSchema, lit, q } from './schema'
import type { Query } from '../queries/types'
import { runQuery } from './run'
import type { Db, SqlParam } from './types'

export interface LoadOptions {
  onProgress?: OnProgress
  bundleNo?: number
  /** Cancels at the next checkpoint (between files, before the rebuild): everything loaded so far is rolled back. */
  signal?: AbortSignal
  /** Drop everything loaded before, in the same transaction (a cancel keeps the old data). */
  replace?: boolean
  /**
   * Called once what the figures read is committed (phase 1, issue 19), with the summary of the data without its
   * findings (`findings` is 0: they are being checked). From then on the load can no longer be cancelled: the
   * checks run to their end and loadTables resolves with the full summary.
   */
  onCommitted?: (s: LoadSummary) => void | Promise<void>
  /**
   * Run first inside the load's transaction, before the schema is made (src/db/adopt.ts: a published file's views
   * become the tab's own tables); rolled back with the load, so a cancel leaves the views as they were.
   */
  base?: (db: Db) => Promise<unknown>
}
export interface LoadSummary {
  reports: number
  units: number
  years: number
  findings: number
  files: number
  /** Raw records held per table kind (all loaded bundles). */
  tables: Record<TableKind, number>
  ms: number
}

type Reject = { line: number; error_type: string; csv_line: string | null; error_message: string }

export async function loadTables(db: Db, tables: PreparedTable[], opts: LoadOptions = {}): Promise<LoadSummary> {
  const t0 = Date.now()
  if (!opts.base) await ensureSchema(db) // else inside the transaction, once the published views are gone
  const failed: LoadFailure[] = []
  const files = new Files(db)
  let pending = [...tables]
  // DuckDB out of memory: the load is rolled back and run again without the file that ran out
  // (or, in the rebuild, the biggest file of this load), which becomes a `load_failed` finding.
  try {
    for (;;) {
      try {
        await loadOnce(db, files, pending, failed, opts)
        break
      } catch (e) {
        if (!(e instanceof OutOfMemoryAt)) throw e
        failed.push(e.failure)
        pending = pending.filter((t) => t !== e.failure.table)
      }
    }
  } finally {
    await files.dropAll()
  }
  // awaited: the app's callback returns at once (its figures draw meanwhile); a test's reads the data between the phases
  if (opts.onCommitted) await opts.onCommitted({ ...(await summarise(db)), ms: Date.now() - t0 })
  await runChecks(db)
  opts.onProgress?.({ stage: 'checking', done: 1, total: 1 })
  return { ...(await summarise(db)), ms: Date.now() - t0 }
}

/**
 * Phase 2 (issue 19): the checks over committed data, in a transaction of their own so that the findings appear all
 * at once. They are not cancellable and their failure (out of memory included) does not undo the data: it becomes a
 * `checks_failed` finding saying the findings are incomplete and why, never data left without findings silently.
 */
async function runChecks(db: Db): Promise<void> {
  await db.exec('BEGIN TRANSACTION')
  try {
    await rebuildChecks(db)
    await db.exec('COMMIT')
  } catch (err) {
    await db.exec('ROLLBACK').catch(() => undefined)
    await recordChecksFailure(db, err, isOutOfMemory(err))
    await db.exec(DROP_WORK_SQL).catch(() => undefined)
  }
}

/**
 * One transaction, phase 1 (files + what the figures read): a cancelled or failed load leaves the previous data
 * exactly as it was. The checks run after it commits (runChecks).
 */
async function loadOnce(db: Db, files: Files, tables: PreparedTable[], failed: readonly LoadFailure[], opts: LoadOptions): Promise<void> {
  await db.exec('BEGIN TRANSACTION')
  try {
    if (opts.base) await opts.base(db)
    if (opts.replace) await deleteAll(db)
    const bundleNo = opts.bundleNo ?? (await db.query<{ n: number }>('SELECT (coalesce(max(bundle_no), 0) + 1)::INTEGER AS n FROM files'))[0].n
    for (const [i, t] of tables.entries()) {
      checkpoint(opts.signal)
      opts.onProgress?.({ stage: 'parsing', done: i, total: tables.length, detail: t.path })
      const reg = await files.register(t)
      try { await loadOne(db, reg, bundleNo) } catch (err) {
        throw isOutOfMemory(err) ? new OutOfMemoryAt({ table: t, bytes: reg.bytes, err, during: 'read' }) : err
      }
    }
    for (const f of failed) await recordLoadFailure(db, f, bundleNo)
    checkpoint(opts.signal)
    opts.onProgress?.({ stage: 'checking', done: 0, total: 1 })
    try { await rebuildFigures(db, opts.signal) } catch (err) {
      const biggest = [...tables].sort((a, b) => b.records - a.records || files.bytes(b) - files.bytes(a))[0]
      throw isOutOfMemory(err) && biggest ? new OutOfMemoryAt({ table: biggest, bytes: files.bytes(biggest), err, during: 'rebuild' }) : err
    }
    checkpoint(opts.signal)
    await db.exec('COMMIT')
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined)
    if (opts.base) forgetSchema(db) // the schema made in the transaction went with it
    throw e
  }
}

/** A prepared table whose bytes are registered with DuckDB under `name` (its line numbers fixed first). */
interface Registered { t: PreparedTable; name: string; bytes: number }

/**
 * The files of one load, registered once (the buffers move to the DuckDB worker, so a retry after
 * running out of memory cannot register them again) and dropped when the load ends.
 */
/** CSV files handed to DuckDB since the page opened (a reload that reopens the saved database hands none: issue 19). */
export const loadStats = { csvFiles: 0 }

export class Files {
  private readonly done = new Map<PreparedTable, Registered>()
  private static seq = 0
  /** `counted`: the files are the user's (a warm-up's are not: ./warmup.ts). */
  constructor(private readonly db: Db, private readonly counted = true) {}

  async register(t0: PreparedTable): Promise<Registered> {
    const known = this.done.get(t0)
    if (known) return known
    // read_csv skips empty lines without counting them: recover true line numbers when ingest did not
    const t = !t0.recordLines && hasEmptyLine(t0.utf8) ? { ...t0, recordLines: scanRecordLines(t0.utf8, t0.headerLines) } : t0
    const reg = { t, name: registeredPath(`load_${++Files.seq}.csv`), bytes: t0.utf8.length }
    await this.db.registerFile(reg.name, t.utf8)
    if (this.counted) loadStats.csvFiles++
    this.done.set(t0, reg)
    return reg
  }

  bytes(t: PreparedTable): number {
    return this.done.get(t)?.bytes ?? t.utf8.length
  }

  async dropAll(): Promise<void> {
    for (const r of this.done.values()) await this.db.dropFile(r.name).catch(() => undefined)
    this.done.clear()
  }
}

export async function loadOne(db: Db, reg: Registered, bundleNo: number): Promise<void> {
  const { t, name } = reg
  const fileId = (await db.query<{ id: number }>(`INSERT INTO files VALUES (nextval('file_seq'), ?, ?, ?, ?, ?, ?, 0, ?)
    RETURNING file_id::INTEGER AS id`, [t.path, t.kind, t.encoding, t.delimiter, t.headerLines, t.records, bundleNo]))[0].id
  const n = t.columns.length
  await insertRows(db, 'file_cols', t.columns.flatMap((k, i) => (k ? [[fileId, k, i + 1, t.headers[i] ?? k]] : [])))
  await insertRows(db, 'line_shift', lineShifts(fileId, t))
  const firstPos = new Map<string, number>()
  t.columns.forEach((k, i) => { if (k && RAW_COLUMNS[t.kind].includes(k) && !firstPos.has(k)) firstPos.set(k, i) })
  const keys = [...firstPos.keys()]
  const raw = `raw_${t.kind}`
  const id = fileId | 0
  try {
    const cols = Array.from({ length: n }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')
    // Straight into the raw table (no staging copy): one round trip reads the file (delimiter/quote
    // come from ingest's fixed set, never from user text) and returns DuckDB's rejects.
    const rejects = await db.query<Reject>(`DROP TABLE IF EXISTS rej_errors; DROP TABLE IF EXISTS rej_scans;
      INSERT INTO ${raw} (file_id, rec${keys.map((k) => `, ${q(k)}`).join('')})
      SELECT ${id}, row_number() OVER ()::INTEGER${keys.map((k) => `, c${firstPos.get(k)}`).join('')} FROM read_csv(${lit(name)},
      delim=${lit(t.delimiter)}, header=false, skip=${(t.skipRows ?? t.headerLines) | 0}, columns={${cols}}, auto_detect=false,
      quote='"', escape='"', null_padding=false, store_rejects=true, rejects_table='rej_errors',
      rejects_scan='rej_scans', max_line_size=16777216);
      SELECT line::INTEGER AS line, error_type::VARCHAR AS error_type, csv_line, error_message FROM rej_errors ORDER BY line`)
    // DuckDB counts records (skipped header lines included), so a record's index is line − headerLines.
    const rejected = [...new Set(rejects.map((r) => r.line - t.headerLines))].sort((a, b) => a - b)
    if (rejected.length > 0) {
      // accepted rows were numbered without the rejected ones: move each past the rejects before it
      await db.exec('CREATE OR REPLACE TEMP TABLE rej_adj (adj INTEGER)')
      await insertRows(db, 'rej_adj', rejected.map((r, j) => [r - (j + 1)]))
      await db.exec(`UPDATE ${raw} SET rec = rec + (SELECT count(*) FROM rej_adj WHERE adj < ${raw}.rec)::INTEGER WHERE file_id = ${id}`)
      await salvage(db, t, fileId, rejects, n, firstPos)
    }
    await db.exec(`UPDATE files SET loaded = (SELECT count(*) FROM ${raw} WHERE file_id = ${id})::INTEGER WHERE file_id = ${id}`)
  } finally {
    await db.exec('DROP TABLE IF EXISTS rej_errors; DROP TABLE IF EXISTS rej_scans; DROP TABLE IF EXISTS rej_adj')
  }
}

/** Rows DuckDB rejected: short rows are padded, rows with only empty extra fields trimmed; the rest are findings. */
async function salvage(db: Db, t: PreparedTable, fileId: number, rejects: Reject[], n: number, firstPos: Map<string, number>): Promise<void> {
  const keys = [...firstPos.keys()]
  const seen = new Set<number>()
  for (const r of rejects) {
    const rec = r.line - t.headerLines
    if (seen.has(rec)) continue
    seen.add(rec)
    const text = r.csv_line ?? ''
    const { fields, unclosed } = splitCsvRecord(text, t.delimiter)
    if (!unclosed && fields.every((f) => f.trim() === '')) continue // an empty line: nothing to load or report
    const fits = !unclosed && (r.error_type === 'MISSING COLUMNS' || r.error_type === 'TOO MANY COLUMNS') &&
      fields.slice(n).every((f) => f.trim() === '')
    if (fits) {
      const vals = keys.map((k) => { const f = fields[firstPos.get(k)!]; return f === undefined || f === '' ? null : f })
      await db.query(`INSERT INTO raw_${t.kind} (file_id, rec${keys.map((k) => `, ${q(k)}`).join('')}) VALUES (?, ?${keys.map(() => ', ?').join('')})`,
        [fileId, rec, ...vals])
      continue
    }
    const line = t.recordLines?.[rec - 1] ?? rec + t.headerLines
    const why = unclosed || r.error_type === 'UNQUOTED VALUE'
      ? '引号未闭合，从此行起到文件末尾的内容无法读取'
      : r.error_type === 'TOO MANY COLUMNS'
        ? `字段数多于表头（应为 ${n} 个，实际 ${fields.length} 个），该行未载入`
        : `格式错误（${r.error_message}），该行未载入`
    await db.query('INSERT INTO load_findings VALUES (?, ?, ?, ?, ?, ?)',
      ['bad_row', 'error', fileId, line, text.slice(0, 500), `文件 ${t.path} 第 ${line} 行：${why}`])
  }
}

function lineShifts(fileId: number, t: PreparedTable): SqlParam[][] {
  const out: SqlParam[][] = []
  if (!t.recordLines) return out
  let prev = 0
  for (let i = 0; i < t.recordLines.length; i++) {
    const shift = t.recordLines[i] - (i + 1 + t.headerLines)
    if (shift !== prev) { out.push([fileId, i + 1, shift]); prev = shift }
  }
  return out
}

/**
 * The load summary's statements (the status row, and the checks that something is loaded): asked at every start-up,
 * so a published file stores their answers (./stored.ts, ./firstView.ts).
 */
export const LOAD_COUNTS_QUERY: Query<{ reports: number; units: number; years: number; findings: number; files: number }> = {
  sql: `SELECT
    (SELECT count(*) FROM summary)::INTEGER AS reports,
    (SELECT count(DISTINCT unit_code) FROM summary)::INTEGER AS units,
    (SELECT count(DISTINCT year) FROM summary)::INTEGER AS years,
    (SELECT count(*) FROM findings)::INTEGER AS findings,
    (SELECT count(*) FROM files)::INTEGER AS files`,
  params: [],
}
export const RAW_COUNTS_QUERY: Query<{ k: string; n: number }> = {
  sql: RAW_KINDS.map((k) => `SELECT ${lit(k)} AS k, count(*)::INTEGER AS n FROM raw_${k}`).join(' UNION ALL '),
  params: [],
}

export async function summarise(db: Db): Promise<Omit<LoadSummary, 'ms'>> {
  const [s] = await runQuery(db, LOAD_COUNTS_QUERY)
  const counts = await runQuery(db, RAW_COUNTS_QUERY)
  const tables = Object.fromEntries(RAW_KINDS.map((k) => [k, counts.find((c) => c.k === k)?.n ?? 0])) as Record<TableKind, number>
  return { ...s, tables }
}

/** Forget one loaded file: its raw rows and load findings go, everything is rebuilt. */
export async function removeFile(db: Db, fileId: number): Promise<LoadSummary> {
  const t0 = Date.now()
  await ensureSchema(db)
  for (const k of RAW_KINDS) await db.query(`DELETE FROM raw_${k} WHERE file_id = ?`, [fileId])
  for (const tb of ['load_findings', 'file_cols', 'line_shift', 'files']) await db.query(`DELETE FROM ${tb} WHERE file_id = ?`, [fileId])
  await rebuild(db)
  return { ...(await summarise(db)), ms: Date.now() - t0 }
}

async function deleteAll(db: Db): Promise<void> {
  await db.exec([...RAW_KINDS.map((k) => `raw_${k}`), 'load_findings', 'file_cols', 'line_shift', 'files', 'label_map', 'facts_map']
    .map((tb) => `DELETE FROM ${tb}`).join(';\n'))
}

/** Drop all loaded data (schema stays). */
export async function clearAll(db: Db): Promise<void> {
  await ensureSchema(db)
  await deleteAll(db)
  await rebuild(db)
}
