import { createApp, watch } from 'vue'
import './styles/element-plus.css'
import './styles/theme.css'
import App, { prefetchPanels } from './App.vue'
import { installElementPlus } from './element-plus'
import { i18n } from './i18n'
import { prefetchView, router } from './router'
import { useDashboard } from './composables/useDashboard'
import { useTestHooks } from './composables/useTestHooks'

// A saved briefing pack may hold the township map: its boundaries are registered again before it is drawn.
void import('./map/registry').then((m) => m.registerSaved()).catch(() => { /* drawn again from the map view */ })

const app = createApp(App)
app.use(i18n)
app.use(router)
// Element Plus' own texts follow the app language through <el-config-provider> in App.vue.
installElementPlus(app)

const dashboard = useDashboard()
// Test hooks (window.__dashboard): chart options as set, read-only SQL, idle, benchmark timings.
useTestHooks()

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
