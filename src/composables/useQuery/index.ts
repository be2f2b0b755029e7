/**
 * useQuery — a small query client (after Mosaic's): a view declares the statement it needs as a
 * function of the shared filters; the statement re-runs when the filters or the loaded data
 * change, and only the newest result is kept (a slow, stale answer never overwrites a newer one).
 */
import { ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'
import type { Row } from '../../db/types'
import type { Filters, Query } from '../../queries/types'
import { useDashboard } from '../useDashboard'

export interface UseQueryOptions {
  /** Extra reactive inputs of the builder (e.g. a drill level or a selected unit). */
  deps?: WatchSource[]
  /**
   * The filters the statement is built with (default: the shared filters), e.g. the shared filters without the
   * cross-filter pick on the chart it was made on (useCrossFilter's filtersFor).
   */
  filters?: (shared: Filters) => Filters
}

export interface UseQueryReturn<T> {
  rows: ShallowRef<T[]>
  loading: Ref<boolean>
  error: ShallowRef<string | null>
  refresh(): Promise<void>
}

export function useQuery<T extends Row>(
  build: (filters: Filters) => Query<T> | null,
  options: UseQueryOptions = {},
): UseQueryReturn<T> {
  const dash = useDashboard()
  const rows = shallowRef<T[]>([])
  const loading = ref(false)
  const error = shallowRef<string | null>(null)
  let generation = 0

  async function refresh(): Promise<void> {
    const q = build(options.filters ? options.filters(dash.filters.value) : dash.filters.value)
    const my = ++generation
    if (!q || dash.summary.value == null) { rows.value = []; return }
    loading.value = true
    try {
      const result = await dash.runBuilt(q)
      if (my !== generation) return
      rows.value = result
      error.value = null
    } catch (e) {
      if (my !== generation) return
      error.value = e instanceof Error ? e.message : String(e)
      rows.value = []
    } finally {
      if (my === generation) loading.value = false
    }
  }

  watch([dash.filters, dash.dataVersion, ...(options.deps ?? [])], () => void refresh(), { immediate: true })
  return { rows, loading, error, refresh }
}
