/**
 * The loaded database as data (issue 19: a reload reopens it instead of replaying the CSV files):
 * every table of schema `main` as its DDL (DuckDB's own `duckdb_tables().sql`, so types and keys come back
 * exactly) plus its rows as an Arrow IPC stream, and the next file id.
 *
 * Why this and not a database file: the engine is locked (src/db/engine.ts) — `EXPORT DATABASE`, `COPY … TO`
 * and `ATTACH` are "disabled by configuration" — and DuckDB's OPFS database file has come back empty after
 * reloads here (src/persist/bundles.ts) and holds an exclusive handle a second tab cannot open. Arrow goes
 * through the bindings' own buffers, never a file, so it works under the lock. Measured in Node: 100k rows
 * out in ~40 ms, in in ~25 ms.
 */
import type { Db } from './types'
import { ensureSchema, lit, q } from './schema'

export interface TablePart {
  name: string
  /** CREATE TABLE … as DuckDB states it. */
  ddl: string
  rows: number
  /** Arrow IPC stream of `SELECT * FROM name`. */
  bytes: Uint8Array
}

export interface DbSnapshot {
  tables: TablePart[]
  /** Where file_seq starts again (the next file's id). */
  nextFileId: number
}

/** Why a snapshot could not be opened (the caller replays the CSV files instead). */
export class SnapshotMismatch extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SnapshotMismatch'
  }
}

/**
 * Above this many rows in all (≈ 20,000 reports) the database is not kept: the export holds each table's Arrow
 * result and its copy in the page (at 10k reports the renderer peak right after a load grew by ~275 MB), so a
 * province-scale load reloads by replaying its CSV files, as before, until the export streams batch by batch.
 */
export const KEEP_MAX_ROWS = 2_000_000

const TABLES_SQL = `SELECT table_name AS name, sql AS ddl, estimated_size::DOUBLE AS n FROM duckdb_tables()
  WHERE schema_name = 'main' AND database_name = current_database() AND NOT temporary AND NOT internal ORDER BY table_name`

/**
 * Copy every table out, consistently: on the write connection (so no load runs meanwhile) inside one
 * transaction (so every table is seen at the same commit). With `keep`, each table is handed over as soon as it is
 * read and not kept in the result (its bytes can go to a Blob at once instead of all tables being held together).
 * Null when the tables hold more than `maxRows` rows in all (DuckDB's estimate).
 */
export function exportDb(db: Db, keep?: (t: TablePart) => void, maxRows = Infinity): Promise<DbSnapshot | null> {
  return db.session('write', async (w) => {
    await w.exec('BEGIN TRANSACTION')
    try {
      const list = await w.query<{ name: string; ddl: string; n: number }>(TABLES_SQL)
      if (list.reduce((a, t) => a + (Number(t.n) || 0), 0) > maxRows) return null
      const tables: TablePart[] = []
      for (const t of list) {
        const { bytes, rows } = await w.queryIpc(`SELECT * FROM ${q(t.name)}`)
        const part = { name: t.name, ddl: t.ddl, rows, bytes }
        if (keep) keep(part)
        else tables.push(part)
      }
      const hasFiles = list.some((t) => t.name === 'files')
      const [n] = hasFiles ? await w.query<{ n: number }>('SELECT (coalesce(max(file_id), 0) + 1)::INTEGER AS n FROM files') : [{ n: 1 }]
      return { tables, nextFileId: n.n }
    } finally {
      await w.exec('COMMIT').catch(() => undefined)
    }
  })
}

/** A part's name must be a plain identifier and its DDL a CREATE TABLE of that very name (nothing else runs). */
function checkPart(t: TablePart): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(t.name)) throw new SnapshotMismatch(`table name ${JSON.stringify(t.name)}`)
  const re = new RegExp(`^CREATE TABLE "?${t.name}"?\\s*\\(`, 'i')
  if (!re.test(t.ddl) || t.ddl.replace(/;\s*$/, '').includes(';')) throw new SnapshotMismatch(`DDL of ${t.name}`)
  if (!Number.isInteger(t.rows) || t.rows < 0) throw new SnapshotMismatch(`row count of ${t.name}`)
}

/**
 * Put a snapshot back, in one transaction on the write connection: every table recreated from its DDL and
 * filled from its Arrow stream, file_seq moved past the last file, then every table's row count compared with
 * the snapshot's. Any mismatch or error rolls everything back (the database is as before) and throws.
 */
export function importDb(db: Db, snap: DbSnapshot): Promise<void> {
  return db.session('write', async (w) => {
    for (const t of snap.tables) checkPart(t)
    if (!snap.tables.some((t) => t.name === 'summary') || !snap.tables.some((t) => t.name === 'files')) {
      throw new SnapshotMismatch('summary/files missing')
    }
    await ensureSchema(w)
    await w.exec('BEGIN TRANSACTION')
    try {
      await w.exec(snap.tables.map((t) => `DROP TABLE IF EXISTS ${q(t.name)};\n${t.ddl.replace(/;\s*$/, '')}`).join(';\n'))
      const fill: string[] = []
      for (const t of snap.tables) {
        if (t.rows === 0) continue
        const tmp = `snap_${t.name}`
        await w.insertIpc(tmp, t.bytes)
        fill.push(`INSERT INTO ${q(t.name)} SELECT * FROM ${q(tmp)}`, `DROP TABLE ${q(tmp)}`)
      }
      const next = Math.max(1, Math.floor(snap.nextFileId))
      fill.push('DROP SEQUENCE IF EXISTS file_seq', `CREATE SEQUENCE file_seq START ${next}`)
      await w.exec(fill.join(';\n'))
      const counts = await w.query<{ name: string; n: number }>(snap.tables
        .map((t) => `SELECT ${lit(t.name)} AS name, count(*)::INTEGER AS n FROM ${q(t.name)}`).join(' UNION ALL '))
      const got = new Map(counts.map((c) => [c.name, c.n]))
      const bad = snap.tables.find((t) => got.get(t.name) !== t.rows)
      if (bad) throw new SnapshotMismatch(`${bad.name}: ${got.get(bad.name)} rows, expected ${bad.rows}`)
      await w.exec('COMMIT')
    } catch (e) {
      await w.exec('ROLLBACK').catch(() => undefined)
      throw e
    }
  })
}
