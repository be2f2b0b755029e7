/**
 * Error inputs of a chart: how many unit-years among the data a chart draws (the `summary` rows
 * within the current filters, or one unit's years) carry at least one error-severity finding.
 * The chart panel shows a warning badge linking to the data-quality view when this is > 0.
 */
import { summaryWhere } from './filters'
import type { Filters, Query } from './types'

// a type (not an interface): rows are index-signature records for the query runner
export type ErrorInputsRow = {
  /** Unit-years within the filters with ≥ 1 error finding. */
  n: number
}

export interface ErrorInputsOptions {
  /**
   * Only this unit's own years (the unit profile), not everything below it. The unit, level and
   * drill filters are then ignored (the profile shows the unit whatever they are); years still apply.
   */
  unitCode?: string
}

export function errorInputsQuery(f: Filters = {}, opts: ErrorInputsOptions = {}): Query<ErrorInputsRow> {
  const scoped: Filters = opts.unitCode != null ? { yearFrom: f.yearFrom, yearTo: f.yearTo } : f
  const w = summaryWhere(scoped, 's')
  const conds = w.sql ? [w.sql.replace(/^WHERE /, '')] : []
  const params = [...w.params]
  if (opts.unitCode != null) { conds.push('s.unit_code = ?'); params.push(opts.unitCode) }
  conds.push(`EXISTS (SELECT 1 FROM findings x WHERE x.severity = 'error' AND x.unit_code = s.unit_code AND x.year = s.year)`)
  return {
    sql: `SELECT count(*)::INTEGER AS "n" FROM (SELECT DISTINCT s.unit_code, s.year FROM summary s WHERE ${conds.join(' AND ')}) u`,
    params,
  }
}
