import { createApp, nextTick } from 'vue'
import 'element-plus/dist/index.css'
import './styles/theme.css'
import App from './App.vue'
import { installElementPlus } from './element-plus'
import { i18n } from './i18n'
import { router } from './router'
import { useDashboard } from './composables/useDashboard'
import { chartIds, chartPixel, getChartOption } from './composables/useChartRegistry'

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
  // Benchmark hooks (bench/run.mjs): time a filter change until every chart query has answered,
  // and DuckDB's bare read_csv of the same files in a fresh engine (the floor).
  async timeFilters(f) {
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
void dashboard.start()
