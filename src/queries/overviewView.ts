/**
 * The Overview's statements, declared once (issue 19): the view asks exactly these (each figure as a client of the
 * cross-filter selection, `client`), and the build step (scripts/sample-db.ts) answers them for the sample with
 * the default filters and basis, so that a first visit paints the Overview from the shipped answers before
 * DuckDB is up. A figure added to the Overview is added here, or its first paint waits for DuckDB.
 */
import type { Filters, Query } from './types'
import { SUM_BASIS, type UnitBasis } from './basis'
import { activeByUnitYearQuery, outcomesByUnitQuery, outcomesByYearQuery, overviewQuery } from './overview'
import { kpiChangeQuery } from './trends'

export const OVERVIEW_STATEMENTS = {
  overview: { client: null, build: (f: Filters) => overviewQuery(f) },
  change: { client: null, build: (f: Filters) => kpiChangeQuery(f) },
  bars: { client: 'active-bars', build: (f: Filters) => activeByUnitYearQuery(f) },
  heatmap: { client: 'active-heatmap', build: (f: Filters) => activeByUnitYearQuery(f) },
  // Outcomes by unit follow the basis (the default basis is the sum over the range).
  shares: { client: 'outcome-shares-unit', build: (f: Filters, basis: UnitBasis = SUM_BASIS) => outcomesByUnitQuery(f, { basis }) },
  counts: { client: 'outcome-counts-unit', build: (f: Filters, basis: UnitBasis = SUM_BASIS) => outcomesByUnitQuery(f, { basis }) },
  byYear: { client: 'outcome-shares-year', build: (f: Filters) => outcomesByYearQuery(f) },
} as const

/**
 * Every statement of the Overview for filters without a pick (every figure then sees the same filters) and a
 * basis: what the first paint asks with the default filters ({}) and basis.
 */
export function overviewStatements(f: Filters = {}, basis: UnitBasis = SUM_BASIS): Query<unknown>[] {
  return Object.values(OVERVIEW_STATEMENTS).map((s) => s.build(f, basis) as Query<unknown>)
}
