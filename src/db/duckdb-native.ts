/**
 * DuckDB for Node, native (`@duckdb/node-api`, pinned to the engine version of the wasm build: DuckDB 1.4.3 =
 * duckdb-wasm 1.32, so the files it writes open in the browser). Used by the summariser CLI
 * (scripts/summarise.ts); never imported by browser code. It gives the app's `Db` interface, so the app's own
 * ingest → load → rebuild → findings code runs unchanged on a database file.
 *
 * The one difference from the wasm drivers: native DuckDB has no in-memory file registry. `registerFile` writes
 * the bytes into a private folder and statements read them there: the app's registered paths (`/gdd/…`,
 * src/db/engine.ts) are mapped to that folder in the SQL text, and the lock allows only that folder.
 */
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api'
import { plainValue } from './arrow'
import { REGISTERED_DIR, engineDb, lockdownSql, type Conn } from './engine'
import type { Db, Row, SqlParam } from './types'

export interface NativeOptions {
  /** Folder for the registered files (created; removed on close). Must not contain a quote. */
  scratch: string
  /** DuckDB `threads` (default: DuckDB's, the number of cores). */
  threads?: number
  /** DuckDB `memory_limit`, e.g. '4GB' (default: DuckDB's, 80 % of RAM). */
  memoryLimit?: string
  /**
   * Lock like the browser's engine (default). Off only for the summariser's merge, which ATTACHes the part
   * files it wrote itself.
   */
  locked?: boolean
}

export interface NativeDb extends Db {
  /** Stop the running statements (a cancel): they fail with DuckDB's "Interrupted" error. */
  interrupt(): void
  /** DuckDB's version string, e.g. v1.4.3. */
  version(): Promise<string>
}

/** Open (or create) the database file `path` (':memory:' for none) with the app's Db interface, locked like the browser's. */
export async function startNativeDuckDb(path: string, opts: NativeOptions): Promise<NativeDb> {
  if (/['\\]/.test(opts.scratch)) throw new Error(`scratch folder must not contain a quote or backslash: ${opts.scratch}`)
  mkdirSync(opts.scratch, { recursive: true })
  const dir = opts.scratch.replace(/\/+$/, '') + '/'
  const config: Record<string, string> = {}
  if (opts.threads) config.threads = String(opts.threads)
  if (opts.memoryLimit) config.memory_limit = opts.memoryLimit
  const instance = await DuckDBInstance.create(path, config)
  const open = new Set<DuckDBConnection>()
  // Registered names are made by registeredPath: [A-Za-z0-9_.-] under REGISTERED_DIR, always inside a quoted literal.
  const mapped = (sql: string): string => sql.split(`'${REGISTERED_DIR}`).join(`'${dir}`)
  const wrap = (c: DuckDBConnection): Conn => ({
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const reader = await c.runAndReadAll(mapped(sql), params.length ? (params as DuckDBValue[]) : undefined)
      return reader.getRowObjectsJS().map((r) => {
        const o: Row = {}
        for (const k in r) o[k] = plainValue(r[k])
        return o as T
      })
    },
    async exec(sql: string): Promise<void> {
      await c.run(mapped(sql))
    },
    // The saved database (src/db/snapshot.ts) is the browser's: the summariser writes a database file instead.
    queryIpc: () => Promise.reject(new Error('native DuckDB: no Arrow IPC')),
    insertIpc: () => Promise.reject(new Error('native DuckDB: no Arrow IPC')),
    async close(): Promise<void> {
      open.delete(c)
      c.closeSync()
    },
  })
  const connect = async (): Promise<Conn> => {
    const c = await instance.connect()
    open.add(c)
    return wrap(c)
  }
  const main = await connect()
  if (opts.locked !== false) await main.exec(lockdownSql(dir))
  const db = engineDb({
    main,
    connect,
    async registerFile(name: string, bytes: Uint8Array): Promise<void> {
      writeFileSync(join(dir, name.slice(REGISTERED_DIR.length)), bytes)
    },
    async dropFile(name: string): Promise<void> {
      try { unlinkSync(join(dir, name.slice(REGISTERED_DIR.length))) } catch { /* already gone */ }
    },
    async terminate(): Promise<void> {
      instance.closeSync()
      rmSync(opts.scratch, { recursive: true, force: true })
    },
  })
  return Object.assign(db, {
    interrupt: () => { for (const c of open) c.interrupt() },
    version: async () => String((await main.query<{ v: string }>('SELECT version() AS v'))[0].v),
  })
}
