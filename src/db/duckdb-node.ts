/**
 * DuckDB for Node (unit tests, scripts): the blocking bindings, in-process, set up and locked like the
 * browser's engine (src/db/engine.ts). Never imported by browser code.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as duckdb from '@duckdb/duckdb-wasm/blocking'
import { arrowToRows, type ArrowLike } from './arrow'
import { LOCKDOWN_SQL, engineDb, type Conn } from './engine'
import type { Db, Row, SqlParam } from './types'

/** `locked: false` only for tests that ATTACH a database file (a published .duckdb read back as the browser would). */
export async function startNodeDuckDb(opts: { locked?: boolean } = {}): Promise<Db> {
  const require = createRequire(import.meta.url)
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'))
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  }
  const logger = new duckdb.VoidLogger()
  const bindings = await duckdb.createDuckDB(bundles, logger, duckdb.NODE_RUNTIME)
  await bindings.instantiate(() => {})
  bindings.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } })
  const wrap = (conn: duckdb.DuckDBConnection): Conn => ({
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      if (params.length === 0) return arrowToRows<T>(conn.query(sql) as unknown as ArrowLike)
      const stmt = conn.prepare(sql)
      try {
        return arrowToRows<T>(stmt.query(...params) as unknown as ArrowLike)
      } finally {
        stmt.close()
      }
    },
    async exec(sql: string): Promise<void> {
      conn.query(sql)
    },
    async close(): Promise<void> {
      conn.close()
    },
  })
  const main = wrap(bindings.connect())
  if (opts.locked !== false) await main.exec(LOCKDOWN_SQL)
  return engineDb({
    main,
    connect: async () => wrap(bindings.connect()),
    async registerFile(name: string, bytes: Uint8Array): Promise<void> {
      bindings.registerFileBuffer(name, bytes)
    },
    async dropFile(name: string): Promise<void> {
      bindings.dropFile(name)
    },
    async terminate(): Promise<void> {
      bindings.reset()
    },
  })
}
