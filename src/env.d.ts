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
  /** 'database': the saved database was reopened; 'replay': the saved CSV files were loaded again; 'sample': the sample as shipped pre-built; null: none of these. */
  restoredFrom(): 'database' | 'replay' | 'sample' | null
  /** How long reopening the saved database (or the shipped sample) took, from reading it to its tables checked (ms). */
  reopenMs(): number
  /** The user's CSV files handed to DuckDB's read_csv since the page opened (not the warm-up's). */
  csvFilesRead(): number
  /** The warm-up after start-up (src/db/warmup.ts): null before it starts, 'running', then how it ended. */
  warmedUp(): 'done' | 'skipped' | 'stopped' | 'failed' | 'running' | null
  /** Resolves when every query of the dashboard and the views has answered and a frame is drawn. */
  idle(): Promise<void>
  /** Bench: apply filters, resolve when every chart query of the view has answered (ms). */
  timeFilters(f: import('./queries/types').Filters, cold?: boolean): Promise<number>
  timeView(hash: string, testId: string): Promise<number>
  /** Bench: DuckDB's bare read_csv of these same-origin URLs in a fresh engine (ms). */
  benchFloor(urls: string[]): Promise<number>
}

interface Window {
  __dashboard?: DashboardTestApi
}
