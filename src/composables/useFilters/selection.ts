/**
 * The cross-filter as a selection (after Mosaic's crossfilter resolution): the filters hold one clause picked on a
 * chart (`pick`: the chart, with the unit and/or year it set). Every figure is filtered by the selection except the
 * figure the clause came from: its own clause is left out, so it keeps its other bars and highlights the pick.
 * Pure functions of the filters; no store is read here.
 */
import type { Filters } from '../../queries/types'
import { pickOf } from '../../figures'

/** What a click on a chart picks: each figure family declares it per chart (src/figures, `pick`). */
export const pickKind = pickOf

/** The pick in force: the chart that set it, and the unit/year it set — while the filters still hold them. */
export interface ActivePick { chartId: string; unitCode?: string; year?: number }

export function activePick(f: Filters): ActivePick | null {
  if (!f.pick) return null
  const kind = pickKind(f.pick)
  const unit = f.unitCodes?.length === 1 ? f.unitCodes[0] : undefined
  const year = f.yearFrom != null && f.yearFrom === f.yearTo ? f.yearFrom : undefined
  if (kind !== 'year' && unit == null) return null
  if (kind !== 'unit' && year == null) return null
  return { chartId: f.pick, ...(kind !== 'year' ? { unitCode: unit } : {}), ...(kind !== 'unit' ? { year } : {}) }
}

/**
 * The filters a chart draws with: those of the view, except on the chart the pick was made on — it keeps its
 * other bars (the picked unit/year is highlighted there), while every other chart filters to the pick.
 */
export function filtersFor(chartId: string, f: Filters): Filters {
  const p = activePick(f)
  if (!p || p.chartId !== chartId) return f
  const out: Filters = { ...f, pick: undefined }
  if (p.unitCode != null) out.unitCodes = undefined
  if (p.year != null) { out.yearFrom = undefined; out.yearTo = undefined }
  return out
}

/** The unit (and year) to highlight on a chart: its own pick, if it is the chart the pick was made on. */
export function highlightOf(chartId: string, f: Filters): ActivePick | null {
  const p = activePick(f)
  return p && p.chartId === chartId ? p : null
}
