/**
 * A published database (a `.duckdb` written by `npm run summarise`) as the data of an engine, read-only: the file
 * is ATTACHed and each of its tables gets a view of the same name in the in-memory catalog, so every query of the
 * app (src/queries, unqualified `summary`, `units`, `findings` …) runs on it unchanged, on every connection.
 *
 * ATTACH is refused once the engine is locked (src/db/engine.ts: no external access), so this runs before the
 * lock: the browser registers the file first (a URL of its own origin read by range — DuckDB-WASM opened with
 * `filesystem: { forceFullHTTPReads: false }` — or a file from disk as a handle) and attaches it at start-up.
 * The file's stored answers (src/db/rollups.ts) are used only when their signature is this app's builders' own:
 * `rollups` tells the views, which pass it to the builders (src/queries/rollup.ts).
 */
import { ROLLUP_SPECS, rollupSignature } from '../queries/rollupSpecs'
import { ROLLUP_SIG_TABLE, ROLLUP_YEARS } from '../queries/rollup'
import { lit, q } from './schema'
import type { Db } from './types'

const PUBLISHED_ALIAS = 'published'

export interface Published {
  /** The file's manifest (key → value): engine_version, reports, created_at … */
  manifest: Record<string, string>
  tables: string[]
  /** The file stores the first view's answers, written by builders identical to this app's (signature equal). */
  rollups: boolean
}

/** The file was written by another DuckDB version than this engine's: it may not open, or read differently. */
export class PublishedVersionMismatch extends Error {
  constructor(readonly file: string, readonly ours: string) {
    super(`数据库文件由 DuckDB ${file} 写出，本看板的引擎是 ${ours}；请用与看板同一版本的汇总工具（npm run summarise）重新生成`)
    this.name = 'PublishedVersionMismatch'
  }
}

/** Attach `path` (a name the engine can read: registered file or URL) read-only and make its tables the app's. */
export async function attachPublished(db: Pick<Db, 'exec' | 'query'>, path: string): Promise<Published> {
  await db.exec(`ATTACH ${lit(path)} AS ${PUBLISHED_ALIAS} (READ_ONLY)`)
  const tables = (await db.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main'
    ORDER BY table_name`, [PUBLISHED_ALIAS])).map((r) => r.t)
  if (!tables.includes('summary')) {
    await db.exec(`DETACH ${PUBLISHED_ALIAS}`)
    throw new Error('这个数据库文件没有汇总表（summary），不是看板的汇总工具写出的文件')
  }
  const manifest = tables.includes('manifest')
    ? Object.fromEntries((await db.query<{ key: string; value: string }>(`SELECT key, value FROM ${PUBLISHED_ALIAS}.main.manifest`)).map((r) => [r.key, r.value]))
    : {}
  const [{ v }] = await db.query<{ v: string }>('SELECT version() AS v')
  if (manifest.engine_version && manifest.engine_version !== v) {
    await db.exec(`DETACH ${PUBLISHED_ALIAS}`)
    throw new PublishedVersionMismatch(manifest.engine_version, v)
  }
  await db.exec(tables.map((t) => `CREATE OR REPLACE VIEW main.${q(t)} AS SELECT * FROM ${PUBLISHED_ALIAS}.main.${q(t)}`).join(';\n'))
  return { manifest, tables, rollups: await hasRollups(db, tables) }
}

async function hasRollups(db: Pick<Db, 'query'>, tables: readonly string[]): Promise<boolean> {
  if (![ROLLUP_SIG_TABLE, ROLLUP_YEARS, ...ROLLUP_SPECS.map((s) => s.table)].every((t) => tables.includes(t))) return false
  const [row] = await db.query<{ sig: string }>(`SELECT sig FROM ${PUBLISHED_ALIAS}.main.${ROLLUP_SIG_TABLE}`)
  return row?.sig === rollupSignature()
}
