/**
 * Findings: the one SELECT of a finding with its unit and file (data-quality view, report view, the dashboard's
 * list), their number and their counts per rule. Pure builders with bound `?` parameters.
 */
import type { Severity } from '../domain'
import { findingsWhere } from './filters'
import type { FindingCountRow, FindingRow, FindingsPerRuleRow } from './rows'
import type { Filters, Query, SqlParam } from './types'

/** How many findings the load summary lists (the data-quality view pages through all of them). */
export const FINDINGS_LISTED = 200

/** Options on top of the shared filters. */
export interface FindingsOptions {
  rule?: string | null
  severity?: Severity | null
  /** Exactly this unit (not its descendants). */
  unitCode?: string | null
  year?: number | null
  limit?: number
  offset?: number
}

function where(f: Filters, o: FindingsOptions, skip: { rule?: boolean; severity?: boolean } = {}): { sql: string; params: SqlParam[] } {
  const base = findingsWhere(f, 'f')
  const conds = base.sql ? [base.sql.replace(/^WHERE /, '')] : []
  const params: SqlParam[] = [...base.params]
  if (o.rule && !skip.rule) { conds.push('f.rule = ?'); params.push(o.rule) }
  if (o.severity && !skip.severity) { conds.push('f.severity = ?'); params.push(o.severity) }
  if (o.unitCode) { conds.push('f.unit_code = ?'); params.push(o.unitCode) }
  if (o.year != null) { conds.push('f.year = ?'); params.push(o.year) }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params }
}

const SEVERITY_ORDER = (a: string): string => `CASE ${a} WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`

/** One page of findings (errors first, then rule, unit, year, location; default 1000 rows). */
export function findingsQuery(f: Filters = {}, o: FindingsOptions = {}): Query<FindingRow> {
  const w = where(f, o)
  return {
    sql: `SELECT f.rule AS "rule", f.severity AS "severity", f.unit_code AS "unitCode", u.unit_name AS "unitName",
      f.year::INTEGER AS "year", f.tbl AS "table", f.cells AS "cells", f.left_val::DOUBLE AS "left", f.right_val::DOUBLE AS "right",
      fl.path AS "file", f.line::INTEGER AS "line", f.col AS "column", f.raw AS "raw", f.message AS "message"
    FROM findings f LEFT JOIN units u ON u.unit_code = f.unit_code LEFT JOIN files fl ON fl.file_id = f.file_id
    ${w.sql}
    ORDER BY ${SEVERITY_ORDER('f.severity')}, f.rule, f.unit_code NULLS FIRST, f.year NULLS FIRST, fl.path NULLS FIRST, f.line NULLS FIRST, f.cells NULLS FIRST, f.message
    LIMIT ? OFFSET ?`,
    params: [...w.params, o.limit ?? 1000, o.offset ?? 0],
  }
}

/** Number of findings matching the filters and options (for the pager). */
export function findingsTotalQuery(f: Filters = {}, o: FindingsOptions = {}): Query<{ total: number }> {
  const w = where(f, o)
  return { sql: `SELECT count(*)::INTEGER AS "total" FROM findings f ${w.sql}`, params: w.params }
}

/** Findings per rule and severity, under the shared filters and the unit/year options (not rule/severity: the cards pick those). */
export function findingCountsQuery(f: Filters = {}, o: FindingsOptions = {}): Query<FindingCountRow> {
  const w = where(f, o, { rule: true, severity: true })
  return {
    sql: `SELECT f.rule AS "rule", f.severity AS "severity", count(*)::INTEGER AS "count" FROM findings f ${w.sql}
      GROUP BY f.rule, f.severity ORDER BY ${SEVERITY_ORDER('f.severity')}, count(*) DESC, f.rule`,
    params: w.params,
  }
}

/**
 * Findings per (severity, rule) over everything loaded, no filters: the briefing deck's data-quality
 * summary. Severity by name, then the most frequent rule first, ties by rule id.
 */
export function findingsPerRuleQuery(): Query<FindingsPerRuleRow> {
  return {
    sql: 'SELECT severity, rule, count(*)::INTEGER AS n FROM findings GROUP BY severity, rule ORDER BY severity, n DESC, rule',
    params: [],
  }
}
