/**
 * DuckDB for Node (unit tests, scripts): the blocking bindings, in-process, set up and locked like the
 * browser's engine (src/db/engine.ts). Never imported by browser code.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as duckdb from '@duckdb/duckdb-wasm/blocking'
import { arrowToRows, type ArrowLike } from './arrow'
import { LOCKDOWN_SQL, engineDb, type Conn } from './engine'
import { keptStatements } from './prepared'
import type { Db, IpcResult, Row, SqlParam } from './types'

type ArrowCjs = { tableToIPC(t: unknown, type: 'stream'): Uint8Array }

const require = createRequire(import.meta.url)
// The blocking bindings require() apache-arrow's CommonJS build: its Tables are serialised by that same copy.
const arrowCjs = require('apache-arrow') as ArrowCjs

/** The instantiated DuckDB-WASM module (the expensive part: seconds); one can hold one database at a time. */
export type NodeBindings = duckdb.DuckDBBindings

/** Instantiate the blocking bindings (eh or mvp bundle). */
export async function nodeBindings(): Promise<NodeBindings> {
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'))
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  }
  const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME)
  await bindings.instantiate(() => {})
  return bindings
}

/**
 * A fresh, empty, locked database on `bindings` (a reopened database forgets every table and setting, so
 * tests can reuse one instantiated module: tests/helpers/engine.ts). Closing it resets the bindings.
 */
export async function openNodeDuckDb(bindings: NodeBindings, opts: { locked?: boolean } = {}): Promise<Db> {
  bindings.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } })
  // `reuse`: the main connection keeps its read statements prepared, as in the browser (./prepared.ts)
  const wrap = (conn: duckdb.DuckDBConnection, reuse = false): Conn => {
    const kept = keptStatements((sql) => conn.prepare(sql))
    return {
      async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
        if (reuse && kept.worth(sql, params)) return arrowToRows<T>((await kept.run(sql, params)) as unknown as ArrowLike)
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
      async queryIpc(sql: string): Promise<IpcResult> {
        const t = conn.query(sql)
        return { bytes: arrowCjs.tableToIPC(t, 'stream'), rows: t.numRows }
      },
      async insertIpc(name: string, bytes: Uint8Array): Promise<void> {
        conn.insertArrowFromIPCStream(bytes, { name, create: true })
      },
      async close(): Promise<void> {
        kept.clear()
        conn.close()
      },
    }
  }
  const main = wrap(bindings.connect(), true)
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

/** `locked: false` only for tests that ATTACH a database file (a published .duckdb read back as the browser would). */
export async function startNodeDuckDb(opts: { locked?: boolean } = {}): Promise<Db> {
  return openNodeDuckDb(await nodeBindings(), opts)
}
