/** Section 三: flow, applicant types, reasons and disclosure rate by unit. */
import { APPLICANT_PARTS, OUTCOME_ROWS } from '../../domain/format'
import { summaryWhere } from '../filters'
import type { Filters, Query } from '../types'
import type { ApplicantYearRow, DisclosureUnitRow, FlowYearRow, ReasonRow } from './rows'

export function applicationsFlowQuery(f: Filters = {}): Query<FlowYearRow> {
  const w = summaryWhere(f)
  return {
    sql: `SELECT s.year::INTEGER AS "year", sum(s.received)::DOUBLE AS "received", sum(s.carried_in)::DOUBLE AS "carriedIn",
      sum(s.handled)::DOUBLE AS "handled", sum(s.carried_out)::DOUBLE AS "carriedOut"
    FROM summary s ${w.sql} GROUP BY s.year ORDER BY s.year`,
    params: w.params,
  }
}

export function applicantTypesQuery(f: Filters = {}): Query<ApplicantYearRow> {
  const w = summaryWhere(f)
  return {
    sql: `SELECT s.year::INTEGER AS "year", ${APPLICANT_PARTS.map((c) => `sum(s.received_${c})::DOUBLE AS "${c}"`).join(', ')},
      sum(s.received)::DOUBLE AS "total"
    FROM summary s ${w.sql} GROUP BY s.year ORDER BY s.year`,
    params: w.params,
  }
}

/** The 8 withheld, 3 unavailable and 5 rejected reasons, in the form's order (total column). */
export const REASON_ROWS = OUTCOME_ROWS.filter((r) => r.outcome === 'withheld' || r.outcome === 'unavailable' || r.outcome === 'rejected')

export function reasonsQuery(f: Filters = {}): Query<ReasonRow> {
  const w = summaryWhere(f)
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

/** Disclosure rate per unit over the filtered years; highest first, undefined rates last. */
export function disclosureRateByUnitQuery(f: Filters = {}): Query<DisclosureUnitRow> {
  const w = summaryWhere(f)
  return {
    sql: `SELECT s.unit_code AS "unitCode", any_value(s.unit_name) AS "unitName", sum(s.granted)::DOUBLE AS "granted",
      sum(s.partial)::DOUBLE AS "partial", sum(s.handled)::DOUBLE AS "handled",
      CASE WHEN sum(s.handled) > 0 THEN ((sum(s.granted) + sum(s.partial)) / sum(s.handled))::DOUBLE END AS "rate"
    FROM summary s ${w.sql} GROUP BY s.unit_code ORDER BY "rate" DESC NULLS LAST, s.unit_code`,
    params: w.params,
  }
}
