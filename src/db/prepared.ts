/**
 * Read statements prepared once and kept, per connection (issue 19). A view asks the same few statement texts
 * again on every filter change with other values (the parameters are bound, `?`), and DuckDB-WASM spends most of a
 * small query's time parsing, binding and planning it: kept, a statement runs with new values in one round trip to
 * the worker instead of three (prepare, run, close), and without the planning (measured in Node: ~41 ms → ~7 ms for
 * an overview-sized statement on a busy machine). DuckDB re-binds a kept statement itself when the tables it reads
 * changed (a load replaces them); a run that fails forgets it and prepares it afresh once, so an error is the
 * same as without keeping.
 */
import type { SqlParam } from './types'

export interface PreparedLike<R> {
  query(...params: SqlParam[]): R | Promise<R>
  close(): unknown
}

export interface KeptStatements<R> {
  /** Run `sql` with `params` on its kept statement (prepared now if it is not kept). */
  run(sql: string, params: readonly SqlParam[]): Promise<R>
  /**
   * Whether `sql` is worth keeping now: a statement with parameters always (prepare + run is what it costs anyway),
   * one without only when it is asked a second time (asked once — start-up, a load's checks — it would pay a
   * round trip more for nothing).
   */
  worth(sql: string, params: readonly SqlParam[]): boolean
  /** Forget every kept statement (they close with their connection). */
  clear(): void
  readonly size: number
}

/** One read statement (a single SELECT, possibly WITH …, no `;`): what is worth keeping. */
export const isReadStatement = (sql: string): boolean => /^\s*(WITH|SELECT)\b[^;]*$/i.test(sql)

export function keptStatements<R>(prepare: (sql: string) => PreparedLike<R> | Promise<PreparedLike<R>>, max = 64): KeptStatements<R> {
  const kept = new Map<string, Promise<PreparedLike<R>>>()
  const seen = new Set<string>()

  function forget(sql: string, p: Promise<PreparedLike<R>>): void {
    if (kept.get(sql) === p) kept.delete(sql)
    void p.then((st) => st.close()).catch(() => undefined)
  }

  function statement(sql: string): Promise<PreparedLike<R>> {
    let p = kept.get(sql)
    if (p) {
      kept.delete(sql) // re-inserted: Map order is the recency order
      kept.set(sql, p)
      return p
    }
    p = Promise.resolve().then(() => prepare(sql))
    kept.set(sql, p)
    p.catch(() => { if (kept.get(sql) === p) kept.delete(sql) })
    if (kept.size > max) {
      const [oldest, q] = kept.entries().next().value as [string, Promise<PreparedLike<R>>]
      forget(oldest, q)
    }
    return p
  }

  async function run(sql: string, params: readonly SqlParam[], retry = true): Promise<R> {
    const p = statement(sql)
    try {
      return await (await p).query(...params)
    } catch (e) {
      forget(sql, p)
      if (retry) return run(sql, params, false)
      throw e
    }
  }

  function worth(sql: string, params: readonly SqlParam[]): boolean {
    if (!isReadStatement(sql)) return false
    if (params.length > 0 || kept.has(sql) || seen.has(sql)) return true
    if (seen.size >= 4 * max) seen.clear()
    seen.add(sql)
    return false
  }

  return {
    run: (sql, params) => run(sql, params), worth, clear: () => { kept.clear(); seen.clear() }, get size() { return kept.size },
  }
}
