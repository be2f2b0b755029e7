/**
 * useUrlState — the view and the shared filters live in the URL (hash history query), so a copied
 * link reopens the same view with the same filters once the same bundle is loaded:
 *   #/applications?years=2020-2023&unit=0101&unit=0102&level=县&drill=0101&panel=1&pick=active-bars
 * (`panel`: same units in every year; `pick`: the chart whose click set the unit/year, see useCrossFilter)
 * Filters → URL with router.replace (no history entry per filter change); URL → filters when the
 * query changes (a pasted link, back/forward). Moving between views keeps the filter keys.
 * Units of the link that are not (yet) known are kept until data is loaded, then dropped (by useFilters, the
 * filters' single writer) with a note.
 * Other query keys (e.g. `nosample`, read by useDashboard/sample.ts) are left alone.
 */
import { ref, watch, type Ref } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw, type Router } from 'vue-router'
import { useFilters } from '../useFilters'
import { useCoordinator } from '../useCoordinator'
import type { Filters } from '../../queries/types'

/** Query keys owned by the URL state. */
export const URL_KEYS = ['years', 'unit', 'level', 'drill', 'panel', 'pick'] as const

const first = (v: LocationQuery[string] | undefined): string | undefined => {
  const x = Array.isArray(v) ? v[0] : v
  return x == null || x === '' ? undefined : x
}
const all = (v: LocationQuery[string] | undefined): string[] =>
  (Array.isArray(v) ? v : v == null ? [] : [v]).filter((x): x is string => x != null && x !== '')

const year = (s: string | undefined): number | undefined => {
  if (!s || !/^\d{4}$/.test(s.trim())) return undefined
  return Number(s.trim())
}

/** Filters of a route query (unknown keys ignored; malformed values dropped). */
export function filtersFromQuery(q: LocationQuery): Filters {
  const f: Filters = {}
  const ys = first(q.years)
  if (ys) {
    const [a, b] = ys.includes('-') ? ys.split('-', 2) : [ys, ys]
    const from = year(a)
    const to = year(b)
    if (from != null) f.yearFrom = from
    if (to != null) f.yearTo = to
    if (f.yearFrom != null && f.yearTo != null && f.yearFrom > f.yearTo) [f.yearFrom, f.yearTo] = [f.yearTo, f.yearFrom]
  }
  const units = [...new Set(all(q.unit))]
  if (units.length) f.unitCodes = units
  const level = first(q.level)
  if (level) f.level = level
  const drill = first(q.drill)
  if (drill) f.drill = drill
  if (first(q.panel) === '1') f.panel = true
  const pick = first(q.pick)
  if (pick && /^[a-z0-9_-]{1,60}$/.test(pick)) f.pick = pick
  return f
}

/** The query keys of filters (absent keys = no restriction). */
export function queryFromFilters(f: Filters): Record<(typeof URL_KEYS)[number], string | string[] | undefined> {
  const years = f.yearFrom != null || f.yearTo != null ? `${f.yearFrom ?? ''}-${f.yearTo ?? ''}` : undefined
  return {
    years,
    unit: f.unitCodes && f.unitCodes.length ? [...f.unitCodes] : undefined,
    level: f.level || undefined,
    drill: f.drill || undefined,
    panel: f.panel ? '1' : undefined,
    pick: f.pick || undefined,
  }
}

/** `q` with its filter keys replaced by those of `f` (other keys kept, in order). */
export function mergeQuery(q: LocationQuery, f: Filters): LocationQueryRaw {
  const out: LocationQueryRaw = {}
  for (const [k, v] of Object.entries(q)) if (!(URL_KEYS as readonly string[]).includes(k)) out[k] = v
  for (const [k, v] of Object.entries(queryFromFilters(f))) if (v !== undefined) out[k] = v
  return out
}

/** Canonical text of filters (to compare two without caring about key order or undefined). */
export function filtersKey(f: Filters): string {
  return JSON.stringify(queryFromFilters(f))
}

/** Keys a nav link carries to the next view: the filters and the basis of the by-unit figures. */
const CARRIED = [...URL_KEYS, 'basis'] as const
const hasOwnKeys = (q: LocationQuery): boolean => CARRIED.some((k) => q[k] != null)

export interface UseUrlStateReturn {
  /** Unit codes of the link that the loaded data does not have (dropped); shown as a note. */
  droppedUnits: Ref<string[]>
  /** Resolves once the URL has been read (after the router's first navigation). */
  ready: Promise<void>
}

let shared: UseUrlStateReturn | null = null

/** Keep filter keys when moving to another view (a nav link has no query). */
function installCarry(router: Router): void {
  router.beforeEach((to, from) => {
    if (to.path !== from.path && !hasOwnKeys(to.query) && hasOwnKeys(from.query)) {
      const carried: LocationQueryRaw = { ...to.query }
      for (const k of [...CARRIED, 'nosample']) if (from.query[k] != null && to.query[k] == null) carried[k] = from.query[k]
      return { path: to.path, params: to.params, query: carried, hash: to.hash, replace: false }
    }
    return true
  })
}

/** Sync the route query and the shared filters both ways (call once, in the app shell). */
export function useUrlState(): UseUrlStateReturn {
  if (shared) return shared
  const router = useRouter()
  const route = useRoute()
  const sel = useFilters()
  const coordinator = useCoordinator()
  const droppedUnits = ref<string[]>([])
  /** Units and drill unit asked for by the link, checked when data is loaded. */
  let pending: string[] = []

  installCarry(router)

  const ready = router.isReady().then(() => {
    // URL → filters (first read, then on every query change: pasted links, back/forward)
    watch(() => route.query, (q) => {
      const f = filtersFromQuery(q)
      if (filtersKey(f) === filtersKey(sel.filters.value)) return
      pending = [...(f.unitCodes ?? []), ...(f.drill ? [f.drill] : [])]
      sel.setFilters(f)
      noteDropped()
    }, { immediate: true })

    // filters → URL (replace: a filter change is not a history step)
    watch(sel.filters, (f) => {
      const q = route.query
      if (filtersKey(filtersFromQuery(q)) === filtersKey(f)) return
      void router.replace({ path: route.path, query: mergeQuery(q, f), hash: route.hash })
    })

    // Data loaded: the link's units that do not exist were dropped from the filters; say which.
    watch(coordinator.version, () => noteDropped())
  })

  /** The note only: useFilters drops unknown units whenever it writes the filters. */
  function noteDropped(): void {
    const units = sel.units.value
    if (!pending.length || units.length === 0 || !coordinator.hasData.value) return
    const known = new Set(units.map((u) => u.unitCode))
    const unknown = pending.filter((c) => !known.has(c))
    pending = []
    if (unknown.length) droppedUnits.value = unknown
  }

  shared = { droppedUnits, ready }
  return shared
}
