/**
 * DuckDB running out of memory (a tab has ~3.1 GiB of WASM memory for DuckDB) never escapes
 * loadTables as an exception: the file it happened on (or, when the rebuild after loading runs out,
 * the biggest file of this load, again until it fits) is taken out and becomes a `load_failed`
 * finding naming it, its size and the size that loads; the other files stay loaded.
 * Only DuckDB's own "Out of Memory" error is handled; a WebAssembly crash is not recoverable and is rethrown.
 */
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/limits'
import type { PreparedTable } from '../ingest/types'
import { rebuild } from './rebuild'
import { RAW_KINDS } from './schema'
import type { Db } from './types'

export function isOutOfMemory(err: unknown): boolean {
  if (err instanceof WebAssembly.RuntimeError) return false
  const msg = err instanceof Error ? err.message : String(err)
  return /out of memory|could not allocate/i.test(msg)
}

const mb = (n: number): string => `${(n / 1024 ** 2).toFixed(1)} MB`
const firstLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200)

/** Take file `fileId` out (its raw rows go, the file stays listed with 0 rows loaded) and say why. */
async function takeOut(db: Db, fileId: number, message: string): Promise<void> {
  for (const k of RAW_KINDS) await db.query(`DELETE FROM raw_${k} WHERE file_id = ?`, [fileId])
  await db.query('DELETE FROM load_findings WHERE file_id = ?', [fileId])
  await db.query('UPDATE files SET loaded = 0 WHERE file_id = ?', [fileId])
  await db.query('INSERT INTO load_findings VALUES (?, ?, ?, ?, ?, ?)', ['load_failed', 'error', fileId, null, null, message])
}

const advice = (workingBytes: number): string =>
  `请拆分成每个不超过 ${mb(workingBytes)} 的文件（例如按年度或地区）后再加载，或先移除已载入的其他数据`

/** Reading file `t` ran DuckDB out of memory: undo what it left and say why it is not loaded. */
export async function recordLoadFailure(db: Db, t: PreparedTable, bundleNo: number, err: unknown,
  workingBytes = DEFAULT_MAX_FILE_BYTES): Promise<void> {
  const [f] = await db.query<{ id: number | null }>('SELECT max(file_id)::INTEGER AS id FROM files WHERE path = ? AND bundle_no = ?', [t.path, bundleNo])
  let fileId = f?.id ?? null
  if (fileId == null) {
    fileId = (await db.query<{ id: number }>(`INSERT INTO files VALUES (nextval('file_seq'), ?, ?, ?, ?, ?, ?, 0, ?)
      RETURNING file_id::INTEGER AS id`, [t.path, t.kind, t.encoding, t.delimiter, t.headerLines, t.records, bundleNo]))[0].id
  }
  await takeOut(db, fileId, `文件 ${t.path}（${mb(t.utf8.length)}，${t.records} 行）载入时浏览器内存不足，整个文件未载入（${firstLine(err)}）；${advice(workingBytes)}`)
}

/**
 * Rebuild after loading bundle `bundleNo`; when DuckDB runs out of memory, take the biggest file of
 * this load out (a finding says so) and rebuild again. Rethrows when no file of this load is left.
 */
export async function rebuildOrTakeOut(db: Db, bundleNo: number, tables: readonly PreparedTable[],
  workingBytes = DEFAULT_MAX_FILE_BYTES): Promise<void> {
  for (;;) {
    try { await rebuild(db); return } catch (err) {
      if (!isOutOfMemory(err)) throw err
      const [big] = await db.query<{ id: number; path: string; n: number }>(`SELECT file_id::INTEGER AS id, path, loaded::INTEGER AS n
        FROM files WHERE bundle_no = ? AND loaded > 0 ORDER BY loaded DESC, file_id DESC LIMIT 1`, [bundleNo])
      if (!big) throw err
      const bytes = tables.find((t) => t.path === big.path)?.utf8.length
      await takeOut(db, big.id, `文件 ${big.path}（${bytes != null ? `${mb(bytes)}，` : ''}${big.n} 行）载入后整理数据时浏览器内存不足，` +
        `该文件已撤下、未计入统计（${firstLine(err)}）；${advice(workingBytes)}`)
    }
  }
}
