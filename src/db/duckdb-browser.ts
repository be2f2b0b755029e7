/**
 * DuckDB-WASM in a Web Worker, self-hosted (wasm and worker files are served by the app itself,
 * nothing is fetched from a CDN), set up and locked by src/db/engine.ts. Start-up is bounded by a
 * timeout: a `.wasm` served with the wrong MIME type makes instantiate() hang forever.
 *
 * The worker is started from a same-origin blob: URL that imports DuckDB's worker script. A worker
 * started from a network URL gets its Content-Security-Policy from that script's response headers only
 * (the page's <meta> policy does not reach it); a blob: worker inherits the page's policy, so
 * `connect-src 'self'` governs the worker's fetches too (tests/browser/confinement.test.ts).
 */
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import { tableToIPC } from 'apache-arrow'
import { arrowToRows, type ArrowLike } from './arrow'
import { LOCKDOWN_SQL, engineDb, memoryLimitSql, registeredPath, type Conn } from './engine'
import { attachPublished, checkDatabaseFile, type Published } from './attach'
import { answeringStored, type StoredIndex } from './stored'
import type { Db, IpcResult, Row, SqlParam } from './types'
import { withTimeout } from './timeout'
import { keptStatements } from './prepared'

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
}


const absolute = (url: string): string => new URL(url, document.baseURI).href

/**
 * Hidden from DuckDB's worker script, whose only use of it is a download-progress wrapper around the .wasm response
 * (the app shows no such progress): wrapped, `instantiateStreaming` gets a synthetic Response, which V8 never caches
 * compiled code for. Unwrapped, a returning visit gets DuckDB's optimised code from the browser's cache instead of
 * starting again from the baseline compiler: a 1,000-report load 2.7–3.0 → 1.7–1.8 s (npm run bench, "returning visit").
 * The worker then logs that it instantiates "without progress handler" (a warning).
 */
const WORKER_PRELUDE = 'self.TransformStream = undefined;\n'

/** A classic worker running `script`, started from a blob: URL so that it inherits this page's CSP. */
function confinedWorker(script: string): { worker: Worker; revoke(): void } {
  const src = `${WORKER_PRELUDE}importScripts(${JSON.stringify(absolute(script))});\n`
  const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }))
  return { worker: new Worker(url), revoke: () => URL.revokeObjectURL(url) }
}

/**
 * The connection as the app's `Conn`. With `reuse` (the main connection: the figures' read queries), read
 * statements are prepared once and kept (./prepared.ts).
 */
function wrap(conn: duckdb.AsyncDuckDBConnection, reuse = false): Conn {
  const kept = keptStatements((sql) => conn.prepare(sql))
  return {
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      // without parameters too, once asked again: a view's statement for no filters returns after every other change
      if (reuse && kept.worth(sql, params)) return arrowToRows<T>((await kept.run(sql, params)) as unknown as ArrowLike)
      if (params.length === 0) return arrowToRows<T>((await conn.query(sql)) as unknown as ArrowLike)
      const stmt = await conn.prepare(sql)
      try {
        return arrowToRows<T>((await stmt.query(...params)) as unknown as ArrowLike)
      } finally {
        await stmt.close()
      }
    },
    async exec(sql: string): Promise<void> {
      await conn.query(sql)
    },
    async queryIpc(sql: string): Promise<IpcResult> {
      // Re-serialised as a stream: the bindings' own result buffer is in IPC *file* format, which
      // insertArrowFromIPCStream does not read (tried: every reopen fell back to the replay).
      const t = await conn.query(sql)
      return { bytes: tableToIPC(t, 'stream'), rows: t.numRows }
    },
    async insertIpc(name: string, bytes: Uint8Array): Promise<void> {
      await conn.insertArrowFromIPCStream(bytes, { name, create: true })
    },
    async close(): Promise<void> {
      kept.clear() // closed with the connection
      await conn.close()
    },
  }
}

export interface StartOptions {
  timeoutMs?: number
  /**
   * A published database (absolute URL on this page's origin, checked by src/db/published-url.ts) to attach
   * read-only before the lock. It is registered under REGISTERED_DIR, the one folder the lock allows, so no
   * general network access is opened: the worker reads that one URL by HTTP range requests, nothing else.
   */
  publishedUrl?: string
  /**
   * Or a database file from the user's disk (a File from a file input or a drop), registered as a file handle: the
   * worker reads the ranges DuckDB asks for (`file.slice` + FileReaderSync), the file is never copied whole.
   */
  localFile?: File
  /** Told what was attached (its manifest and tables). */
  onPublished?: (p: Published) => void
  /** Aborted: the start-up wait ends now, exactly as when the timeout passes (browser tests; see useEngine). */
  expire?: AbortSignal
}

/** The name the published file is registered under (inside the lock's allowed folder). */
const PUBLISHED_FILE = registeredPath('published.duckdb')
const LOCAL_FILE = registeredPath('local.duckdb')

export async function startDuckDb(opts: StartOptions = {}): Promise<Db> {
  const timeoutMs = opts.timeoutMs ?? 20_000
  let worker: Worker | null = null
  // an empty, foreign or cut-short file is refused by its first bytes, before a worker is started for it
  const header = opts.localFile ? await checkDatabaseFile(opts.localFile, opts.localFile.name) : undefined
  // the published file's stored answers of the first view (./stored.ts): the main connection answers them from it
  let stored: StoredIndex = new Set()
  const attached = (p: Published): void => { stored = p.stored; opts.onPublished?.(p) }
  const start = async (): Promise<{ db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection }> => {
    const bundle = await duckdb.selectBundle(BUNDLES)
    const w = confinedWorker(bundle.mainWorker!)
    worker = w.worker
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
    try {
      // Absolute: the worker's own base URL is the blob:.
      await db.instantiate(absolute(bundle.mainModule), bundle.pthreadWorker ? absolute(bundle.pthreadWorker) : null)
    } finally {
      w.revoke()
    }
    // forceFullHTTPReads false: a published file is read by range (the default downloads all of it).
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true }, filesystem: { forceFullHTTPReads: false } })
    const conn = await db.connect()
    // Before the lock: no SET works after it.
    await conn.query(memoryLimitSql((navigator as { deviceMemory?: number }).deviceMemory))
    if (opts.publishedUrl) {
      await db.registerFileURL(PUBLISHED_FILE, opts.publishedUrl, duckdb.DuckDBDataProtocol.HTTP, false)
      // ATTACH is refused after the lock: the file is attached (and its tables made the app's views) first.
      attached(await attachPublished(wrap(conn), PUBLISHED_FILE))
    } else if (opts.localFile) {
      await db.registerFileHandle(LOCAL_FILE, opts.localFile, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true)
      attached(await attachPublished(wrap(conn), LOCAL_FILE, { name: opts.localFile.name, header }))
    }
    await conn.query(LOCKDOWN_SQL)
    return { db, conn }
  }
  let started: { db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection }
  try {
    started = await withTimeout(start(), timeoutMs, opts.expire,
      `数据库引擎（DuckDB-WASM）在 ${Math.round(timeoutMs / 1000)} 秒内未能启动。请确认网站以正确的 MIME 类型（application/wasm）提供 .wasm 文件，内容安全策略（CSP）的 worker-src 含 blob:，并刷新页面重试。`)
  } catch (e) {
    ;(worker as Worker | null)?.terminate()
    throw e
  }
  const { db, conn } = started
  return engineDb({
    main: answeringStored(wrap(conn, true), stored),
    connect: async () => wrap(await db.connect()),
    /** The buffer is transferred to the worker (detached here): pass a copy if you still need it. */
    registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
    dropFile: async (name) => { await db.dropFile(name) },
    terminate: () => db.terminate(),
  })
}
