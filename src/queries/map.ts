/** Values of the township map: one per unit, summed over the filtered years (a rate from the sums). */
import { summaryWhere } from './filters'
import type { Filters, Query } from './types'

export const MAP_INDICATORS = ['active_total', 'received', 'disclosure_rate', 'review_total'] as const
export type MapIndicator = (typeof MAP_INDICATORS)[number]

export type MapValueRow = { unitCode: string; unitName: string; value: number | null; reports: number }

const VALUE: Record<MapIndicator, string> = {
  active_total: 'sum(s.active_total)::DOUBLE',
  received: 'sum(s.received)::DOUBLE',
  disclosure_rate: 'CASE WHEN sum(s.handled) > 0 THEN ((sum(s.granted) + sum(s.partial)) / sum(s.handled))::DOUBLE END',
  review_total: 'sum(s.review_total)::DOUBLE',
}

export function mapValuesQuery(f: Filters, indicator: MapIndicator): Query<MapValueRow> {
  const w = summaryWhere(f)
  return {
    sql: `SELECT s.unit_code AS "unitCode", arg_max(s.unit_name, s.year) AS "unitName", ${VALUE[indicator]} AS "value",
      count(*)::INTEGER AS "reports" FROM summary s ${w.sql} GROUP BY s.unit_code ORDER BY s.unit_code`,
    params: w.params,
  }
}

/** Every known unit (boundaries are matched against all, whatever the filters). */
export function mapUnitsQuery(): Query<{ unitCode: string; unitName: string }> {
  return { sql: `SELECT unit_code AS "unitCode", unit_name AS "unitName" FROM units WHERE unit_name IS NOT NULL ORDER BY unit_code`, params: [] }
}
