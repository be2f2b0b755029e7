import { createApp, nextTick, watch } from 'vue'
import './styles/element-plus.css'
import './styles/theme.css'
import App, { prefetchPanels } from './App.vue'
import { installElementPlus } from './element-plus'
import { i18n } from './i18n'
import { prefetchView, router } from './router'
import { useDashboard } from './composables/useDashboard'
import { chartIds, chartPixel, exportTexts, getChartOption } from './composables/useChartRegistry'

// A saved briefing pack may hold the township map: its boundaries are registered again before it is drawn.
void import('./map/registry').then((m) => m.registerSaved()).catch(() => { /* drawn again from the map view */ })

const app = createApp(App)
app.use(i18n)
app.use(router)
// Element Plus' own texts follow the app language through <el-config-provider> in App.vue.
installElementPlus(app)

// Test hooks: chart options as set, and read-only SQL.
const dashboard = useDashboard()
window.__dashboard = {
  getOption: getChartOption,
  query: (sql) => dashboard.query(sql),
  chartIds,
  idle: () => dashboard.idle(),
  // Where a data item is drawn (viewport px): browser tests click it with the real mouse.
  chartPixel,
  exportTexts,
  // Benchmark hooks (bench/run.mjs): time a filter change until every chart query has answered,
  // and DuckDB's bare read_csv of the same files in a fresh engine (the floor).
  // `cold`: the query cache is emptied first, so every query runs as for filters never seen before.
  async timeFilters(f, cold = false) {
    if (cold) dashboard.clearQueryCache()
    const t0 = performance.now()
    dashboard.setFilters(f)
    // refresh() marks these filters as refreshed before its first await, so the filters' watcher
    // does not run the same queries again; the views' own queries start on the next tick.
    const overview = dashboard.refresh()
    await nextTick()
    await overview
    await dashboard.idle()
    return performance.now() - t0
  },
  // View switch: route change → the view's root is there and every query of it has answered.
  async timeView(hash, testId) {
    dashboard.clearQueryCache() // a view switch is timed as a first visit
    const t0 = performance.now()
    location.hash = hash
    await new Promise<void>((resolve) => {
      const check = (): void => { if (document.querySelector(`[data-testid="${testId}"]`)) resolve(); else requestAnimationFrame(check) }
      check()
    })
    await nextTick()
    await dashboard.idle()
    return performance.now() - t0
  },
  async benchFloor(urls) {
    const files = await Promise.all(urls.map(async (u, i) => ({ name: `f${i}`, bytes: new Uint8Array(await (await fetch(u)).arrayBuffer()) })))
    const [{ startDuckDb }, { readCsvFloor }] = await Promise.all([import('./db/duckdb-browser'), import('./db/floor')])
    const db = await startDuckDb()
    try { return await readCsvFloor(db, files) } finally { await db.close() }
  },
}

document.documentElement.lang = i18n.global.locale.value
app.mount('#app')

// DuckDB starts once the shell has painted (its state shows as "loading" meanwhile): it used to start during
// the first render, and its chunk, worker and ~35 MB wasm competed with the shell for the two cores.
function afterShellPainted(fn: () => void): void {
  const go = (): void => { requestAnimationFrame(() => setTimeout(fn, 0)) }
  if (document.readyState === 'complete') go()
  else addEventListener('load', go, { once: true })
}
afterShellPainted(() => void dashboard.start())

// The current view's chunk (ECharts included) and the data panels are fetched once DuckDB is up — data can only
// arrive from then on — rather than during start-up (src/router.ts, App.vue).
const stopPrefetch = watch(() => dashboard.progress.value?.stage === 'starting', (starting) => {
  if (starting) return
  stopPrefetch()
  prefetchView(router.currentRoute.value.name)
  prefetchPanels()
})
