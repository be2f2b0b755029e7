/**
 * useQuery — a figure as a client of the coordinator (after Mosaic's clients): it declares its statement as a
 * function of the filters and receives rows. Every reactive value the builder reads (the filters, a basis, a prop,
 * a page) is tracked, as in a `computed` — nothing is listed by hand. The statement is asked for again when its
 * text or parameters change or the loaded data changes; only the newest answer is kept (an older, slower one is
 * discarded, and a statement nobody waits for any more is dropped before it runs: useCoordinator).
 *
 * `client`: the figure's id in the cross-filter selection — its own clause is left out (useFilters' forClient).
 */
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { queryKey } from '../../db/cache'
import type { Row } from '../../db/types'
import type { Filters, Query } from '../../queries/types'
import { StaleQuery, useCoordinator } from '../useCoordinator'
import { useFilters } from '../useFilters'

export interface UseQueryOptions {
  /** The figure's id: the selection it sees leaves its own cross-filter clause out. */
  client?: string
  /** The filters the statement is built with (default: the shared filters, or the client's view of them). */
  filters?: (shared: Filters) => Filters
}

export interface UseQueryReturn<T> {
  rows: ShallowRef<T[]>
  loading: Ref<boolean>
  error: ShallowRef<string | null>
  /** The statement asked for now (null: none, or nothing loaded). */
  query: Readonly<Ref<Query<T> | null>>
  refresh(): Promise<void>
}

/** Same rows, value by value (DuckDB's answers: numbers, text, null, lists, structs). */
function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  return a.length === b.length && a.every((r, i) => sameValue(r, b[i]))
}

const plain = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  // anything else but plain objects and arrays (a typed array, a class) is not looked into: not the same
  if (!plain(a) || !plain(b) || Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const o = b as Record<string, unknown>
  return ka.length === Object.keys(o).length && ka.every((k) => k in o && sameValue((a as Record<string, unknown>)[k], o[k]))
}

export function useQuery<T extends Row>(
  build: (filters: Filters) => Query<T> | null,
  options: UseQueryOptions = {},
): UseQueryReturn<T> {
  const coordinator = useCoordinator()
  const sel = useFilters()
  const rows = shallowRef<T[]>([])
  const loading = ref(false)
  const error = shallowRef<string | null>(null)
  const query = computed(() => {
    if (!coordinator.hasData.value) return null
    const shared = options.client ? sel.forClient(options.client) : sel.filters.value
    return build(options.filters ? options.filters(shared) : shared)
  })
  const key = computed(() => (query.value ? queryKey(query.value) : null))
  let generation = 0
  let asking: AbortController | null = null

  async function refresh(): Promise<void> {
    const q = query.value
    const my = ++generation
    asking?.abort() // the previous statement's answer is not wanted any more
    asking = null
    if (!q) { rows.value = []; loading.value = false; return }
    const ctl = new AbortController()
    asking = ctl
    loading.value = true
    try {
      const result = await coordinator.request(q, ctl.signal)
      if (my !== generation) return
      // an answer equal to the one shown keeps its rows: the figure's option is not built and drawn again (the live
      // engine answering what the saved answers painted, a filter undone)
      if (!sameRows(rows.value, result)) rows.value = result
      error.value = null
    } catch (e) {
      if (my !== generation || e instanceof StaleQuery) return
      error.value = e instanceof Error ? e.message : String(e)
      rows.value = []
    } finally {
      if (my === generation) { loading.value = false; if (asking === ctl) asking = null }
    }
  }

  watch([key, coordinator.version], () => void refresh(), { immediate: true })
  if (getCurrentScope()) onScopeDispose(() => { generation++; asking?.abort() })
  return { rows, loading, error, query, refresh }
}
