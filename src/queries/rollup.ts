/**
 * Stored answers of a published database (issue 20): the summariser runs the app's own builders over the whole
 * file for every year range and keeps their rows (src/db/rollups.ts, the list in ./rollupSpecs.ts), so that the
 * first view of a national file reads a few small tables instead of the summary of every report. A builder reads
 * its stored answer only when the data source says the file has them for this very builder version
 * (`DataSource.rollups`, detected by src/db/attach.ts) and only the year range restricts: the answer is then the
 * builder's own answer, row for row. Any other filter (units, level, drill, like for like) asks `summary`.
 */
import type { Filters, Query, SqlParam } from './types'

/** What the data can answer without scanning `summary`: data passed to builders, never a guess from the schema. */
export interface DataSource {
  /** The database holds stored answers written by builders identical to these (signature checked at attach). */
  rollups?: boolean
}

/** Tables of stored answers, one per builder (key: `year_from`, `year_to`; `rn`: the builder's row order). */
export const ROLLUP_TABLES = {
  overview: 'rollup_overview',
  kpiChange: 'rollup_kpi_change',
  outcomesByYear: 'rollup_outcomes_year',
  topChildren: 'rollup_children',
  activeByUnitYear: 'rollup_active_unit_year',
  outcomesByUnit: 'rollup_outcomes_unit',
} as const
/** The years with reports (the bounds a year filter is clamped to). */
export const ROLLUP_YEARS = 'rollup_years'
/** The builders' signature the answers were written with (src/db/attach.ts compares it with the app's own). */
export const ROLLUP_SIG_TABLE = 'rollup_sig'

/** Only the year range restricts (what answers stored per year range cover). */
export const yearOnly = (f: Filters): boolean => !(f.unitCodes && f.unitCodes.length > 0) && !f.level && !f.drill && !f.panel
/** No filter at all (what answers stored once, for the first view, cover). */
export const noFilters = (f: Filters): boolean => yearOnly(f) && f.yearFrom == null && f.yearTo == null

/**
 * The stored answer of `table` for f's year range. A bound outside the years with reports selects the same rows
 * as the nearest stored one (`yearFrom` below the first year as the first year, above the last as last + 1, and
 * `yearTo` alike), so clamping keeps the answer exact; an unset bound stays unset (findings without a year count
 * only then).
 */
export function readRollup<T>(table: string, f: Filters): Query<T> {
  const from: SqlParam = f.yearFrom ?? null
  const to: SqlParam = f.yearTo ?? null
  return {
    sql: `WITH b AS (SELECT min(year) AS lo, max(year) AS hi FROM ${ROLLUP_YEARS}),
      k AS (SELECT CASE WHEN ?::INTEGER IS NULL THEN NULL ELSE least(greatest(?::INTEGER, b.lo), b.hi + 1) END AS f,
        CASE WHEN ?::INTEGER IS NULL THEN NULL ELSE greatest(least(?::INTEGER, b.hi), b.lo - 1) END AS t FROM b)
    SELECT r.* EXCLUDE (year_from, year_to, rn) FROM ${table} r, k
    WHERE r.year_from IS NOT DISTINCT FROM k.f AND r.year_to IS NOT DISTINCT FROM k.t ORDER BY r.rn`,
    params: [from, from, to, to],
  }
}
