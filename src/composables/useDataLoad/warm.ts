/**
 * The warm-up after start-up (src/db/warmup.ts): once, while nothing runs, over no data or little; stopped by any
 * action of the user on the data (a load, a clear, a reopen: `run` stops it first), which then waits at most for the
 * statement it is at. `warmStats.outcome` is read by browser tests and the bench (window.__dashboard.warmedUp).
 */
import { warmUp, type WarmUpOutcome } from '../../db/warmup'
import type { Db } from '../../db/types'
import { overviewStatements } from '../../queries/overviewView'

export const warmStats: { outcome: WarmUpOutcome | 'running' | null } = { outcome: null }

export interface WarmUpControl {
  /** Start it on `d` (once per page: not again after it ran or was stopped). */
  start(d: Db): void
  stop(): void
}

export function createWarmUp(enabled: boolean): WarmUpControl {
  let ctl: AbortController | null = null
  let tried = !enabled
  return {
    start(d) {
      if (tried) return
      tried = true
      const mine = new AbortController()
      ctl = mine
      warmStats.outcome = 'running'
      // The Overview's statements with the default filters: the first view a load draws
      void warmUp(d, { signal: mine.signal, statements: overviewStatements() })
        .then((o) => { warmStats.outcome = o })
        .finally(() => { if (ctl === mine) ctl = null })
    },
    stop() {
      ctl?.abort()
    },
  }
}
