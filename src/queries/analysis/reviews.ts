/** Section 四: cases, outcomes and correction rate per block (and overall), by year or by unit. */
import { summaryWhere } from '../filters'
import type { Filters, Query } from '../types'
import { REVIEW_BLOCK_KEYS, type ReviewRow } from './rows'

const OUTS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const

/**
 * One row per (category, block) plus block `all` (the three blocks together). The correction rate
 * counts only rows whose upheld, corrected and other cells are all numbers (a blank is missing,
 * not 0); it is null when none concluded.
 */
export function reviewsQuery(f: Filters = {}, by: 'year' | 'unit' | 'total' = 'year'): Query<ReviewRow> {
  const w = summaryWhere(f)
  const long = REVIEW_BLOCK_KEYS.map((b) =>
    `SELECT s.unit_code, s.unit_name, s.year, '${b}' AS block, ${OUTS.map((o) => `s.${b}_${o} AS ${o}`).join(', ')} FROM s`).join(' UNION ALL ')
  const key = by === 'year' ? 'CAST(l.year AS VARCHAR)' : by === 'unit' ? 'l.unit_code' : `'total'`
  const label = by === 'year' ? `CAST(l.year AS VARCHAR)` : by === 'unit' ? 'any_value(l.unit_name)' : `'total'`
  const g1 = by === 'total' ? 'GROUP BY l.block' : `GROUP BY ${key}, l.block`
  const g2 = by === 'total' ? '' : `GROUP BY ${key}`
  const agg = `${OUTS.map((o) => `sum(l.${o})::DOUBLE AS "${o}"`).join(', ')},
      CASE WHEN sum(l.upheld + l.corrected + l.other) > 0
        THEN (sum(l.corrected) FILTER (WHERE l.upheld IS NOT NULL AND l.other IS NOT NULL) / sum(l.upheld + l.corrected + l.other))::DOUBLE END AS "correctionRate",
      count(DISTINCT l.unit_code || '|' || l.year) FILTER (WHERE l.total IS NOT NULL)::INTEGER AS "reports"`
  return {
    sql: `WITH s AS (SELECT s.* FROM summary s ${w.sql}), l AS (${long}),
      r AS (SELECT ${key} AS key, ${label} AS label, l.block, ${agg} FROM l ${g1}
        UNION ALL SELECT ${key} AS key, ${label} AS label, 'all' AS block, ${agg} FROM l ${g2})
    SELECT r.key AS "key", r.label AS "label", r.block AS "block", ${OUTS.map((o) => `r."${o}"`).join(', ')}, r."correctionRate", r."reports"
    FROM r ORDER BY r.key, CASE r.block WHEN 'review' THEN 0 WHEN 'litigation_direct' THEN 1 WHEN 'litigation_after_review' THEN 2 ELSE 3 END`,
    params: w.params,
  }
}
