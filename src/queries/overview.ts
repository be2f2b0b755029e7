/** Headline figures, per-unit active volumes and outcome breakdowns over `summary`. */
import { SUM_BASIS, basisRowsSql, type UnitBasis } from './basis'
import { findingsWhere, summaryWhere } from './filters'
import { ROLLUP_TABLES, noFilters, readRollup, yearOnly, type DataSource } from './rollup'
import type { ActiveByUnitYearRow, OutcomeRow, OverviewRow } from './rows'
import type { Filters, Query } from './types'

/** `src`: read the stored answer when the data has one (./rollup.ts); the same row either way. */
export function overviewQuery(f: Filters = {}, src: DataSource = {}): Query<OverviewRow> {
  if (src.rollups && yearOnly(f)) return readRollup(ROLLUP_TABLES.overview, f)
  const w = summaryWhere(f)
  const fw = findingsWhere(f)
  return {
    sql: `WITH s AS (SELECT * FROM summary s ${w.sql}),
      fc AS (SELECT count(*) FILTER (WHERE severity = 'error')::INTEGER AS e, count(*) FILTER (WHERE severity = 'warning')::INTEGER AS w,
        count(*) FILTER (WHERE severity = 'info')::INTEGER AS i FROM findings f ${fw.sql})
    SELECT count(*)::INTEGER AS "reports", count(DISTINCT unit_code)::INTEGER AS "units", count(DISTINCT year)::INTEGER AS "years",
      min(year)::INTEGER AS "yearMin", max(year)::INTEGER AS "yearMax",
      sum(active_total)::DOUBLE AS "activeTotal", count(*) FILTER (WHERE active_total IS NULL)::INTEGER AS "activeMissing",
      sum(received)::DOUBLE AS "received", sum(granted)::DOUBLE AS "granted", sum(partial)::DOUBLE AS "partial",
      sum(handled)::DOUBLE AS "handled",
      CASE WHEN sum(handled) > 0 THEN ((sum(granted) + sum(partial)) / sum(handled))::DOUBLE END AS "disclosureRate",
      any_value(fc.e) AS "findingsError", any_value(fc.w) AS "findingsWarning", any_value(fc.i) AS "findingsInfo"
    FROM s, fc`,
    params: [...w.params, ...fw.params],
  }
}

/**
 * Units beyond this many (largest active total first) come merged into one row per year
 * (`unitCode` = '', never a real code): a province has thousands of units, and no chart draws them all.
 */
const UNIT_ROWS_MAX = 1000

export function activeByUnitYearQuery(f: Filters = {}, opts: { maxUnits?: number } = {}, src: DataSource = {}): Query<ActiveByUnitYearRow> {
  if (src.rollups && noFilters(f) && opts.maxUnits == null) return readRollup(ROLLUP_TABLES.activeByUnitYear, f)
  const w = summaryWhere(f)
  const max = opts.maxUnits ?? UNIT_ROWS_MAX
  return {
    sql: `WITH s AS (SELECT s.unit_code, s.unit_name, s.parent_name, s.year, s.active_total FROM summary s ${w.sql}),
      r AS (SELECT unit_code, row_number() OVER (ORDER BY sum(active_total) DESC NULLS LAST, unit_code) AS rn FROM s GROUP BY unit_code)
    SELECT s.unit_code AS "unitCode", s.unit_name AS "unitName", s.parent_name AS "parentName", s.year::INTEGER AS "year",
      s.active_total::DOUBLE AS "activeTotal", NULL::INTEGER AS "mergedUnits", NULL::INTEGER AS "mergedReports",
      NULL::INTEGER AS "mergedMissing"
    FROM s JOIN r ON r.unit_code = s.unit_code WHERE r.rn <= ?
    UNION ALL
    SELECT '' AS "unitCode", NULL, NULL, s.year::INTEGER, sum(s.active_total)::DOUBLE,
      (SELECT count(*) FROM r WHERE rn > ?)::INTEGER, count(*)::INTEGER, count(*) FILTER (WHERE s.active_total IS NULL)::INTEGER
    FROM s JOIN r ON r.unit_code = s.unit_code WHERE r.rn > ? GROUP BY s.year
    ORDER BY 1, 4`,
    params: [...w.params, max, max, max],
  }
}

const GROUPS = ['granted', 'partial', 'withheld', 'unavailable', 'rejected', 'other'] as const
const COMPLETE = `(${GROUPS.map((g) => `s.${g} IS NOT NULL`).join(' AND ')} AND s.handled > 0)`
/**
 * Per category over reports with a section 三 table (`s`): each group summed over the reports where it is
 * complete (a group with an absent or blank row is NULL in `summary`: never the sum of the rows that are there),
 * how many reports lack it (`miss_<group>`), and shares over the reports whose every group is complete.
 */
const OUTCOME_COLS = `${[...GROUPS, 'handled'].map((o) => `sum(s.${o})::DOUBLE AS "${o}"`).join(', ')},
      ${GROUPS.map((g) => `count(*) FILTER (WHERE s.${g} IS NULL)::INTEGER AS "miss_${g}"`).join(', ')},
      ${GROUPS.map((g) => `(sum(s.${g}) FILTER (WHERE ${COMPLETE}) / sum(s.handled) FILTER (WHERE ${COMPLETE}))::DOUBLE AS "share_${g}"`).join(', ')},
      count(*)::INTEGER AS "reports", count(*) FILTER (WHERE NOT ${COMPLETE})::INTEGER AS "incomplete",
      sum(s.outcome_missing_cells)::INTEGER AS "missingCells"`

/**
 * Outcome counts (total column) per unit, one value per unit on the basis (default: summed over the range),
 * largest `handled` first; at most `limit` units (`unitsTotal` says how many there are). Units without a
 * section 三 table are left out and counted (`unitsWithout`).
 */
export function outcomesByUnitQuery(f: Filters = {}, opts: { limit?: number; basis?: UnitBasis } = {}, src: DataSource = {}): Query<OutcomeRow> {
  const basis = opts.basis ?? SUM_BASIS
  if (src.rollups && noFilters(f) && basis.kind === 'sum' && opts.limit == null) return readRollup(ROLLUP_TABLES.outcomesByUnit, f)
  const all = basisRowsSql(f, basis)
  const withApps = basisRowsSql(f, basis, 's.has_applications')
  return {
    sql: `WITH u AS (SELECT count(DISTINCT unit_code) AS n FROM (${all.sql})), s AS (${withApps.sql})
    SELECT s.unit_code AS "key", arg_max(s.unit_name, s.year) AS "label", ${OUTCOME_COLS},
      (count(*) OVER ())::INTEGER AS "unitsTotal", (any_value(u.n) - count(*) OVER ())::INTEGER AS "unitsWithout"
    FROM s, u GROUP BY s.unit_code ORDER BY sum(s.handled) DESC NULLS LAST, s.unit_code LIMIT ?`,
    params: [...all.params, ...withApps.params, opts.limit ?? UNIT_ROWS_MAX],
  }
}

/** Outcome counts (total column) per year, over the reports with a section 三 table; `allReports`: every report of the year. */
export function outcomesByYearQuery(f: Filters = {}, src: DataSource = {}): Query<OutcomeRow> {
  if (src.rollups && yearOnly(f)) return readRollup(ROLLUP_TABLES.outcomesByYear, f)
  const w = summaryWhere(f)
  const cols = ['granted', 'partial', 'withheld', 'unavailable', 'rejected', 'other', 'handled',
    ...GROUPS.flatMap((g) => [`miss_${g}`, `share_${g}`])].map((c) => `x."${c}"`).join(', ')
  return {
    sql: `WITH a AS (SELECT s.year, count(*)::INTEGER AS n FROM summary s ${w.sql} GROUP BY s.year),
      s AS (SELECT s.* FROM summary s ${w.sql ? `${w.sql} AND` : 'WHERE'} s.has_applications),
      x AS (SELECT s.year, ${OUTCOME_COLS} FROM s GROUP BY s.year)
    SELECT CAST(a.year AS VARCHAR) AS "key", a.year || '年' AS "label", ${cols},
      coalesce(x."reports", 0)::INTEGER AS "reports", coalesce(x."incomplete", 0)::INTEGER AS "incomplete",
      coalesce(x."missingCells", 0)::INTEGER AS "missingCells", a.n AS "allReports"
    FROM a LEFT JOIN x ON x.year = a.year ORDER BY a.year`,
    params: [...w.params, ...w.params],
  }
}
