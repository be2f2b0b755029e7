/**
 * The unit × year grid behind the active-volume bars and heatmap (one value per unit on the chosen basis,
 * units largest first): its own module so that both charts use it without importing each other.
 */
import type { ActiveByUnitYearRow } from '../queries/rows'
import type { UnitBasis } from '../queries/basis'
import { uniqueUnitLabels } from './common'

export interface UnitInfo {
  code: string
  name: string
  parent: string | null
  /** The unit's rows by year (present = a report is loaded). */
  byYear: Map<number, ActiveByUnitYearRow>
  /** Years the basis takes (empty: the unit has no report in the chosen year). */
  basisYears: number[]
  /** Sum of the stated values of those years; null when none is stated. */
  value: number | null
  /** Reports in the basis whose figure is blank or not applicable. */
  blanks: number
}

export interface VolumeGrid {
  years: number[]
  /** Units in the bars' order: largest basis value first, no value last, ties by code. */
  units: UnitInfo[]
  labels: Map<string, string>
  /** The query's merged rows (units beyond its limit), by year. */
  merged: Map<number, ActiveByUnitYearRow>
  mergedUnits: number
}

export interface VolumeOpts { basis?: UnitBasis; highlight?: string | null }

export const isMerged = (r: ActiveByUnitYearRow): boolean => r.mergedUnits != null
export const stated = (v: number | null | undefined): v is number => v != null && Number.isFinite(v)

function basisYears(years: number[], basis: UnitBasis | undefined): number[] {
  if (!basis || basis.kind === 'sum') return years
  if (basis.kind === 'latest') return years.length ? [years[years.length - 1]] : []
  return years.includes(basis.year) ? [basis.year] : []
}

/**
 * The grid of these rows on this basis, built once: a by-unit view asks it of the same answer 6–8 times per filter
 * change (bars, heatmap, their notes, heights, the pick list), at 50,000 reports over 6,000 rows each time. Answers
 * are never changed in place (a new answer is a new array), so the rows array is the key; callers only read the grid.
 */
const grids = new WeakMap<readonly ActiveByUnitYearRow[], Map<string, VolumeGrid>>()

export function volumeGrid(rows: readonly ActiveByUnitYearRow[], basis?: UnitBasis): VolumeGrid {
  const key = basis ? JSON.stringify(basis) : ''
  let byBasis = grids.get(rows)
  if (!byBasis) grids.set(rows, (byBasis = new Map()))
  let g = byBasis.get(key)
  if (!g) byBasis.set(key, (g = buildGrid(rows, basis)))
  return g
}

function buildGrid(rows: readonly ActiveByUnitYearRow[], basis?: UnitBasis): VolumeGrid {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)
  const info = new Map<string, UnitInfo>()
  const merged = new Map<number, ActiveByUnitYearRow>()
  let mergedUnits = 0
  for (const r of rows) {
    if (isMerged(r)) { merged.set(r.year, r); mergedUnits = r.mergedUnits ?? 0; continue }
    let u = info.get(r.unitCode)
    if (!u) info.set(r.unitCode, (u = { code: r.unitCode, name: r.unitName, parent: r.parentName, byYear: new Map(), basisYears: [], value: null, blanks: 0 }))
    if (!u.byYear.has(r.year)) u.byYear.set(r.year, r)
  }
  for (const u of info.values()) {
    u.basisYears = basisYears([...u.byYear.keys()].sort((a, b) => a - b), basis)
    for (const y of u.basisYears) {
      const v = u.byYear.get(y)?.activeTotal
      if (stated(v)) u.value = (u.value ?? 0) + v
      else u.blanks++
    }
  }
  const units = [...info.values()].sort((a, b) =>
    (b.value ?? -Infinity) - (a.value ?? -Infinity) || b.basisYears.length - a.basisYears.length || a.code.localeCompare(b.code))
  return { years, units, labels: uniqueUnitLabels(units), merged, mergedUnits }
}
