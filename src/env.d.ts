/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** Test hooks (browser tests read chart options and query the database read-only). */
interface DashboardTestApi {
  getOption(chartId: string): unknown
  query(sql: string): Promise<Record<string, unknown>[]>
  chartIds(): string[]
}

interface Window {
  __dashboard?: DashboardTestApi
}
