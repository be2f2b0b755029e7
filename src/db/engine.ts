/**
 * What every DuckDB engine of the app (browser worker, Node for tests) is set to before any data, and then
 * locked (measured with DuckDB-WASM 1.32 = DuckDB 1.4.3, tests/unit/db/lockdown.test.ts):
 * - no extension is installed or loaded on demand (an intranet has no extension repository, and loading
 *   code chosen by a statement is what an attacker wants);
 * - `enable_external_access=false`: no statement reaches a URL, a file, another database (ATTACH, COPY,
 *   read_text('http://…'), LOAD of an extension file) — "file system operations are disabled by configuration";
 * - except the files the app itself registers (their bytes handed over by `registerFile`), all named under
 *   REGISTERED_DIR: `allowed_directories` keeps `read_csv` of those working, also for files registered after
 *   the lock (a path outside, or escaping it with `..`, is refused);
 * - `lock_configuration=true`: no `SET` can undo any of it (`SET VARIABLE` is not configuration and still works).
 */
import type { Db, IpcResult, Row, SessionName, SqlParam } from './types'

/** The folder of the files the app registers (the only paths DuckDB may read). */
export const REGISTERED_DIR = '/gdd/'

/** The path under which a file the app registers is read with read_csv. */
export const registeredPath = (name: string): string => `${REGISTERED_DIR}${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`

/** The lock, with the folder registered files are read from (the native driver keeps them in a real folder). */
export const lockdownSql = (dir: string = REGISTERED_DIR): string => [
  'SET autoinstall_known_extensions=false',
  'SET autoload_known_extensions=false',
  `SET allowed_directories=['${dir.replace(/'/g, "''")}']`,
  'SET enable_external_access=false',
  'SET lock_configuration=true',
].join(';\n')

export const LOCKDOWN_SQL = lockdownSql()

/**
 * DuckDB's memory limit from the device's memory (navigator.deviceMemory: GB, which browsers round and cap at 8):
 * a quarter of it, between 256 MB and 1 GB. The wasm heap cannot spill to disk, and the renderer also holds the JS
 * heap, ECharts and the files being read, so a small device gets a limit it can honour (a clean out-of-memory retry,
 * src/db/oom.ts) instead of the tab being killed. Unknown (Firefox, Node) → 1 GB, about DuckDB-WASM's own default.
 */
export function memoryLimitSql(deviceGb?: number): string {
  const mb = typeof deviceGb === 'number' && deviceGb > 0 ? Math.min(1024, Math.max(256, Math.floor(deviceGb * 256))) : 1024
  return `SET memory_limit='${mb}MB'`
}

/** One DuckDB connection as the drivers give it. */
export interface Conn {
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>
  exec(sql: string): Promise<void>
  queryIpc(sql: string): Promise<IpcResult>
  insertIpc(name: string, bytes: Uint8Array): Promise<void>
  close(): Promise<void>
}

export interface EngineParts {
  /** The connection of the app's read queries (autocommit only: never an explicit transaction). */
  main: Conn
  /** Open another connection (its own transactions). */
  connect(): Promise<Conn>
  registerFile(name: string, bytes: Uint8Array): Promise<void>
  dropFile(name: string): Promise<void>
  /** After every connection is closed. */
  terminate(): Promise<void>
}

/**
 * The app's Db over one engine: `query`/`exec` on the main connection; `session(name, fn)` runs fn on a
 * connection of that name, one caller at a time, so a transaction there is neither seen by nor broken by the
 * queries of other connections ('write': loads and clears; 'user': the SQL console).
 */
export function engineDb(parts: EngineParts): Db {
  const sessions = new Map<SessionName, { conn: Promise<Conn>; tail: Promise<unknown> }>()

  function bound(conn: Conn, name: SessionName | null): Db {
    const db: Db = {
      query: (sql, params) => conn.query(sql, params),
      exec: (sql) => conn.exec(sql),
      queryIpc: (sql) => conn.queryIpc(sql),
      insertIpc: (n, bytes) => conn.insertIpc(n, bytes),
      registerFile: (n, bytes) => parts.registerFile(n, bytes),
      dropFile: (n) => parts.dropFile(n),
      // Re-entrant: inside a session, asking for the same one runs on it.
      session: (other, fn) => (other === name ? fn(db) : session(other, fn)),
      close: () => closeAll(),
    }
    return db
  }

  function session<T>(name: SessionName, fn: (c: Db) => Promise<T>): Promise<T> {
    let s = sessions.get(name)
    if (!s) {
      s = { conn: parts.connect(), tail: Promise.resolve() }
      sessions.set(name, s)
    }
    const mine = s
    const run = mine.tail.then(async () => fn(bound(await mine.conn, name)))
    mine.tail = run.catch(() => undefined)
    return run
  }

  async function closeAll(): Promise<void> {
    for (const s of sessions.values()) await (await s.conn.catch(() => null))?.close().catch(() => undefined)
    sessions.clear()
    await parts.main.close().catch(() => undefined)
    await parts.terminate()
  }

  return bound(parts.main, null)
}
