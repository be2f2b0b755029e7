/**
 * The Overview's statements, declared once (issue 19): the view asks exactly these (each figure as a client of the
 * cross-filter selection, `client`), and the build step (scripts/sample-db.ts) answers them for the sample with
 * the default filters and basis, so that a first visit paints the Overview from the shipped answers before
 * DuckDB is up. The answers a published file stores for its first view (./rollupSpecs.ts) are these builders too.
 * A figure added to the Overview is added here, or its first paint waits for DuckDB.
 *
 * `src`: what the database answers cheaply (./rollup.ts; a published file's stored answers).
 */
import type { Filters, Query } from './types'
import { SUM_BASIS, type UnitBasis } from './basis'
import { activeByUnitYearQuery, outcomesByUnitQuery, outcomesByYearQuery, overviewQuery } from './overview'
import type { DataSource } from './rollup'
import { kpiChangeQuery } from './trends'

const byUnitYear = (f: Filters, _basis?: UnitBasis, src?: DataSource) => activeByUnitYearQuery(f, {}, src)
// Outcomes by unit follow the basis (the default basis is the sum over the range).
const byUnit = (f: Filters, basis: UnitBasis = SUM_BASIS, src?: DataSource) => outcomesByUnitQuery(f, { basis }, src)

export const OVERVIEW_STATEMENTS = {
  overview: { client: null, build: (f: Filters, _b?: UnitBasis, src?: DataSource) => overviewQuery(f, src) },
  change: { client: null, build: (f: Filters, _b?: UnitBasis, src?: DataSource) => kpiChangeQuery(f, src) },
  bars: { client: 'active-bars', build: byUnitYear },
  heatmap: { client: 'active-heatmap', build: byUnitYear },
  shares: { client: 'outcome-shares-unit', build: byUnit },
  counts: { client: 'outcome-counts-unit', build: byUnit },
  byYear: { client: 'outcome-shares-year', build: (f: Filters, _b?: UnitBasis, src?: DataSource) => outcomesByYearQuery(f, src) },
} as const

/**
 * Every statement of the Overview for filters without a pick (every figure then sees the same filters) and a
 * basis: what the first paint asks with the default filters ({}) and basis; `src` as the view passes it.
 */
export function overviewStatements(f: Filters = {}, basis: UnitBasis = SUM_BASIS, src?: DataSource): Query<unknown>[] {
  return Object.values(OVERVIEW_STATEMENTS).map((s) => s.build(f, basis, src) as Query<unknown>)
}
