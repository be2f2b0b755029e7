/**
 * One instantiated DuckDB-WASM per test worker (the db project runs with `isolate: false`, so this module's
 * state outlives a test file): each `freshDb()` opens a new, empty, locked database on it in a fraction of a
 * second instead of instantiating the module again (seconds on a busy machine). The module holds one
 * database at a time, so a second database asked for while the first is open gets an engine of its own.
 */
import { nodeBindings, openNodeDuckDb, startNodeDuckDb, type NodeBindings } from '../../src/db/duckdb-node'
import type { Db } from '../../src/db/types'

let shared: Promise<NodeBindings> | null = null
let inUse = false

/** An empty database (schema not created), on the worker's engine when it is free. */
export async function freshDb(): Promise<Db> {
  if (inUse) return startNodeDuckDb()
  inUse = true
  try {
    shared ??= nodeBindings()
    const db = await openNodeDuckDb(await shared)
    let closed = false
    return {
      ...db,
      async close() {
        if (closed) return
        closed = true
        try { await db.close() } finally { inUse = false }
      },
    }
  } catch (e) {
    inUse = false
    shared = null
    throw e
  }
}
