/**
 * A published database (a `.duckdb` written by `npm run summarise`) as the data of an engine, read-only: the file
 * is ATTACHed and each of its tables gets a view of the same name in the in-memory catalog, so every query of the
 * app (src/queries, unqualified `summary`, `units`, `findings` …) runs on it unchanged, on every connection.
 *
 * ATTACH is refused once the engine is locked (src/db/engine.ts: no external access), so this runs before the
 * lock: the browser registers the file first (a URL of its own origin read by range — DuckDB-WASM opened with
 * `filesystem: { forceFullHTTPReads: false }` — or a file from disk as a handle) and attaches it at start-up.
 * The file's stored answers (src/db/rollups.ts) are used only when their signature is this app's builders' own:
 * `rollups` tells the views, which pass it to the builders (src/queries/rollup.ts). The first view's statements whose
 * answers the file keeps in `stored_answers` (./stored.ts) are listed in `stored`, from the catalog; the attach's own
 * reads and the engine's main connection answer those from that one table.
 */
import { ROLLUP_SPECS, rollupSignature } from '../queries/rollupSpecs'
import { ROLLUP_SIG_TABLE, ROLLUP_YEARS } from '../queries/rollup'
import type { Query } from '../queries/types'
import { HEADER_BYTES, inspectHeader, type HeaderFacts } from './published-file'
import { lit, q } from './schema'
import { STORED_TABLE, answeringStored, readStoredIndex } from './stored'
import type { Db } from './types'

export const PUBLISHED_ALIAS = 'published'

/** What start-up reads of the file itself (a summariser file stores their answers: ./firstView.ts). */
export const MANIFEST_QUERY: Query<{ key: string; value: string }> = { sql: `SELECT key, value FROM ${PUBLISHED_ALIAS}.main.manifest`, params: [] }
export const SOURCES_QUERY: Query<{ grp: string }> = { sql: `SELECT grp FROM ${PUBLISHED_ALIAS}.main.manifest_sources GROUP BY grp ORDER BY min(rowid)`, params: [] }

export interface Published {
  /** The file's manifest (key → value): engine_version, reports, created_at … */
  manifest: Record<string, string>
  tables: string[]
  /** The file stores the first view's answers, written by builders identical to this app's (signature equal). */
  rollups: boolean
  /** The input groups it was summarised from (manifest_sources), in order. */
  sources: string[]
  /**
   * The first view's statements whose answers the file stores (./stored.ts): the engine answers them from it, from
   * this very set (cleared, every statement reads the data, as it must once anything is added on top:
   * useEngine.leavePublished).
   */
  stored: Set<string>
}

/** Tables every summariser file has and the app reads at start-up (load summary, filters, findings). */
const REQUIRED_TABLES = ['manifest', 'summary', 'units', 'files', 'findings'] as const

/** Why a file is not opened (the data shown before stays): each says what is wrong in words a supervisor can act on. */
export type RefusalReason = 'empty' | 'notDuckdb' | 'truncated' | 'corrupt' | 'notSummary'
/** What was found: `needed`/`size` bytes (truncated), `tables` missing (notSummary). */
type RefusalFacts = { needed?: number; size?: number; tables?: string }
const REFUSAL_TEXT: Record<RefusalReason, (f: RefusalFacts) => string> = {
  empty: () => '文件是空的（0 字节）',
  notDuckdb: () => '它不是 DuckDB 数据库文件（开头没有 DuckDB 文件标记，可能只是改了扩展名）',
  truncated: (f) => `文件不完整（文件头表明应有 ${f.needed} 字节，实际只有 ${f.size} 字节），可能在复制或下载时被截断`,
  corrupt: () => '文件已损坏，DuckDB 无法读取',
  notSummary: (f) => `它不是看板汇总工具（npm run summarise）写出的数据库（缺少表 ${f.tables}）`,
}

export class PublishedRefused extends Error {
  constructor(readonly file: string, readonly reason: RefusalReason, readonly facts: RefusalFacts = {}) {
    super(`无法打开数据库“${file}”：${REFUSAL_TEXT[reason](facts)}`)
    this.name = 'PublishedRefused'
  }
}

/** The file was written by another DuckDB version than this engine's: it may not open, or read differently. */
export class PublishedVersionMismatch extends Error {
  constructor(readonly file: string, readonly ours: string) {
    super(`数据库文件由 DuckDB ${file} 写出，本看板的引擎是 ${ours}；请用与看板同一版本的汇总工具（npm run summarise）重新生成`)
    this.name = 'PublishedVersionMismatch'
  }
}

/** Attach `path` (a name the engine can read: registered file or URL) read-only and make its tables the app's. */
/**
 * Attach `path` (a name the engine can read: registered file or URL) read-only and make its tables the app's.
 * `name` is what the user knows the file by (its path or file name), said in every refusal; `header` what
 * src/db/published-file.ts read from the file's first bytes, when it could. A refused file leaves nothing attached.
 */
export async function attachPublished(db: Pick<Db, 'exec' | 'query'>, path: string, opts: { name?: string; header?: HeaderFacts } = {}): Promise<Published> {
  const name = opts.name ?? path
  const [{ v }] = await db.query<{ v: string }>('SELECT version() AS v')
  try {
    await db.exec(`ATTACH ${lit(path)} AS ${PUBLISHED_ALIAS} (READ_ONLY)`)
  } catch (e) {
    throw attachRefusal(e, name, v, opts.header)
  }
  try {
    const tables = (await db.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main'
      ORDER BY table_name`, [PUBLISHED_ALIAS])).map((r) => r.t)
    const stored = tables.includes(STORED_TABLE) ? await readStoredIndex(db, PUBLISHED_ALIAS) : new Set<string>()
    const ask = answeringStored(db, stored, `${PUBLISHED_ALIAS}.main.${STORED_TABLE}`)
    const manifest = tables.includes('manifest')
      ? Object.fromEntries((await ask.query<{ key: string; value: string }>(MANIFEST_QUERY.sql)).map((r) => [r.key, r.value]))
      : {}
    if (manifest.engine_version && manifest.engine_version !== v) throw new PublishedVersionMismatch(manifest.engine_version, v)
    const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t))
    if (missing.length) throw new PublishedRefused(name, 'notSummary', { tables: missing.join(', ') })
    const sources = tables.includes('manifest_sources')
      ? (await ask.query<{ grp: string }>(SOURCES_QUERY.sql)).map((r) => String(r.grp))
      : []
    await db.exec(tables.map((t) => `CREATE OR REPLACE VIEW main.${q(t)} AS SELECT * FROM ${PUBLISHED_ALIAS}.main.${q(t)}`).join(';\n'))
    return { manifest, tables, rollups: await hasRollups(db, tables), sources, stored }
  } catch (e) {
    await db.exec(`DETACH DATABASE IF EXISTS ${PUBLISHED_ALIAS}`).catch(() => undefined)
    throw e
  }
}

/**
 * A file from the user's disk, checked by its first bytes before any engine is started for it (src/db/published-file.ts):
 * an empty, foreign or cut-short file is refused here, saying so. Reads HEADER_BYTES, never the whole file.
 */
export async function checkDatabaseFile(file: Blob, name: string): Promise<HeaderFacts> {
  const facts = inspectHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()), file.size)
  if (facts.problem) throw new PublishedRefused(name, facts.problem, { needed: facts.needed, size: file.size })
  return facts
}

/** DuckDB's refusal of ATTACH, said for the user: the header's facts first (they are exact), then DuckDB's words. */
function attachRefusal(e: unknown, name: string, ours: string, header?: HeaderFacts): Error {
  const msg = e instanceof Error ? e.message : String(e)
  if (header?.problem) return new PublishedRefused(name, header.problem)
  if (/storage version|version number/i.test(msg)) return new PublishedVersionMismatch(header?.writer && header.writer !== ours ? header.writer : '更新的版本', ours)
  if (/not a valid DuckDB database file/i.test(msg)) return new PublishedRefused(name, 'notDuckdb')
  if (/corrupt|checksum|vector size|read past|could not read/i.test(msg)) return new PublishedRefused(name, 'corrupt')
  return e instanceof Error ? e : new Error(msg)
}

async function hasRollups(db: Pick<Db, 'query'>, tables: readonly string[]): Promise<boolean> {
  if (![ROLLUP_SIG_TABLE, ROLLUP_YEARS, ...ROLLUP_SPECS.map((s) => s.table)].every((t) => tables.includes(t))) return false
  const [row] = await db.query<{ sig: string }>(`SELECT sig FROM ${PUBLISHED_ALIAS}.main.${ROLLUP_SIG_TABLE}`)
  return row?.sig === rollupSignature()
}
