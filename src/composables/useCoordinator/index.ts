/**
 * useCoordinator — the one place that runs the figures' read queries (after Mosaic's coordinator). Clients
 * (useQuery) hand it a statement; it
 * - answers from memory when the same statement and parameters were answered since the data last changed
 *   (src/db/cache.ts, key = sql + params), and runs a statement asked twice at once only once;
 * - queues the statements (a few run at a time) and drops one whose every asker has moved on (a stale
 *   statement never reaches DuckDB; an answer that arrives for a stale asker is discarded by the client);
 * - tells the clients when the data changed (`version`), and whether any data is loaded (`hasData`);
 * - knows when nothing runs (`settled`, `idle`: tests, benchmarks, and "ready means drawn" after a load).
 */
import { computed, nextTick, ref, type ComputedRef, type Ref } from 'vue'
import { createQueryCache, queryKey } from '../../db/cache'
import { runQuery } from '../../db/run'
import type { Query } from '../../queries/types'
import { sharedState } from '../sharedState'
import { useEngine } from '../useEngine'

/** Why a statement was not run: every client that asked for it asked for another one since. */
export class StaleQuery extends Error {
  constructor() { super('stale query'); this.name = 'StaleQuery' }
}

export interface UseCoordinatorReturn {
  /** Run `q` (from memory when answered before); `signal` = this asker moved on (the statement may be dropped). */
  request<T>(q: Query<T>, signal?: AbortSignal): Promise<T[]>
  /** Statements queued or running now. */
  inFlight: Ref<number>
  querying: ComputedRef<boolean>
  /** Bumped when the loaded data changed: every client asks again. */
  version: Ref<number>
  /** Whether any data is loaded (clients without data draw nothing). */
  hasData: Ref<boolean>
  /** The data changed (a load or a clear ended): answers are forgotten and clients ask again. */
  dataChanged(hasData: boolean): void
  /** Forget the kept answers (a load that may have changed the data, whatever its outcome; benchmarks). */
  clear(): void
  /** Resolves once the clients' watchers have run and no statement is queued or running. */
  settled(): Promise<void>
  /** Like settled, but over two quiet drawn frames (a figure whose query follows from another's answer). */
  idle(): Promise<void>
}

/** Statements sent to DuckDB at once (the worker answers them in turn; the rest wait and may be dropped). */
const PARALLEL = 4

interface Waiting { run(): void; askers: number; key: string; drop(): void }

function createCoordinator(): UseCoordinatorReturn {
  const engine = useEngine()
  const cache = createQueryCache()
  const inFlight = ref(0)
  const version = ref(0)
  const hasData = ref(false)
  const queue: Waiting[] = []
  const queued = new Map<string, Waiting>()
  let running = 0
  const idleWaiters: (() => void)[] = []

  function done(): void {
    inFlight.value--
    if (inFlight.value === 0) for (const w of idleWaiters.splice(0)) w()
  }

  function pump(): void {
    while (running < PARALLEL && queue.length) {
      const w = queue.shift()!
      queued.delete(w.key)
      running++
      w.run()
    }
  }

  /** The statement, run when a place is free; rejected with StaleQuery if every asker left before. */
  function schedule<T>(q: Query<T>, key: string): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      const w: Waiting = {
        key,
        askers: 0,
        run: () => {
          engine.getDb().then((d) => runQuery(d, q)).then(resolve, reject).finally(() => { running--; pump() })
        },
        drop: () => {
          const i = queue.indexOf(w)
          if (i >= 0) queue.splice(i, 1)
          queued.delete(key)
          reject(new StaleQuery())
        },
      }
      queue.push(w)
      queued.set(key, w)
    })
  }

  function request<T>(q: Query<T>, signal?: AbortSignal): Promise<T[]> {
    const key = queryKey(q)
    inFlight.value++
    const p = cache.run(q, () => schedule(q, key))
    const w = queued.get(key)
    if (w) {
      w.askers++
      signal?.addEventListener('abort', () => { if (--w.askers === 0 && queued.get(key) === w) w.drop() }, { once: true })
    }
    pump()
    // A statement dropped for its other askers just before this one joined it: ask again.
    const mine = p.catch((e: unknown) => (e instanceof StaleQuery && !signal?.aborted ? request(q, signal) : Promise.reject(e)))
    return mine.finally(done)
  }

  function clear(): void {
    cache.clear()
  }

  function dataChanged(now: boolean): void {
    cache.clear()
    hasData.value = now
    version.value++
  }

  async function settled(): Promise<void> {
    // Watchers run on the next tick and may ask for statements; those answers may start further ones.
    do {
      await nextTick()
      if (inFlight.value > 0) await new Promise<void>((r) => idleWaiters.push(r))
      await nextTick()
    } while (inFlight.value > 0)
  }

  function idle(): Promise<void> {
    return new Promise((resolve) => {
      let quiet = 0
      const check = (): void => {
        quiet = inFlight.value === 0 ? quiet + 1 : 0
        if (quiet > 2) resolve()
        else requestAnimationFrame(() => setTimeout(check, 0))
      }
      check()
    })
  }

  return { request, inFlight, querying: computed(() => inFlight.value > 0), version, hasData, dataChanged, clear, settled, idle }
}

/** The app's one coordinator. */
export const useCoordinator = sharedState(createCoordinator)
