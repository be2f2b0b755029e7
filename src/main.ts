import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { useDashboard } from './composables/useDashboard'
import { chartIds, getChartOption } from './composables/useChartRegistry'

const app = createApp(App)
app.use(i18n)
app.use(router)
// Element Plus' own texts follow the app language through <el-config-provider> in App.vue.
app.use(ElementPlus)

// Test hooks: chart options as set, and read-only SQL.
const dashboard = useDashboard()
window.__dashboard = {
  getOption: getChartOption,
  query: (sql) => dashboard.query(sql),
  chartIds,
}

document.documentElement.lang = i18n.global.locale.value
app.mount('#app')
void dashboard.start()
