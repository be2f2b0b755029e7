/**
 * DuckDB-WASM in a Web Worker, self-hosted (wasm and worker files are served by the app itself,
 * nothing is fetched from a CDN). Start-up is bounded by a timeout: a `.wasm` served with the wrong
 * MIME type makes instantiate() hang forever.
 */
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import { arrowToRows, type ArrowLike } from './arrow'
import type { Db, Row, SqlParam } from './types'

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms)
    p.then((v) => { clearTimeout(timer); resolve(v) }, (e: unknown) => { clearTimeout(timer); reject(e) })
  })
}

export async function startDuckDb(opts: { timeoutMs?: number } = {}): Promise<Db> {
  const timeoutMs = opts.timeoutMs ?? 20_000
  let worker: Worker | null = null
  const start = async (): Promise<{ db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection }> => {
    const bundle = await duckdb.selectBundle(BUNDLES)
    // classic worker, as DuckDB-WASM ships it
    worker = new Worker(bundle.mainWorker!)
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker)
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } })
    const conn = await db.connect()
    await conn.query('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false')
    return { db, conn }
  }
  let started: { db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection }
  try {
    started = await withTimeout(start(), timeoutMs,
      `数据库引擎（DuckDB-WASM）在 ${Math.round(timeoutMs / 1000)} 秒内未能启动。请确认网站以正确的 MIME 类型（application/wasm）提供 .wasm 文件，并刷新页面重试。`)
  } catch (e) {
    ;(worker as Worker | null)?.terminate()
    throw e
  }
  const { db, conn } = started
  return {
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
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
    /** The buffer is transferred to the worker (detached here): pass a copy if you still need it. */
    async registerFile(name: string, bytes: Uint8Array): Promise<void> {
      await db.registerFileBuffer(name, bytes)
    },
    async dropFile(name: string): Promise<void> {
      await db.dropFile(name)
    },
    async close(): Promise<void> {
      await conn.close()
      await db.terminate()
    },
  }
}
