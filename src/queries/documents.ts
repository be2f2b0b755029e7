/**
 * Figures of the drafted 情况通报 and the 整改清单 (issue 21) that no chart query gives yet. The draft's other
 * numbers come from the charts' own builders (overviewQuery, kpiChangeQuery, outcomesByYearQuery, reviewsQuery)
 * run for the draft's year, so a number in the text equals the one on the chart.
 */
import { findingsWhere, summaryWhere } from './filters'
import type { Filters, Query } from './types'

/** The filters narrowed to one year (the draft describes the latest year of the filtered range). */
export const yearOnly = (f: Filters, year: number): Filters => ({ ...f, yearFrom: year, yearTo: year, pick: undefined })

export type RankingRow = {
  unitCode: string
  unitName: string
  activeTotal: number | null
  received: number | null
  /** (granted + partial) ÷ handled when handled > 0. */
  disclosureRate: number | null
}

/** Units of one year ranked by active_total (largest first, units without the figure last): the document's ranking table. */
export function draftRankingQuery(f: Filters, year: number): Query<RankingRow> {
  const w = summaryWhere(yearOnly(f, year))
  return {
    sql: `SELECT s.unit_code AS "unitCode", s.unit_name AS "unitName", s.active_total::DOUBLE AS "activeTotal",
      s.received::DOUBLE AS "received",
      CASE WHEN s.handled > 0 THEN ((s.granted + s.partial) / s.handled)::DOUBLE END AS "disclosureRate"
    FROM summary s ${w.sql} ORDER BY s.active_total DESC NULLS LAST, s.unit_code`,
    params: w.params,
  }
}

export type ProblemRow = {
  rule: string
  severity: string
  /** Reports (unit-years) with at least one finding of the rule. */
  reports: number
  findings: number
}

/** Per rule (errors and warnings): how many reports of the filtered range have it. */
export function reportProblemsQuery(f: Filters): Query<ProblemRow> {
  const w = findingsWhere(f, 'f')
  const cond = `${w.sql ? `${w.sql} AND` : 'WHERE'} f.severity IN ('error', 'warning') AND f.unit_code IS NOT NULL AND f.year IS NOT NULL`
  return {
    sql: `SELECT f.rule AS "rule", any_value(f.severity) AS "severity",
      count(DISTINCT f.unit_code || '|' || f.year)::INTEGER AS "reports", count(*)::INTEGER AS "findings"
    FROM findings f ${cond} GROUP BY f.rule
    ORDER BY CASE any_value(f.severity) WHEN 'error' THEN 0 ELSE 1 END, count(DISTINCT f.unit_code || '|' || f.year) DESC, f.rule`,
    params: w.params,
  }
}

export type ProblemTotalRow = { reports: number; errorReports: number; warningReports: number }

/** Reports of the filtered range, and how many of them have an error / only warnings. */
export function problemTotalsQuery(f: Filters): Query<ProblemTotalRow> {
  const s = summaryWhere(f, 's')
  return {
    sql: `WITH sel AS (SELECT s.unit_code, s.year FROM summary s ${s.sql}),
      fc AS (SELECT f.unit_code, f.year, bool_or(f.severity = 'error') AS e, bool_or(f.severity = 'warning') AS w
        FROM findings f JOIN sel ON sel.unit_code = f.unit_code AND sel.year = f.year GROUP BY f.unit_code, f.year)
    SELECT (SELECT count(*) FROM sel)::INTEGER AS "reports",
      (SELECT count(*) FROM fc WHERE e)::INTEGER AS "errorReports",
      (SELECT count(*) FROM fc WHERE w AND NOT e)::INTEGER AS "warningReports"`,
    params: s.params,
  }
}

export type UnitToCorrectRow = { unitCode: string; unitName: string; errors: number; warnings: number }

/** Units whose reports of the filtered range have errors or warnings (the units to correct), most errors first. */
export function unitsToCorrectQuery(f: Filters): Query<UnitToCorrectRow> {
  const s = summaryWhere(f, 's')
  return {
    sql: `WITH sel AS (SELECT s.unit_code, s.year, s.unit_name FROM summary s ${s.sql}),
      fc AS (SELECT f.unit_code, count(*) FILTER (WHERE f.severity = 'error') AS e, count(*) FILTER (WHERE f.severity = 'warning') AS w
        FROM findings f JOIN sel ON sel.unit_code = f.unit_code AND sel.year = f.year GROUP BY f.unit_code)
    SELECT fc.unit_code AS "unitCode", (SELECT arg_max(unit_name, year) FROM sel WHERE sel.unit_code = fc.unit_code) AS "unitName",
      fc.e::INTEGER AS "errors", fc.w::INTEGER AS "warnings"
    FROM fc WHERE fc.e > 0 OR fc.w > 0 ORDER BY fc.e DESC, fc.w DESC, fc.unit_code`,
    params: s.params,
  }
}

/** A unit's name (the draft names its area: the drill unit or the one unit filtered on). */
export function unitNameQuery(code: string): Query<{ unitName: string }> {
  return { sql: `SELECT unit_name AS "unitName" FROM units WHERE unit_code = ?`, params: [code] }
}
