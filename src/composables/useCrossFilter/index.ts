/**
 * useCrossFilter — chart clicks become shared filters: a bar of a unit restricts every view to
 * that unit (and its units below), a heatmap cell (unit × year) to that unit and year, a bar of a
 * year to that year. ChartPanel forwards every ECharts click here (`notifyChartClick`); views may
 * register a mapper for their own chart ids; any other chart whose data items carry a `unitCode`
 * filters to that unit. The filter shows in the active-filter list (marked as coming from a chart,
 * with a link to the unit profile) and is removed there like any other.
 *
 * The same on every view: a plain click filters; a Ctrl/⌘-click on a unit opens its profile
 * (/unit/:code) instead.
 */
import { shallowRef, type ShallowRef } from 'vue'
import { useRouter } from 'vue-router'
import { uniqueUnitLabels } from '../../charts/common'
import { getChartOption } from '../useChartRegistry'
import { useDashboard } from '../useDashboard'
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

/** Unit label as drawn on the active-volume charts → unit code (labels are unique per chart). */
function unitByLabel(): Map<string, string> {
  const dash = useDashboard()
  const seen = new Map<string, { code: string; name: string; parent: string | null }>()
  for (const r of dash.data.value.active) if (!seen.has(r.unitCode)) seen.set(r.unitCode, { code: r.unitCode, name: r.unitName, parent: r.parentName })
  const out = new Map<string, string>()
  for (const [code, label] of uniqueUnitLabels([...seen.values()])) out.set(label, code)
  return out
}

const yearOf = (v: unknown): number | undefined => {
  const m = /(\d{4})/.exec(String(v ?? ''))
  return m ? Number(m[1]) : undefined
}

function axisData(chartId: string, axis: 'xAxis' | 'yAxis'): string[] {
  const o = getChartOption(chartId) as Record<string, unknown> | null
  const a = o?.[axis]
  const first = (Array.isArray(a) ? a[0] : a) as { data?: unknown[] } | undefined
  return (first?.data ?? []).map((d) => (typeof d === 'object' && d && 'value' in d ? String((d as { value: unknown }).value) : String(d)))
}

/**
 * Active-volume bars (src/charts/activeVolume.ts), wherever they are shown: the overview and the
 * active-disclosure view draw the same rows (activeByUnitYearQuery under the shared filters).
 */
const volumeBars: CrossMapper = (p) => {
  if (p.seriesType !== 'bar' || !p.name) return null
  const code = unitByLabel().get(p.name)
  return code ? { unitCode: code } : null // "其他" (the rest) is not a unit
}
/** Active-volume heatmap cell (unit × year): value [x, y, v] on the chart's own axes. */
const volumeHeatmap = (chartId: string): CrossMapper => (p) => {
  const v = (Array.isArray(p.value) ? p.value : Array.isArray(p.data) ? p.data : null) as unknown[] | null
  if (!v) return null
  const years = axisData(chartId, 'xAxis')
  const units = axisData(chartId, 'yAxis')
  const code = unitByLabel().get(units[Number(v[1])] ?? '')
  const year = yearOf(years[Number(v[0])])
  return code ? { unitCode: code, year } : null
}

/** The overview charts (src/views/OverviewView.vue) and the active-volume charts of the active view. */
const DEFAULTS: Record<string, CrossMapper> = {
  'active-bars': volumeBars,
  'active-heatmap': volumeHeatmap('active-heatmap'),
  'active-unit-bars': volumeBars,
  'active-unit-heatmap': volumeHeatmap('active-unit-heatmap'),
  'outcome-shares-unit': (p) => byIndex(p),
  'outcome-counts-unit': (p) => byIndex(p),
  'outcome-shares-year': (p) => {
    if (p.dataIndex == null) return null
    const r = useDashboard().data.value.outcomesByYear[p.dataIndex]
    const year = r ? Number(r.key) : NaN
    return Number.isFinite(year) ? { year } : null
  },
}

/** Any other chart: a data item naming its unit (e.g. disclosure rate or cases by unit). */
const byItemUnit: CrossMapper = (p) => {
  const d = p.data as { unitCode?: unknown } | null | undefined
  return d && typeof d === 'object' && typeof d.unitCode === 'string' && d.unitCode ? { unitCode: d.unitCode } : null
}

function byIndex(p: ChartClickParams): CrossPick | null {
  if (p.dataIndex == null) return null
  // The custom "no handled" series carries only the category index in its data.
  const idx = p.seriesType === 'custom' && Array.isArray(p.value) ? Number(p.value[0]) : p.dataIndex
  const r = useDashboard().data.value.outcomesByUnit[idx]
  return r ? { unitCode: r.key } : null
}

/** The filters after a pick: the unit replaces the unit selection, the year sets the range to it. */
export function applyPick(f: Filters, pick: CrossPick): Filters {
  const next: Filters = { ...f }
  if (pick.unitCode) next.unitCodes = [pick.unitCode]
  if (pick.year != null) { next.yearFrom = pick.year; next.yearTo = pick.year }
  return next
}

/** The pick a click on a chart stands for (null = the click names no unit or year). */
export function resolvePick(chartId: string, params: ChartClickParams): CrossPick | null {
  const map = mappers.get(chartId) ?? DEFAULTS[chartId] ?? byItemUnit
  const pick = map(params)
  return pick && (pick.unitCode != null || pick.year != null) ? pick : null
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
  const dash = useDashboard()
  lastPick.value = { ...pick, chartId }
  dash.setFilters(applyPick(dash.filters.value, pick))
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
