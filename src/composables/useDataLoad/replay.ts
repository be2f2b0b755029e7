/**
 * Start-up from the saved data: the database kept after the last load is reopened (./reopen.ts); when it cannot be
 * (none, stale, damaged), the saved bundles are loaded again in load order and the database is kept again. Bad saved
 * bundles were removed and named by persist.restore(); one that fails to load is named in a notice (and kept saved),
 * the others still load. The filters of the last visit come back unless the link brought its own.
 */
import { bundleFiles, type Persistence } from '../../persist'
import type { SourceFile } from '../../ingest/types'
import type { UseFiltersReturn } from '../useFilters'

export interface ReplayDeps {
  persist: Persistence
  filters: UseFiltersReturn
  load(files: SourceFile[]): Promise<void>
  /** The error of the load just made, taken (cleared); null when it loaded. */
  failed(): string | null
  /** Replaying: replays are not saved again, and the filters they rewrite on the way are not saved either. */
  restoring(on: boolean): void
  /** Reopen the saved database; false → the CSV files are replayed. */
  reopen(): Promise<boolean>
  /** After a replay: keep the database for the next reload. */
  keep(): void
}

/** False when nothing is saved. */
export async function replaySaved(d: ReplayDeps): Promise<boolean> {
  const saved = await d.persist.restore({ bytes: false }) // the CSV bytes are read only if a replay needs them
  if (saved.length === 0) return false
  const last = d.persist.loadFilters() // read first: the loads below rewrite the filters
  d.restoring(true)
  let replayed = false
  try {
    if (!(await d.reopen())) {
      replayed = true
      for (const b of saved) {
        let files: SourceFile[]
        try { files = await bundleFiles(b) } catch (e) { d.persist.replayFailed(b, e instanceof Error ? e.message : String(e)); continue }
        await d.load(files)
        const why = d.failed()
        if (why != null) d.persist.replayFailed(b, why)
      }
    }
  } finally {
    d.restoring(false)
  }
  if (replayed) d.keep()
  // The URL's filters (if any) are already set; otherwise the last ones (units that no longer exist are dropped).
  if (Object.values(d.filters.filters.value).every((v) => v == null) && Object.keys(last).length) d.filters.setFilters(last)
  return true
}
