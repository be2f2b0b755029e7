/** Findings for the data-quality view. */
import { findingsWhere } from './filters'
import type { FindingCountRow, FindingRow, FindingsPerRuleRow } from './rows'
import type { Filters, Query, SqlParam } from './types'

export interface FindingsOptions { severity?: 'error' | 'warning' | 'info'; rule?: string; limit?: number; offset?: number }

function where(f: Filters, o: FindingsOptions): { sql: string; params: SqlParam[] } {
  const base = findingsWhere(f)
  const conds = base.sql ? [base.sql.replace(/^WHERE /, '')] : []
  const params: SqlParam[] = [...base.params]
  if (o.severity) { conds.push('f.severity = ?'); params.push(o.severity) }
  if (o.rule) { conds.push('f.rule = ?'); params.push(o.rule) }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params }
}

/** Findings, errors first, then by unit, year and location. */
export function findingsQuery(f: Filters = {}, o: FindingsOptions = {}): Query<FindingRow> {
  const w = where(f, o)
  return {
    sql: `SELECT f.rule AS "rule", f.severity AS "severity", f.unit_code AS "unitCode", u.unit_name AS "unitName",
      f.year::INTEGER AS "year", f.tbl AS "table", f.cells AS "cells", f.left_val::DOUBLE AS "left", f.right_val::DOUBLE AS "right",
      fl.path AS "file", f.line::INTEGER AS "line", f.col AS "column", f.raw AS "raw", f.message AS "message"
    FROM findings f LEFT JOIN units u ON u.unit_code = f.unit_code LEFT JOIN files fl ON fl.file_id = f.file_id
    ${w.sql}
    ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule, f.unit_code NULLS FIRST, f.year, fl.path, f.line
    LIMIT ? OFFSET ?`,
    params: [...w.params, o.limit ?? 1000, o.offset ?? 0],
  }
}

export function findingCountsQuery(f: Filters = {}): Query<FindingCountRow> {
  const w = where(f, {})
  return {
    sql: `SELECT f.rule AS "rule", f.severity AS "severity", count(*)::INTEGER AS "count" FROM findings f ${w.sql}
      GROUP BY f.rule, f.severity ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, count(*) DESC`,
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
