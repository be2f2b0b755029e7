/**
 * Like-for-like comparisons over time. In real bundles the set of reporting units changes from year to year,
 * so a yearly total can move only because more or fewer units reported: the "same units in every year"
 * option (Filters.panel, see ./filters.ts) and the year-on-year change of the headline figures compare the
 * same units only.
 */
import { summaryWhere, unitsWhere } from './filters'
import { SETTLED_YEAR } from './years'
import { ROLLUP_TABLES, readRollup, yearOnly, type DataSource } from './rollup'
import type { Filters, Query } from './types'

export type PanelInfoRow = {
  /** Units with data in every year of the range (the other filters applied). */
  units: number
  /** Years of the range that hold data. */
  years: number
  /** Units with data in any year of the range. */
  allUnits: number
}

/** How many units the like-for-like option keeps (computed without the option itself). */
export function panelInfoQuery(f: Filters = {}): Query<PanelInfoRow> {
  const w = summaryWhere({ ...f, panel: false })
  return {
    sql: `WITH s AS (SELECT DISTINCT s.unit_code, s.year FROM summary s ${w.sql}), y AS (SELECT count(DISTINCT year) AS n FROM s)
    SELECT (SELECT count(*) FROM (SELECT unit_code FROM s GROUP BY unit_code HAVING count(*) = (SELECT n FROM y)))::INTEGER AS "units",
      (SELECT n FROM y)::INTEGER AS "years", (SELECT count(DISTINCT unit_code) FROM s)::INTEGER AS "allUnits"`,
    params: w.params,
  }
}

export type KpiChangeRow = {
  /** The year compared with the one before: the latest filtered year with enough reports (./years.ts; null when the range has no data). */
  year: number | null
  /** The latest filtered year and its reports: later than `year` when that year had too few reports to describe. */
  latestYear: number | null
  latestReports: number
  /** Per figure: the units that state it in both years, and its sums over them. */
  activeUnits: number
  activeNow: number | null
  activePrev: number | null
  receivedUnits: number
  receivedNow: number | null
  receivedPrev: number | null
  /** Disclosure rate over the units with granted, partial and handled (> 0) in both years. */
  rateUnits: number
  rateNow: number | null
  ratePrev: number | null
}

/**
 * The headline figures' change from the year before to the latest filtered year with enough reports (./years.ts),
 * over the units that state the figure in both years (never the totals of two different sets of units).
 */
export function kpiChangeQuery(f: Filters = {}, src: DataSource = {}): Query<KpiChangeRow> {
  if (src.rollups && yearOnly(f)) return readRollup(ROLLUP_TABLES.kpiChange, f)
  const noYear = unitsWhere(f)
  const w = summaryWhere(f)
  const both = (a: string, b: string): string => `${a} IS NOT NULL AND ${b} IS NOT NULL`
  const rateOk = 'g1 IS NOT NULL AND h1 > 0 AND g0 IS NOT NULL AND h0 > 0'
  return {
    sql: `WITH b AS (SELECT s.* FROM summary s ${noYear.sql}),
      yc AS (SELECT s.year, count(*) AS n FROM summary s ${w.sql} GROUP BY s.year), mx AS (SELECT max(n) AS m FROM yc),
      ly AS (SELECT ${SETTLED_YEAR} AS y, max(yc.year) AS latest, arg_max(yc.n, yc.year) AS ln FROM yc, mx),
      pr AS (SELECT c.active_total AS a1, p.active_total AS a0, c.received AS r1, p.received AS r0,
          c.granted + c.partial AS g1, c.handled AS h1, p.granted + p.partial AS g0, p.handled AS h0
        FROM b c JOIN ly ON c.year = ly.y JOIN b p ON p.unit_code = c.unit_code AND p.year = c.year - 1)
    SELECT any_value(ly.y)::INTEGER AS "year", any_value(ly.latest)::INTEGER AS "latestYear", coalesce(any_value(ly.ln), 0)::INTEGER AS "latestReports",
      count(*) FILTER (WHERE ${both('a1', 'a0')})::INTEGER AS "activeUnits",
      sum(a1) FILTER (WHERE ${both('a1', 'a0')})::DOUBLE AS "activeNow", sum(a0) FILTER (WHERE ${both('a1', 'a0')})::DOUBLE AS "activePrev",
      count(*) FILTER (WHERE ${both('r1', 'r0')})::INTEGER AS "receivedUnits",
      sum(r1) FILTER (WHERE ${both('r1', 'r0')})::DOUBLE AS "receivedNow", sum(r0) FILTER (WHERE ${both('r1', 'r0')})::DOUBLE AS "receivedPrev",
      count(*) FILTER (WHERE ${rateOk})::INTEGER AS "rateUnits",
      (sum(g1) FILTER (WHERE ${rateOk}) / sum(h1) FILTER (WHERE ${rateOk}))::DOUBLE AS "rateNow",
      (sum(g0) FILTER (WHERE ${rateOk}) / sum(h0) FILTER (WHERE ${rateOk}))::DOUBLE AS "ratePrev"
    FROM ly LEFT JOIN pr ON true`,
    params: [...noYear.params, ...w.params],
  }
}
