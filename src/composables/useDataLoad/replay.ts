/**
 * Persistence replay at start-up: the saved bundles are loaded again in load order. Bad saved bundles were removed
 * and named by persist.restore(); one that fails to load is named in a notice (and kept saved), the others still
 * load. The filters of the last visit come back unless the link brought its own.
 */
import type { Persistence } from '../../persist'
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
}

/** False when nothing is saved. */
export async function replaySaved(d: ReplayDeps): Promise<boolean> {
  const saved = await d.persist.restore()
  if (saved.length === 0) return false
  const last = d.persist.loadFilters() // read first: the loads below rewrite the filters
  d.restoring(true)
  try {
    for (const b of saved) {
      await d.load(b.files)
      const why = d.failed()
      if (why != null) d.persist.replayFailed(b, why)
    }
  } finally {
    d.restoring(false)
  }
  // The URL's filters (if any) are already set; otherwise the last ones (units that no longer exist are dropped).
  if (Object.values(d.filters.filters.value).every((v) => v == null) && Object.keys(last).length) d.filters.setFilters(last)
  return true
}
