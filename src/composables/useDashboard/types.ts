import type { ShallowRef, Ref, ComputedRef } from 'vue'
import type { Row } from '../../db/types'
import type { UserSqlOptions } from '../../db/user-sql'
import type { LoadSummary } from '../../db/load'
import type { Severity } from '../../domain/rules'
import type { ProgressStage, SourceFile } from '../../ingest/types'
import type { Filters, Query } from '../../queries/types'
import type { UnitRow } from '../../queries/rows'

export type DashboardState = 'loading' | 'ready' | 'error'

/** Ingest/load stages plus the two the dashboard adds around them. */
type LoadStage = ProgressStage | 'starting' | 'fetching' | 'loading'
export interface LoadProgress { stage: LoadStage; done: number; total: number; detail?: string }

/** A finding as listed in the UI (plain text only; rendered as text, never HTML). */
export interface FindingItem {
  rule: string
  severity: Severity
  unitCode: string | null
  unitName: string | null
  year: number | null
  /** "path 第 n 行 列" when located. */
  file: string | null
  line: number | null
  column: string | null
  /** Structured columns the message is rendered from in other languages (src/components/quality/findingText.ts). */
  table?: string | null
  cells?: string | null
  left?: number | null
  right?: number | null
  raw?: string | null
  message: string
}

/** A second bundle replaces what is loaded or is added to it. */
export type LoadMode = 'replace' | 'add'

/** A file of a load that was not loaded, and why (rule: the ingest rule that refused it, if any). */
export interface RejectedFile { path: string; reason: string; rule?: string; line?: number | null }

export interface DashboardError {
  /** i18n key + params, so the message follows the language switch. */
  key: string
  params?: Record<string, unknown>
}

/** What may be picked or dropped: the browser-files adapter turns it into SourceFile[]. */
export type PickedFiles = FileList | File[] | DataTransfer


/**
 * The stores together, for the components written before the split (each member comes from one store:
 * useDataLoad, useFilters, useFindings, useCoordinator).
 */
export interface UseDashboardReturn {
  state: ComputedRef<DashboardState>
  error: ShallowRef<DashboardError | null>
  progress: ShallowRef<LoadProgress | null>
  /** Whether a load runs that cancelLoad() can stop. */
  cancellable: ComputedRef<boolean>
  /** The last load was cancelled (the data loaded before it is unchanged). */
  cancelled: Ref<boolean>
  cancelLoad(): void
  /** A loaded bundle is still being saved to the browser's storage (the data is already usable). */
  saving: ComputedRef<boolean>
  /** True while figures' queries run (charts may be one step behind). */
  querying: ComputedRef<boolean>
  summary: ShallowRef<LoadSummary | null>
  /** Findings of the ingest step (file level), kept for the session; DB findings are counted in summary. */
  ingestFindings: ShallowRef<FindingItem[]>
  /** The first findings (ingest + DB, errors first), at most FINDINGS_SHOWN. */
  findings: ComputedRef<FindingItem[]>
  /** All findings: DB count + ingest count. */
  findingsTotal: ComputedRef<number>
  skipped: ShallowRef<{ path: string; reason: string }[]>
  /** Files of the last load that were not loaded (skipped, unreadable, not a table): a notice, not findings. */
  rejected: ShallowRef<RejectedFile[]>
  /** Whether what is loaded is (only) the sample bundle. */
  isSample: Ref<boolean>
  filters: Readonly<ShallowRef<Filters>>
  years: Readonly<ShallowRef<number[]>>
  units: Readonly<ShallowRef<UnitRow[]>>
  /** Bumped after every load or clear; figures ask again on it. */
  dataVersion: Ref<number>
  /** Run a query builder's statement through the coordinator (answers kept until the data changes). */
  runBuilt<T extends Row>(q: Query<T>): Promise<T[]>
  /** Forget the kept answers (the benchmark times filter changes with and without them). */
  clearQueryCache(): void
  /** Resolves when no figure's query runs and a frame is drawn (benchmarks, tests). */
  idle(): Promise<void>
  /** Start DuckDB once and (first visit) load the sample. Idempotent. */
  start(): Promise<void>
  /** `mode`: replace what is loaded or add to it (default add); may be a pending answer (null = do not load). */
  loadPicked(input: PickedFiles, mode?: LoadMode | Promise<LoadMode | null>): Promise<void>
  loadSources(files: SourceFile[], opts?: { sample?: boolean; replace?: boolean; skipped?: { path: string; reason: string }[] }): Promise<void>
  loadSample(): Promise<void>
  clear(): Promise<void>
  retry(): Promise<void>
  setFilters(f: Filters): void
  /** User SQL (SQL console, window.__dashboard.query): one SELECT, read-only by construction; refusals throw SqlRefused. */
  query(sql: string, opts?: UserSqlOptions): Promise<Row[]>
}
