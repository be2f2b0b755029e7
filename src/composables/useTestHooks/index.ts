/**
 * useTestHooks — `window.__dashboard`, the hooks browser tests and the benchmark use: chart options as set, where
 * a data item is drawn, read-only SQL, "every query answered" (idle), timings. Its API is a contract with
 * tests/browser and bench/: keep it unchanged. (useCrossFilter adds `chartClick`.)
 */
import { nextTick } from 'vue'
import { chartIds, chartPixel, drawnRows, exportTexts, getChartOption, showTips } from '../useChartRegistry'
import { useCoordinator } from '../useCoordinator'
import { useFilters } from '../useFilters'
import { useDashboard } from '../useDashboard'
import { reopenStats } from '../useDataLoad/reopen'
import { warmStats } from '../useDataLoad/warm'
import { loadStats } from '../../db/load'

export function useTestHooks(): DashboardTestApi {
  const dashboard = useDashboard()
  const coordinator = useCoordinator()
  const filters = useFilters()
  const hooks: DashboardTestApi = {
    getOption: getChartOption,
    query: (sql) => dashboard.query(sql),
    chartIds,
    idle: () => coordinator.idle(),
    // Where a data item is drawn (viewport px): browser tests click it with the real mouse.
    chartPixel,
    showTips,
    drawnRows,
    exportTexts,
    // How the data came back on this start-up, and CSV files read into DuckDB since the page opened (issue 19).
    restoredFrom: () => reopenStats.from,
    reopenMs: () => reopenStats.ms,
    csvFilesRead: () => loadStats.csvFiles,
    // The warm-up after start-up (src/db/warmup.ts): null before it starts, 'running', then how it ended.
    warmedUp: () => warmStats.outcome,
    // Benchmark hooks (bench/run.mjs): time a filter change until every figure's query has answered, and DuckDB's
    // bare read_csv of the same files in a fresh engine (the floor).
    // `cold`: the kept answers are forgotten first, so every query runs as for filters never seen before.
    async timeFilters(f, cold = false) {
      if (cold) coordinator.clear()
      const t0 = performance.now()
      filters.setFilters(f)
      await nextTick() // the figures' watchers ask for their statements
      await coordinator.idle()
      return performance.now() - t0
    },
    // View switch: route change → the view's root is there and every query of it has answered.
    async timeView(hash, testId) {
      coordinator.clear() // a view switch is timed as a first visit
      const t0 = performance.now()
      location.hash = hash
      await new Promise<void>((resolve) => {
        const check = (): void => { if (document.querySelector(`[data-testid="${testId}"]`)) resolve(); else requestAnimationFrame(check) }
        check()
      })
      await nextTick()
      await coordinator.idle()
      return performance.now() - t0
    },
    async benchFloor(urls) {
      const files = await Promise.all(urls.map(async (u, i) => ({ name: `f${i}`, bytes: new Uint8Array(await (await fetch(u)).arrayBuffer()) })))
      const [{ startDuckDb }, { readCsvFloor }] = await Promise.all([import('../../db/duckdb-browser'), import('../../db/floor')])
      const db = await startDuckDb()
      try { return await readCsvFloor(db, files) } finally { await db.close() }
    },
  }
  if (typeof window !== 'undefined') window.__dashboard = hooks
  return hooks
}
