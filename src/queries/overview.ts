/** Headline figures, per-unit active volumes and outcome breakdowns over `summary`. */
import { findingsWhere, summaryWhere } from './filters'
import type { ActiveByUnitYearRow, OutcomeRow, OverviewRow } from './rows'
import type { Filters, Query } from './types'

export function overviewQuery(f: Filters = {}): Query<OverviewRow> {
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
 * (`unitCode` = OTHERS_CODE): a province has thousands of units, and no chart draws them all.
 */
export const UNIT_ROWS_MAX = 300
/** `unitCode` of the merged rows (never a real code: codes are non-empty; the SQL writes it as ''). */
export const OTHERS_CODE = ''

export function activeByUnitYearQuery(f: Filters = {}, opts: { maxUnits?: number } = {}): Query<ActiveByUnitYearRow> {
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

const OUTCOMES = ['granted', 'partial', 'withheld', 'unavailable', 'rejected', 'other', 'handled']
const outcomeSums = OUTCOMES.map((o) => `sum(s.${o})::DOUBLE AS "${o}"`).join(', ')

/** Outcome counts (total column) per unit, largest `handled` first; at most `limit` units (`unitsTotal` says how many there are). */
export function outcomesByUnitQuery(f: Filters = {}, opts: { limit?: number } = {}): Query<OutcomeRow> {
  const w = summaryWhere(f)
  return {
    sql: `SELECT s.unit_code AS "key", any_value(s.unit_name) AS "label", ${outcomeSums},
      sum(s.outcome_missing_cells)::INTEGER AS "missingCells", (count(*) OVER ())::INTEGER AS "unitsTotal"
    FROM summary s ${w.sql} GROUP BY s.unit_code ORDER BY sum(s.handled) DESC NULLS LAST, s.unit_code LIMIT ?`,
    params: [...w.params, opts.limit ?? UNIT_ROWS_MAX],
  }
}

/** Outcome counts (total column) per year. */
export function outcomesByYearQuery(f: Filters = {}): Query<OutcomeRow> {
  const w = summaryWhere(f)
  return {
    sql: `SELECT CAST(s.year AS VARCHAR) AS "key", s.year || '年' AS "label", ${outcomeSums},
      sum(s.outcome_missing_cells)::INTEGER AS "missingCells"
    FROM summary s ${w.sql} GROUP BY s.year ORDER BY s.year`,
    params: w.params,
  }
}
