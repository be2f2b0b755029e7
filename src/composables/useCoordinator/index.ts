/**
 * useCoordinator — the one place that runs the figures' read queries (after Mosaic's coordinator). Clients
 * (useQuery) hand it a statement; it
 * - answers from memory when the same statement and parameters were answered since the data last changed
 *   (src/db/cache.ts, key = sql + params), and runs a statement asked twice at once only once;
 * - queues the statements (a few run at a time) and drops one whose every asker has moved on (a stale
 *   statement never reaches DuckDB; an answer that arrives for a stale asker is discarded by the client);
 * - tells the clients when the data changed (`version`), and whether any data is loaded (`hasData`);
 * - knows when nothing runs (`settled`, `idle`: tests, benchmarks, and "ready means drawn" after a load);
 * - at start-up, before DuckDB is up, answers from the answers saved with the data (`prime`, issue 19: the charts
 *   paint from them); a statement not among them waits for the engine, which takes over at `dataChanged`.
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
  /** False while the figures are answered from saved answers (DuckDB not up yet, or the data not reopened). */
  live: Ref<boolean>
  /** Answer from `saved` (key → rows, src/db/cache.ts queryKey) until the next `dataChanged`; other statements wait. */
  prime(saved: Iterable<[string, unknown[]]>): void
  /** The live answers kept now, most recently used first (saved for the next start). */
  answered(): [string, unknown[]][]
  /**
   * After `prime`: resolves once the figures have asked (a view that asks nothing never resolves it, until live) and
   * every statement the saved answers can answer has been answered (the others wait for the engine).
   */
  painted(): Promise<void>
  /** Resolves once the clients' watchers have run and no statement is queued or running. */
  settled(): Promise<void>
  /** Like settled, but over two quiet drawn frames (a figure whose query follows from another's answer). */
  idle(): Promise<void>
}

/** Statements sent to DuckDB at once (the worker answers them in turn; the rest wait and may be dropped). */
const PARALLEL = 4

interface Waiting { run(): void; askers: number; key: string; drop(): void }

/**
 * After the next drawn frame; a timer too, since a hidden tab draws no frames (requestAnimationFrame waits until it is
 * shown: a load finished in a background tab would wait for that) and Node has none.
 */
export function afterFrame(cb: () => void): void {
  let done = false
  const go = (): void => { if (!done) { done = true; setTimeout(cb, 0) } }
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go)
  setTimeout(go, 100)
}

function createCoordinator(): UseCoordinatorReturn {
  const engine = useEngine()
  const cache = createQueryCache()
  const inFlight = ref(0)
  const version = ref(0)
  const hasData = ref(false)
  const live = ref(true)
  let saved = new Map<string, unknown[]>()
  /** Statements asked while not live and not among the saved answers: they wait for the engine. */
  let held = 0
  /** Statements asked since `prime`, and who waits for the first one. */
  let asked = 0
  let onAsk: (() => void)[] = []
  const queue: Waiting[] = []
  const queued = new Map<string, Waiting>()
  let running = 0
  const idleWaiters: (() => void)[] = []

  function done(): void {
    inFlight.value--
    if (inFlight.value === 0) for (const w of idleWaiters.splice(0)) w()
  }

  function pump(): void {
    while (live.value && running < PARALLEL && queue.length) {
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
    asked++
    for (const f of onAsk.splice(0)) f()
    const kept = live.value ? undefined : saved.get(key)
    if (kept) return Promise.resolve(kept as T[]).finally(done)
    const waits = !live.value
    if (waits) held++
    const p = cache.run(q, () => schedule(q, key))
    const w = queued.get(key)
    if (w) {
      w.askers++
      signal?.addEventListener('abort', () => { if (--w.askers === 0 && queued.get(key) === w) w.drop() }, { once: true })
    }
    pump()
    // A statement dropped for its other askers just before this one joined it: ask again.
    const mine = p.catch((e: unknown) => (e instanceof StaleQuery && !signal?.aborted ? request(q, signal) : Promise.reject(e)))
    return mine.finally(() => { if (waits) held--; done() })
  }

  function prime(answers: Iterable<[string, unknown[]]>): void {
    saved = new Map(answers)
    asked = 0
    live.value = false
    hasData.value = true
    version.value++
  }

  async function painted(): Promise<void> {
    // The view may still be loading: its figures ask when it is set up.
    if (asked === 0 && !live.value) await new Promise<void>((r) => onAsk.push(r))
    // A macrotask between checks: a statement running on the engine must be able to answer meanwhile.
    do { await nextTick(); await new Promise((r) => setTimeout(r, 0)) } while (!live.value && inFlight.value > held)
  }

  function clear(): void {
    cache.clear()
  }

  function dataChanged(now: boolean): void {
    cache.clear()
    saved = new Map()
    live.value = true
    hasData.value = now
    version.value++
    for (const f of onAsk.splice(0)) f()
    pump()
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
        else afterFrame(check)
      }
      check()
    })
  }

  return {
    request, inFlight, querying: computed(() => inFlight.value > 0), version, hasData, dataChanged, clear, settled, idle,
    live, prime, painted, answered: () => (live.value && hasData.value ? cache.entries() : []),
  }
}

/** The app's one coordinator. */
export const useCoordinator = sharedState(createCoordinator)
