import type { ComputedRef, Ref, ShallowRef } from 'vue'
import type { UseEngineOptions } from '../useEngine'
import type { LoadSummary } from '../../db/load'
import type { Painted } from './paint'
import type { PublishedLayer } from './layer'

export type { PublishedLayer }
import type { SourceFile } from '../../ingest/types'
import type { DashboardError, DashboardState, LoadMode, LoadProgress, PickedFiles, RejectedFile } from '../useDashboard/types'

export interface UseDataLoadOptions {
  /** Start DuckDB (default: the browser worker, loaded lazily): passed on to useEngine. */
  startDb?: UseEngineOptions['startDb']
  /** Files of the sample bundle (default: data/sample/**\/*.csv fetched from this origin). */
  sampleFiles?: () => Promise<SourceFile[]>
  /** Load the sample on first visit when nothing is loaded (default: unless `?nosample`). */
  autoSample?: boolean
}

export type CancelOutcome = false | 'cancelled' | 'late'

export interface LoadOpts { sample?: boolean; replace?: boolean; skipped?: { path: string; reason: string }[] }

export interface UseDataLoadReturn {
  state: ComputedRef<DashboardState>
  error: ShallowRef<DashboardError | null>
  progress: ShallowRef<LoadProgress | null>
  /** Whether a load runs that cancelLoad() can stop. */
  cancellable: ComputedRef<boolean>
  /**
   * The last load was cancelled (the data loaded before it is unchanged), or 'late': cancel was asked while its data
   * was being committed, so it was loaded all the same (said, never silently ignored).
   */
  cancelled: Ref<CancelOutcome>
  /** Stop the running load at its next checkpoint; what was loaded before stays. */
  cancelLoad(): void
  /** A loaded bundle is still being saved to the browser's storage (the data is already usable). */
  saving: ComputedRef<boolean>
  summary: ShallowRef<LoadSummary | null>
  skipped: ShallowRef<{ path: string; reason: string }[]>
  /** Files of the last load that were not loaded (skipped, unreadable, not a table): a notice, not findings. */
  rejected: ShallowRef<RejectedFile[]>
  /** What the figures show: nothing, answers saved for this data while DuckDB starts (issue 19), or the live data. */
  painted: Readonly<Ref<Painted>>
  /**
   * The figures of the data loaded now have answered (issue 19: set once a load's phase 1 committed and the figures
   * on screen were drawn, before its checks end; false from the start of a load until then).
   */
  charted: Readonly<Ref<boolean>>
  /** The published file the data was built on (a bundle added over it), with what came from where; null: none. */
  layer: Readonly<ShallowRef<PublishedLayer | null>>
  /** Whether what is loaded is (only) the sample bundle. */
  isSample: Ref<boolean>
  /** Start DuckDB once, then the data already there, the saved bundles, or (first visit) the sample. Idempotent. */
  start(): Promise<void>
  /** `mode`: replace what is loaded or add to it (default add); may be a pending answer (null = do not load). */
  loadPicked(input: PickedFiles, mode?: LoadMode | Promise<LoadMode | null>): Promise<void>
  loadSources(files: SourceFile[], opts?: LoadOpts): Promise<void>
  loadSample(): Promise<void>
  clear(): Promise<void>
  retry(): Promise<void>
  /** Open a database file from the user's disk (written by npm run summarise) as the data, read-only. */
  openFile(file: File): Promise<void>
  /** The file opened from disk before a reload (it must be picked again: a browser keeps no access to it). */
  forgottenFile: Ref<string | null>
  /** The notice about it is dismissed. */
  forgetFile(): void
}
