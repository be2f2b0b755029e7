/** Section 二 and active_total per year, and per-unit rankings with change vs the previous year. */
import { formVersions, mappedVersions, measureFor } from '../../domain'
import { summaryWhere, unitsWhere } from '../filters'
import { SETTLED_YEAR } from '../years'
import type { Filters, Query } from '../types'
import type { ActiveYearRow, RankingRow } from './rows'

// Version names are domain constants, never user text.
const text = (s: string): string => `'${s.replace(/'/g, "''")}'`
/** The measure standing for current measure `to` in each report's version (src/domain/versions.ts mapping). */
function measureIn(to: string): string {
  const whens = formVersions().flatMap((v) => {
    const m = measureFor(v, to)
    return m && m.key !== to ? [`WHEN ${text(v.id)} THEN a.${m.key}`] : []
  })
  return whens.length ? `CASE s.format ${whens.join(' ')} ELSE a.${to} END` : `a.${to}`
}
/** Reports whose version has a counterpart of `to` (the others are left out of its sums). */
function hasMeasure(to: string): string {
  const lacking = formVersions().filter((v) => !measureFor(v, to)).map((v) => text(v.id))
  return lacking.length ? `(s.format IS NULL OR s.format NOT IN (${lacking.join(', ')}))` : 'true'
}

/**
 * Per year: active_total, normative documents (an older layout's measures mapped onto the current ones by the
 * domain: 2019 `made` → issued, `total_published` → in force, approximate; `repealed` only where a layout has it),
 * decisions, and fee amounts (only layouts that print an amount). `reports2019` counts the mapped reports.
 */
export function activeByYearQuery(f: Filters = {}): Query<ActiveYearRow> {
  const w = summaryWhere(f)
  const docs = `a.item = 'normative_docs'`
  const mapped = mappedVersions().map(text)
  return {
    sql: `WITH s AS (SELECT s.* FROM summary s ${w.sql}),
    y AS (SELECT year, count(*)::INTEGER AS reports, sum(active_total)::DOUBLE AS active_total,
      count(*) FILTER (WHERE active_total IS NULL)::INTEGER AS active_missing,
      count(*) FILTER (WHERE ${mapped.length ? `format IN (${mapped.join(', ')})` : 'false'})::INTEGER AS reports_2019 FROM s GROUP BY year),
    a AS (SELECT s.year,
      sum(${measureIn('issued')}) FILTER (WHERE ${docs})::DOUBLE AS docs_issued,
      sum(${measureIn('repealed')}) FILTER (WHERE ${docs} AND ${hasMeasure('repealed')})::DOUBLE AS docs_repealed,
      sum(${measureIn('in_force')}) FILTER (WHERE ${docs})::DOUBLE AS docs_in_force,
      sum(a.decisions) FILTER (WHERE a.item = 'licensing')::DOUBLE AS licensing,
      sum(a.decisions) FILTER (WHERE a.item = 'penalty')::DOUBLE AS penalty,
      sum(a.decisions) FILTER (WHERE a.item = 'coercion')::DOUBLE AS coercion,
      sum(${measureIn('fee_amount')}) FILTER (WHERE a.item = 'admin_fees' AND ${hasMeasure('fee_amount')})::DOUBLE AS fee_amount
      FROM s JOIN active a ON a.unit_code = s.unit_code AND a.year = s.year GROUP BY s.year)
    SELECT y.year::INTEGER AS "year", y.reports AS "reports", y.active_total AS "activeTotal", y.active_missing AS "activeMissing",
      a.docs_issued AS "docsIssued", a.docs_repealed AS "docsRepealed", a.docs_in_force AS "docsInForce", y.reports_2019 AS "reports2019",
      a.licensing AS "licensing", a.penalty AS "penalty", a.coercion AS "coercion", a.fee_amount AS "feeAmount"
    FROM y LEFT JOIN a ON a.year = y.year ORDER BY y.year`,
    params: w.params,
  }
}

/** Indicators a ranking can use; each maps to a fixed SQL expression over a summary row `s`. */
export const RANKING_INDICATORS = ['active_total', 'received', 'workload', 'disclosure_rate'] as const
export type RankingIndicator = (typeof RANKING_INDICATORS)[number]
const EXPR: Record<RankingIndicator, string> = {
  active_total: 's.active_total',
  received: 's.received',
  workload: 's.received + s.carried_in',
  disclosure_rate: 'CASE WHEN s.handled > 0 THEN (s.granted + s.partial) / s.handled END',
}

/**
 * Every unit's value of `indicator` in the ranking year, with the previous year's value (unit/level filters
 * apply to it, the year range does not), the relative change (`yoy`) and the difference (`diff`, for rates:
 * percentage points). The ranking year is `year` when given, else the latest filtered year in which enough
 * units have a value (../years.ts: half the fullest year's, and 3). Every row carries that year's number of
 * units with a value (`yearUnits`) and the latest year's (`latestYear`, `latestUnits`), for the caption.
 * `peersOf`: only the units with the same parent and level as that unit (its peers, itself included).
 */
export function rankingQuery(f: Filters, indicator: RankingIndicator, year?: number, peersOf?: string): Query<RankingRow> {
  const expr = EXPR[indicator]
  if (!expr) throw new Error(`unknown indicator ${indicator}`)
  const noYear = unitsWhere(f)
  const w = summaryWhere(f)
  const target = year != null
    ? { sql: 'SELECT ?::INTEGER AS y', params: [year] }
    : { sql: `SELECT ${SETTLED_YEAR} AS y FROM yc, mx`, params: [] }
  return {
    sql: `WITH b AS (SELECT s.unit_code, s.year, s.unit_name, s.parent_code, s.parent_name, s.level, (${expr})::DOUBLE AS v FROM summary s ${noYear.sql}),
      yc AS (SELECT s.year, count(${expr})::INTEGER AS n FROM summary s ${w.sql} GROUP BY s.year),
      mx AS (SELECT max(n) AS m FROM yc),
      ty AS (${target.sql}),
      meta AS (SELECT (SELECT n FROM yc WHERE yc.year = ty.y) AS yn, (SELECT max(year) FROM yc) AS ly,
        (SELECT n FROM yc WHERE yc.year = (SELECT max(year) FROM yc)) AS ln FROM ty)
    SELECT b.unit_code AS "unitCode", b.unit_name AS "unitName", b.parent_name AS "parentName", b.year::INTEGER AS "year",
      b.v AS "value", p.v AS "prev", CASE WHEN p.v <> 0 THEN ((b.v - p.v) / p.v)::DOUBLE END AS "yoy", (b.v - p.v)::DOUBLE AS "diff",
      coalesce(meta.yn, 0)::INTEGER AS "yearUnits", meta.ly::INTEGER AS "latestYear", coalesce(meta.ln, 0)::INTEGER AS "latestUnits"
    FROM b JOIN ty ON b.year = ty.y CROSS JOIN meta LEFT JOIN b p ON p.unit_code = b.unit_code AND p.year = b.year - 1
    ${peersOf != null ? `WHERE b.parent_code IS NOT DISTINCT FROM (SELECT any_value(parent_code) FROM summary WHERE unit_code = ?)
      AND b.level IS NOT DISTINCT FROM (SELECT any_value(level) FROM summary WHERE unit_code = ?)` : ''}
    ORDER BY b.v DESC NULLS LAST, b.unit_code`,
    params: [...noYear.params, ...w.params, ...target.params, ...(peersOf != null ? [peersOf, peersOf] : [])],
  }
}
