/**
 * useCrossFilter — chart clicks become shared filters: a bar of a unit restricts every view to
 * that unit (and its units below), a heatmap cell (unit × year) to that unit and year, a bar of a
 * year to that year. ChartPanel forwards every ECharts click here (`notifyChartClick`); views
 * register a mapper for their heatmaps; any other chart's data items carry their `unitCode` (and `year`).
 * The usual semantics: the clicked chart keeps its other bars and highlights the pick (`filtersFor`,
 * `highlightOf`; the chart is kept as `pick` in the filters and the URL), the other charts filter.
 * The filter shows in the active-filter list (marked as coming from a chart, with a link to the unit
 * profile) and is removed there like any other.
 *
 * The same on every view: a plain click filters; a Ctrl/⌘-click on a unit opens its profile
 * (/unit/:code) instead.
 */
import { shallowRef, type ShallowRef } from 'vue'
import { useRouter } from 'vue-router'
import { getChartOption } from '../useChartRegistry'
import { useFilters } from '../useFilters'
import { pickKind } from '../useFilters/selection'
import type { Filters } from '../../queries/types'

/** What ECharts hands a click listener (the fields used here). */
export interface ChartClickParams {
  componentType?: string
  seriesType?: string
  seriesId?: string
  seriesName?: string
  seriesIndex?: number
  dataIndex?: number
  name?: string
  value?: unknown
  data?: unknown
  /** zrender's event; `event.event` is the DOM event (modifier keys). */
  event?: { event?: { ctrlKey?: boolean; metaKey?: boolean } }
}

/** A filter picked on a chart: a unit, a year, or both. */
export interface CrossPick { unitCode?: string; year?: number }

/** Maps a click on a chart to a pick (null = the click does not filter). */
export type CrossMapper = (p: ChartClickParams) => CrossPick | null

declare global {
  interface DashboardTestApi {
    /** Dispatch a chart click (the same path as an ECharts click event) — for browser tests. */
    chartClick?(chartId: string, params: ChartClickParams): boolean
  }
}

const mappers = new Map<string, CrossMapper>()
/** The last pick made on a chart (the filter list marks it). */
const lastPick: ShallowRef<(CrossPick & { chartId: string }) | null> = shallowRef(null)

/** Register the click mapping of a chart id (views with their own charts). */
export function registerCrossFilter(chartId: string, mapper: CrossMapper): () => void {
  mappers.set(chartId, mapper)
  return () => { if (mappers.get(chartId) === mapper) mappers.delete(chartId) }
}

export { activePick,    } from '../useFilters/selection'

const yearOf = (v: unknown): number | undefined => {
  const m = /(\d{4})/.exec(String(v ?? ''))
  return m ? Number(m[1]) : undefined
}

/** Any chart: a data item naming its unit (bars by unit) and/or its year (by-year charts of the overview). */
const byItem: CrossMapper = (p) => {
  const d = p.data as { unitCode?: unknown; year?: unknown } | null | undefined
  if (!d || typeof d !== 'object') return null
  const unitCode = typeof d.unitCode === 'string' && d.unitCode ? d.unitCode : undefined
  const year = typeof d.year === 'number' ? d.year : undefined
  return unitCode || year != null ? { unitCode, year } : null
}

/** Heatmap cells ([x, y, v] on the chart's own axes): the view registers the unit of each row label. */
export function heatmapMapper(chartId: string, unitOfLabel: () => ReadonlyMap<string, string>): CrossMapper {
  return (p) => {
    const v = (Array.isArray(p.value) ? p.value : Array.isArray(p.data) ? p.data : null) as unknown[] | null
    if (!v) return null
    const years = axisData(chartId, 'xAxis')
    const units = axisData(chartId, 'yAxis')
    const code = unitOfLabel().get(units[Number(v[1])] ?? '')
    const year = yearOf(years[Number(v[0])])
    return code ? { unitCode: code, year } : null
  }
}

function axisData(chartId: string, axis: 'xAxis' | 'yAxis'): string[] {
  const o = getChartOption(chartId) as Record<string, unknown> | null
  const a = o?.[axis]
  const first = (Array.isArray(a) ? a[0] : a) as { data?: unknown[] } | undefined
  return (first?.data ?? []).map((d) => (typeof d === 'object' && d && 'value' in d ? String((d as { value: unknown }).value) : String(d)))
}

/** The filters after a pick: the unit replaces the unit selection, the year sets the range; `chartId` is kept as `pick`. */
export function applyPick(f: Filters, pick: CrossPick, chartId?: string): Filters {
  const next: Filters = { ...f }
  if (pick.unitCode) next.unitCodes = [pick.unitCode]
  if (pick.year != null) { next.yearFrom = pick.year; next.yearTo = pick.year }
  if (chartId) next.pick = chartId
  return next
}

/** The pick a click on a chart stands for (null = the click names no unit or year). */
export function resolvePick(chartId: string, params: ChartClickParams): CrossPick | null {
  const own = mappers.get(chartId)
  const raw = (own ?? byItem)(params)
  if (!raw) return null
  if (own) return raw.unitCode != null || raw.year != null ? raw : null
  // from a data item: only what this chart picks (a year on a unit chart's item is not a year filter)
  const kind = pickKind(chartId)
  const pick: CrossPick = { ...(kind !== 'year' && raw.unitCode ? { unitCode: raw.unitCode } : {}), ...(kind !== 'unit' && raw.year != null ? { year: raw.year } : {}) }
  return pick.unitCode != null || pick.year != null ? pick : null
}

/** Opens the unit profile (set by useCrossFilter() in the app shell, which has the router). */
let openProfile: ((code: string) => void) | null = null

const wantsProfile = (p: ChartClickParams): boolean => !!(p.event?.event?.ctrlKey || p.event?.event?.metaKey)

/**
 * Called by ChartPanel for every click on a chart; true when it filtered (or, on a Ctrl/⌘-click
 * on a unit, opened the unit profile).
 */
export function notifyChartClick(chartId: string, params: ChartClickParams): boolean {
  const pick = resolvePick(chartId, params)
  if (!pick) return false
  if (wantsProfile(params) && pick.unitCode && openProfile) {
    openProfile(pick.unitCode)
    return true
  }
  const sel = useFilters()
  lastPick.value = { ...pick, chartId }
  sel.setFilters(applyPick(sel.filters.value, pick, chartId))
  return true
}

export interface UseCrossFilterReturn {
  lastPick: ShallowRef<(CrossPick & { chartId: string }) | null>
  onChartClick: typeof notifyChartClick
  registerCrossFilter: typeof registerCrossFilter
}

/** Call in a component's setup (the app shell first: it wires the unit-profile link to the router). */
export function useCrossFilter(): UseCrossFilterReturn {
  if (!openProfile) {
    const router = useRouter()
    if (router) openProfile = (code) => { void router.push({ name: 'unit', params: { code } }) }
  }
  if (typeof window !== 'undefined' && window.__dashboard && !window.__dashboard.chartClick) {
    window.__dashboard.chartClick = notifyChartClick
  }
  return { lastPick, onChartClick: notifyChartClick, registerCrossFilter }
}
