/**
 * useEngine — DuckDB's lifecycle: started once, on first use; a failed start is forgotten so that a retry starts
 * over. Unit tests inject an engine (`startDb`: a Node DuckDB or a fake), the app starts the browser worker lazily
 * (its chunk and wasm are fetched after the shell has painted).
 */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { Db } from '../../db/types'
import { sharedState } from '../sharedState'

export interface UseEngineOptions {
  /** Start DuckDB (default: the browser worker, loaded lazily). */
  startDb?: () => Promise<Db>
}

type EngineStatus = 'off' | 'starting' | 'up'

export interface UseEngineReturn {
  status: Ref<EngineStatus>
  /** The engine once started (null before). */
  db: ShallowRef<Db | null>
  /** The engine, started on the first call (a failed start rejects and is tried again on the next call). */
  getDb(): Promise<Db>
}

async function defaultStartDb(): Promise<Db> {
  // Loaded lazily: the shell paints before the DuckDB chunk and wasm are fetched.
  const { startDuckDb } = await import('../../db/duckdb-browser')
  return startDuckDb({ timeoutMs: 60_000 })
}

function createEngine(options: UseEngineOptions = {}): UseEngineReturn {
  const startDb = options.startDb ?? defaultStartDb
  const status = ref<EngineStatus>('off')
  const db = shallowRef<Db | null>(null)
  let pending: Promise<Db> | null = null

  function getDb(): Promise<Db> {
    if (!pending) {
      status.value = 'starting'
      pending = startDb().then((d) => {
        db.value = d
        status.value = 'up'
        return d
      }, (e: unknown) => {
        pending = null // a retry starts over
        status.value = 'off'
        throw e
      })
    }
    return pending
  }

  return { status, db, getDb }
}

/** The app's one engine (options only count on the first call). */
export const useEngine = sharedState(createEngine)
