/** Units for the filter tree and the loaded years. */
import type { UnitRow, YearRow } from './rows'
import type { Filters, Query } from './types'

/** Every known unit (units.csv, reporting units, their parents) with its number of reports in the year range. */
export function unitsQuery(f: Filters = {}): Query<UnitRow> {
  const conds: string[] = []
  const params: (number | string)[] = []
  if (f.yearFrom != null) { conds.push('s.year >= ?'); params.push(f.yearFrom) }
  if (f.yearTo != null) { conds.push('s.year <= ?'); params.push(f.yearTo) }
  return {
    sql: `SELECT u.unit_code AS "unitCode", u.unit_name AS "unitName", u.parent_code AS "parentCode", u.parent_name AS "parentName",
      u.level AS "level", coalesce(n.reports, 0)::INTEGER AS "reports"
    FROM units u LEFT JOIN (SELECT s.unit_code, count(*) AS reports FROM summary s ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
      GROUP BY s.unit_code) n ON n.unit_code = u.unit_code
    ORDER BY u.depth, u.parent_code NULLS FIRST, u.unit_code`,
    params,
  }
}

export function yearsQuery(): Query<YearRow> {
  return { sql: 'SELECT DISTINCT year::INTEGER AS "year" FROM summary ORDER BY year', params: [] }
}
