/** The one rule for filter values that no longer exist (after a load or a clear, a link, restored filters). */
import type { Filters } from '../../queries/types'

export interface Known {
  /** Codes of the loaded units (every level of the hierarchy). */
  units: ReadonlySet<string>
  /** Loaded years; absent = years are not checked (a link may ask for a range wider than the data). */
  years?: readonly number[]
}

export interface Pruned { filters: Filters; dropped: string[] }

/** `f` without the unit codes (and drill unit, and — when given — years) that the loaded data does not have. */
export function pruneFilters(f: Filters, known: Known): Pruned {
  const dropped: string[] = []
  const next: Filters = { ...f }
  if (f.unitCodes) {
    const keep = f.unitCodes.filter((c) => known.units.has(c) || (dropped.push(c), false))
    next.unitCodes = keep.length ? keep : undefined
  }
  if (f.drill != null && !known.units.has(f.drill)) { dropped.push(f.drill); next.drill = undefined }
  const ys = known.years
  if (ys) {
    if (next.yearFrom != null && !ys.includes(next.yearFrom)) next.yearFrom = undefined
    if (next.yearTo != null && !ys.includes(next.yearTo)) next.yearTo = undefined
  }
  return { filters: next, dropped }
}
