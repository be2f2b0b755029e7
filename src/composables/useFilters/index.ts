/**
 * useFilters — the shared filters and the lists they choose from (loaded years and units). The single writer of
 * the filters: every change (the filters bar, a chart click, the URL, restored filters, a load) goes through
 * `setFilters` or `setKnown`, and values that the loaded data does not have are dropped in one place
 * (`pruneFilters`). The filters are saved for the next visit (src/persist) unless `persisting` is off (a replay of
 * saved bundles rewrites them on its way).
 */
import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { Filters } from '../../queries/types'
import type { UnitRow } from '../../queries/rows'
import { usePersistence } from '../../persist'
import { sharedState } from '../sharedState'
import { filtersFor, highlightOf, type ActivePick } from './selection'
import { pruneFilters } from './prune'

export {     type ActivePick } from './selection'
export { pruneFilters,   } from './prune'

export interface UseFiltersReturn {
  filters: Readonly<ShallowRef<Filters>>
  years: Readonly<ShallowRef<number[]>>
  units: Readonly<ShallowRef<UnitRow[]>>
  /** Unit codes (and drill unit) dropped by the last write because the loaded data does not have them. */
  dropped: Readonly<ShallowRef<string[]>>
  /** Saving the filters for the next visit (off while saved bundles are replayed). */
  persisting: Ref<boolean>
  /** Set the filters (unit codes the loaded data does not have are dropped; kept while nothing is loaded). */
  setFilters(f: Filters): void
  /** After a load or a clear: the loaded years and units; the filters lose what no longer exists. */
  setKnown(years: number[], units: UnitRow[]): void
  /** The selection as a figure sees it: without its own cross-filter clause. */
  forClient(clientId: string): Filters
  /** The pick to highlight on a figure (its own clause), if any. */
  highlight(clientId: string): ActivePick | null
}

function createFilters(): UseFiltersReturn {
  const persist = usePersistence()
  const filters = shallowRef<Filters>({})
  const years = shallowRef<number[]>([])
  const units = shallowRef<UnitRow[]>([])
  const dropped = shallowRef<string[]>([])
  const persisting = ref(true)

  function write(f: Filters, withYears: boolean): void {
    // Before anything is loaded, a link's units are kept: they are checked once the data is there.
    if (units.value.length === 0) { filters.value = { ...f }; return }
    const p = pruneFilters(f, { units: new Set(units.value.map((u) => u.unitCode)), years: withYears ? years.value : undefined })
    if (p.dropped.length) dropped.value = p.dropped
    filters.value = p.filters
  }

  function setKnown(y: number[], u: UnitRow[]): void {
    years.value = y
    units.value = u
    write(filters.value, true)
  }

  watch(filters, (now) => { if (persisting.value) persist.saveFilters(now) })

  return {
    filters, years, units, dropped, persisting,
    setFilters: (f) => write(f, false),
    setKnown,
    forClient: (id) => filtersFor(id, filters.value),
    highlight: (id) => highlightOf(id, filters.value),
  }
}

/** The app's one set of filters. */
export const useFilters = sharedState(createFilters)
