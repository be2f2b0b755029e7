/** Section 三: flow, applicant types, reasons and disclosure rate by unit. */
import { APPLICANT_PARTS } from '../../domain/format'
import { allApplicationRows } from '../../domain/versions'
import { SUM_BASIS, basisRowsSql, type UnitBasis } from '../basis'
import { summaryWhere } from '../filters'
import type { Filters, Query } from '../types'
import type { ApplicantYearRow, DisclosureUnitRow, FlowYearRow, ReasonRow } from './rows'

/** Reports of the year with a section 三 table (the trend's coverage, shown beside it). */
const REPORTS_WITH_TABLE = `count(*) FILTER (WHERE s.has_applications)::INTEGER AS "reports"`

export function applicationsFlowQuery(f: Filters = {}): Query<FlowYearRow> {
  const w = summaryWhere(f)
  return {
    sql: `SELECT s.year::INTEGER AS "year", sum(s.received)::DOUBLE AS "received", sum(s.carried_in)::DOUBLE AS "carriedIn",
      sum(s.handled)::DOUBLE AS "handled", sum(s.carried_out)::DOUBLE AS "carriedOut", ${REPORTS_WITH_TABLE}
    FROM summary s ${w.sql} GROUP BY s.year ORDER BY s.year`,
    params: w.params,
  }
}

export function applicantTypesQuery(f: Filters = {}): Query<ApplicantYearRow> {
  const w = summaryWhere(f)
  return {
    sql: `SELECT s.year::INTEGER AS "year", ${APPLICANT_PARTS.map((c) => `sum(s.received_${c})::DOUBLE AS "${c}"`).join(', ')},
      sum(s.received)::DOUBLE AS "total", ${REPORTS_WITH_TABLE}
    FROM summary s ${w.sql} GROUP BY s.year ORDER BY s.year`,
    params: w.params,
  }
}

/** The withheld (8), unavailable (3) and rejected (5) reasons of every form version, in the form's order (total column). */
const reasonRows = () => allApplicationRows().filter((r) => r.outcome === 'withheld' || r.outcome === 'unavailable' || r.outcome === 'rejected')

export function reasonsQuery(f: Filters = {}): Query<ReasonRow> {
  const w = summaryWhere(f)
  const REASON_ROWS = reasonRows()
  const values = REASON_ROWS.map(() => '(?, ?, ?)').join(', ')
  const vparams = REASON_ROWS.flatMap((r, i) => [r.key, r.outcome as string, i])
  return {
    sql: `WITH s AS (SELECT s.unit_code, s.year FROM summary s ${w.sql}),
      k(rk, grp, ord) AS (VALUES ${values}),
      a AS (SELECT a."row" AS rk, sum(a.total)::DOUBLE AS n FROM applications a JOIN s ON s.unit_code = a.unit_code AND s.year = a.year GROUP BY a."row")
    SELECT k.rk AS "row", k.grp AS "group", a.n AS "count" FROM k LEFT JOIN a ON a.rk = k.rk ORDER BY k.ord`,
    params: [...w.params, ...vparams],
  }
}

/**
 * Disclosure rate per unit on the basis (default: over the filtered years); highest first, undefined rates last.
 * Units without a section 三 table are left out (`unitsWithout` counts them); `reports`: reports behind each rate.
 */
export function disclosureRateByUnitQuery(f: Filters = {}, basis: UnitBasis = SUM_BASIS): Query<DisclosureUnitRow> {
  const all = basisRowsSql(f, basis)
  const rows = basisRowsSql(f, basis, 's.has_applications')
  return {
    sql: `WITH u AS (SELECT count(DISTINCT unit_code) AS n FROM (${all.sql})), s AS (${rows.sql})
    SELECT s.unit_code AS "unitCode", arg_max(s.unit_name, s.year) AS "unitName", sum(s.granted)::DOUBLE AS "granted",
      sum(s.partial)::DOUBLE AS "partial", sum(s.handled)::DOUBLE AS "handled",
      CASE WHEN sum(s.handled) > 0 THEN ((sum(s.granted) + sum(s.partial)) / sum(s.handled))::DOUBLE END AS "rate",
      count(*)::INTEGER AS "reports", max(s.year)::INTEGER AS "year", (any_value(u.n) - count(*) OVER ())::INTEGER AS "unitsWithout"
    FROM s, u GROUP BY s.unit_code ORDER BY "rate" DESC NULLS LAST, s.unit_code`,
    params: [...all.params, ...rows.params],
  }
}
