/** Unit profile: one unit's key indicators across its years, against its peers' quartiles and rank. */
import { REVIEW_BLOCK_KEYS, type UnitProfileRow } from './rows'
import { summaryWhere } from '../filters'
import type { Filters, Query } from '../types'

export const PROFILE_INDICATORS = ['active_total', 'received', 'workload', 'disclosure_rate', 'correction_rate'] as const
type ProfileIndicator = (typeof PROFILE_INDICATORS)[number]

const complete = (b: string) => `s.${b}_upheld IS NOT NULL AND s.${b}_corrected IS NOT NULL AND s.${b}_other IS NOT NULL`
const sumOver = (part: (b: string) => string) =>
  REVIEW_BLOCK_KEYS.map((b) => `CASE WHEN ${complete(b)} THEN ${part(b)} ELSE 0 END`).join(' + ')
const CORRECTION = `CASE WHEN (${sumOver((b) => `s.${b}_upheld + s.${b}_corrected + s.${b}_other`)}) > 0
  THEN (${sumOver((b) => `s.${b}_corrected`)}) / (${sumOver((b) => `s.${b}_upheld + s.${b}_corrected + s.${b}_other`)}) END`

const EXPR: Record<ProfileIndicator, string> = {
  active_total: 's.active_total',
  received: 's.received',
  workload: 's.received + s.carried_in',
  disclosure_rate: 'CASE WHEN s.handled > 0 THEN (s.granted + s.partial) / s.handled END',
  correction_rate: CORRECTION,
}

/**
 * Peers = units with the same parent and level in the same year (the unit itself included).
 * The year range applies to the unit's years; the previous year is looked up regardless.
 * Rank 1 = the highest value among peers that have one. With `panel` (like for like) the peers are the units
 * with data in every year of the range only, so that the peers' median does not move with coverage.
 */
export function unitProfileQuery(code: string, f: Filters = {}): Query<UnitProfileRow> {
  const cases = PROFILE_INDICATORS.map((k) => `WHEN '${k}' THEN ${EXPR[k]}`).join(' ')
  const conds: string[] = ['v.unit_code = ?']
  const params: (string | number)[] = [code]
  if (f.yearFrom != null) { conds.push('v.year >= ?'); params.push(f.yearFrom) }
  if (f.yearTo != null) { conds.push('v.year <= ?'); params.push(f.yearTo) }
  const panel = f.panel ? summaryWhere({ yearFrom: f.yearFrom, yearTo: f.yearTo, panel: true }, 'q') : null
  const peers = panel ? `(SELECT v.* FROM v SEMI JOIN (SELECT DISTINCT q.unit_code FROM summary q ${panel.sql}) q ON q.unit_code = v.unit_code)` : 'v'
  return {
    sql: `WITH ind(k, ord) AS (VALUES ${PROFILE_INDICATORS.map((k, i) => `('${k}', ${i})`).join(', ')}),
      v AS (SELECT s.unit_code, s.year, s.unit_name, s.parent_code, s.level, ind.k AS indicator, ind.ord,
        (CASE ind.k ${cases} END)::DOUBLE AS v FROM summary s CROSS JOIN ind),
      me AS (SELECT * FROM v WHERE ${conds.join(' AND ')}),
      peer AS (SELECT me.indicator, me.year, quantile_cont(p.v, 0.25)::DOUBLE AS p25, quantile_cont(p.v, 0.5)::DOUBLE AS p50,
        quantile_cont(p.v, 0.75)::DOUBLE AS p75, count(p.v)::INTEGER AS n, (count(*) FILTER (WHERE p.v > me.v) + 1)::INTEGER AS rnk
        FROM me JOIN ${peers} p ON p.indicator = me.indicator AND p.year = me.year
          AND p.parent_code IS NOT DISTINCT FROM me.parent_code AND p.level IS NOT DISTINCT FROM me.level
        GROUP BY me.indicator, me.year, me.v)
    SELECT me.indicator AS "indicator", me.year::INTEGER AS "year", me.unit_name AS "unitName", me.v AS "value", pv.v AS "prev",
      CASE WHEN pv.v <> 0 THEN ((me.v - pv.v) / pv.v)::DOUBLE END AS "yoy", (me.v - pv.v)::DOUBLE AS "diff",
      peer.p25 AS "p25", peer.p50 AS "p50", peer.p75 AS "p75",
      CASE WHEN me.v IS NOT NULL THEN peer.rnk END AS "rank", peer.n AS "peers"
    FROM me JOIN peer ON peer.indicator = me.indicator AND peer.year = me.year
    LEFT JOIN v pv ON pv.unit_code = me.unit_code AND pv.indicator = me.indicator AND pv.year = me.year - 1
    ORDER BY me.ord, me.year`,
    params: [...params, ...(panel?.params ?? [])],
  }
}
