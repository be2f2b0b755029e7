/**
 * Results of the views' read queries, kept per statement and parameters until the data changes (a small
 * coordinator cache, after Mosaic's). Going back to filters seen before answers from memory, and the same
 * statement asked twice at once runs once. An answer is the same array every time, so a chart whose
 * statement did not change keeps its rows and is not redrawn (Vue skips a shallowRef set to the same value).
 * Callers must not mutate the rows they get.
 */
import type { Query } from '../queries/types'

export interface QueryCacheOptions {
  /** Statements kept (least recently used dropped first). */
  maxEntries?: number
  /** Larger answers (a findings export, a big SQL result) are not kept. */
  maxRows?: number
}

export interface QueryCache {
  /** The kept answer of `q`, the running one, or `exec()`'s. */
  run<T>(q: Query<T>, exec: () => Promise<T[]>): Promise<T[]>
  /** Forget every answer (the data changed); answers still running are not kept either. */
  clear(): void
  /** The kept answers, most recently used first (to save them for the next start: src/persist/answers.ts). */
  entries(): [string, unknown[]][]
  readonly size: number
}

export function queryKey(q: Query<unknown>): string {
  // JSON keeps 1 and '1' apart; the statement text and its parameters together identify the answer.
  return `${q.sql}\u0000${JSON.stringify(q.params)}`
}

export function createQueryCache(options: QueryCacheOptions = {}): QueryCache {
  const maxEntries = options.maxEntries ?? 64
  const maxRows = options.maxRows ?? 5000
  const done = new Map<string, unknown[]>()
  const running = new Map<string, Promise<unknown[]>>()
  let epoch = 0

  function run<T>(q: Query<T>, exec: () => Promise<T[]>): Promise<T[]> {
    const key = queryKey(q)
    const hit = done.get(key)
    if (hit) {
      done.delete(key) // re-insert: Map order is the recency order
      done.set(key, hit)
      return Promise.resolve(hit as T[])
    }
    const pending = running.get(key)
    if (pending) return pending as Promise<T[]>
    const mine = epoch
    const p = exec().then((rows) => {
      if (mine === epoch && rows.length <= maxRows) {
        done.set(key, rows)
        if (done.size > maxEntries) done.delete(done.keys().next().value as string)
      }
      return rows
    }).finally(() => {
      if (running.get(key) === p) running.delete(key)
    })
    running.set(key, p)
    return p
  }

  function clear(): void {
    epoch++
    done.clear()
    running.clear()
  }

  return { run, clear, entries: () => [...done].reverse(), get size() { return done.size } }
}
