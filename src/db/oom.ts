/**
 * DuckDB running out of memory (a tab has ~3.1 GiB of WASM memory for DuckDB) never escapes
 * loadTables as an exception: the load is rolled back and run again without the file it happened on
 * (or, when the rebuild after loading runs out, the biggest file of this load, again until it fits);
 * that file becomes a `load_failed` finding naming it, its size and the size that loads.
 * Only DuckDB's own "Out of Memory" error is handled; a WebAssembly crash is not recoverable and is rethrown.
 */
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/limits'
import type { PreparedTable } from '../ingest/types'
import type { Db } from './types'

export function isOutOfMemory(err: unknown): boolean {
  if (err instanceof WebAssembly.RuntimeError) return false
  const msg = err instanceof Error ? err.message : String(err)
  return /out of memory|could not allocate/i.test(msg)
}

const mb = (n: number): string => `${(n / 1024 ** 2).toFixed(1)} MB`
const firstLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200)

const advice = (workingBytes: number): string =>
  `请拆分成每个不超过 ${mb(workingBytes)} 的文件（例如按年度或地区）后再加载，或先移除已载入的其他数据`

/** A file this load could not take: DuckDB ran out of memory reading it, or in the rebuild after it. */
export interface LoadFailure { table: PreparedTable; bytes: number; err: unknown; during: 'read' | 'rebuild' }

/** Thrown inside a load's transaction; loadTables rolls back and loads again without `failure.table`. */
export class OutOfMemoryAt extends Error {
  constructor(readonly failure: LoadFailure) {
    super(firstLine(failure.err))
    this.name = 'OutOfMemoryAt'
  }
}

/** The file is listed with 0 rows loaded, and a `load_failed` finding says why and what size loads. */
export async function recordLoadFailure(db: Db, f: LoadFailure, bundleNo: number, workingBytes = DEFAULT_MAX_FILE_BYTES): Promise<void> {
  const t = f.table
  const fileId = (await db.query<{ id: number }>(`INSERT INTO files VALUES (nextval('file_seq'), ?, ?, ?, ?, ?, ?, 0, ?)
    RETURNING file_id::INTEGER AS id`, [t.path, t.kind, t.encoding, t.delimiter, t.headerLines, t.records, bundleNo]))[0].id
  const what = f.during === 'read'
    ? `载入时浏览器内存不足，整个文件未载入`
    : `载入后整理数据时浏览器内存不足，该文件已撤下、未计入统计`
  await db.query('INSERT INTO load_findings VALUES (?, ?, ?, ?, ?, ?)', ['load_failed', 'error', fileId, null, null,
    `文件 ${t.path}（${mb(f.bytes)}，${t.records} 行）${what}（${firstLine(f.err)}）；${advice(workingBytes)}`])
}

/**
 * The checks after a committed load failed (issue 19): the data stays, and one finding says that the findings are
 * incomplete and why (replacing any partial ones: the checks' transaction was rolled back).
 */
export async function recordChecksFailure(db: Db, err: unknown, outOfMemory: boolean): Promise<void> {
  const why = outOfMemory ? '浏览器内存不足' : '出错'
  await db.exec('DELETE FROM findings')
  await db.query(`INSERT INTO findings (rule, severity, raw, message) VALUES ('checks_failed', 'error', ?, ?)`,
    [firstLine(err), `数据已载入，但校验时${why}（${firstLine(err)}），数据质量问题列表不完整${outOfMemory ? `；${advice(DEFAULT_MAX_FILE_BYTES)}` : ''}`])
}
