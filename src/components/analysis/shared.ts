/** Small helpers shared by the analysis views (Vue glue only). */
import { computed, watch, type ComputedRef, type ShallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { INDICATOR_BY_KEY } from '../../domain/indicators'
import { useDashboard } from '../../composables/useDashboard'
import { useQuery, type UseQueryOptions } from '../../composables/useQuery'
import type { Row } from '../../db/types'
import type { Filters, Query } from '../../queries/types'
import { useFilters, type ActivePick } from '../../composables/useFilters'
import { VISIBLE_ROWS, rowsHeight as barRowsHeight, screenHeight } from '../../charts/byUnit'

/** "数据来源：…（年度 from–to）" for exports, from the filters or the loaded years. */
export function useSource(): ComputedRef<string> {
  const { t } = useI18n()
  const dash = useDashboard()
  return computed(() => {
    const ys = dash.years.value
    const f = dash.filters.value
    return t('charts.source', { from: f.yearFrom ?? ys[0] ?? '', to: f.yearTo ?? ys[ys.length - 1] ?? '' })
  })
}

/** Name and definition of an indicator of src/domain/indicators.ts in the current language. */
export function useIndicator(): (key: string) => { name: string; def: string } {
  const { locale } = useI18n()
  return (key) => {
    const d = INDICATOR_BY_KEY[key]
    if (!d) return { name: key, def: '' }
    return locale.value === 'en' ? { name: d.en, def: `${d.en}: ${d.defEn}` } : { name: d.zh, def: `${d.zh}：${d.defZh}` }
  }
}

/** Opens the unit profile when a chart click names a unit. */
export function useUnitLink(): (sel: { unitCode?: string }) => void {
  const router = useRouter()
  return (sel) => { if (sel.unitCode) void router.push({ name: 'unit', params: { code: sel.unitCode } }) }
}

/** Chart height for n horizontal bars (capped; taller lists scroll: src/charts/rowWindow.ts). */
export const rowsHeight = (n: number): number => Math.min(Math.max(240, barRowsHeight([], Math.min(n, VISIBLE_ROWS), 80)), 820)

/**
 * useQuery for builders whose row types are interfaces (Row is an index-signature type). A failed query empties its
 * figure and says so (one message for identical failures), so a figure never silently shows nothing.
 */
export function useRows<T>(build: (f: Filters) => Query<T> | null, options?: UseQueryOptions): ShallowRef<T[]> {
  const { t } = useI18n()
  const q = useQuery(build as unknown as (f: Filters) => Query<Row> | null, options)
  watch(q.error, (msg) => {
    if (!msg) return
    console.error(msg)
    ElMessage.error({ message: t('errors.query', { msg }), grouping: true, duration: 8000 })
  })
  return q.rows as unknown as ShallowRef<T[]>
}

/**
 * The rows of one chart, a client of the cross-filter selection: built with the shared filters — except on the
 * chart a pick was made on, which keeps its other bars (its own clause is left out) — and the pick to highlight.
 */
export function useChartRows<T>(chartId: string, build: (f: Filters) => Query<T> | null, options: UseQueryOptions = {}): {
  rows: ShallowRef<T[]>; highlight: ComputedRef<ActivePick | null>
} {
  const sel = useFilters()
  const rows = useRows(build, { ...options, client: chartId })
  return { rows, highlight: computed(() => sel.highlight(chartId)) }
}

/** Chart height for the rows of a by-unit figure (the rows shown at once; more scroll, exports show all). */
export const unitRowsHeight = (labels: readonly string[], chrome = 90): number => screenHeight(labels, chrome)
