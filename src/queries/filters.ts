/** WHERE clauses for the shared Filters, with `?` parameters (user values are never glued into SQL). */
import type { Filters, SqlParam } from './types'

export interface Clause { sql: string; params: SqlParam[] }

/**
 * Conditions on a `summary` row aliased `a` (a unit and all its descendants via `unit_tree`). With `panel`, only
 * the units that have a summary row in every year that the other filters leave (like for like).
 */
export function summaryWhere(f: Filters, a = 's'): Clause {
  const base = baseWhere(f, a)
  if (!f.panel) return base
  const inner = baseWhere({ ...f, panel: false }, 'p')
  const cond = `${a}.unit_code IN (SELECT p.unit_code FROM summary p ${inner.sql} GROUP BY p.unit_code
    HAVING count(DISTINCT p.year) = (SELECT count(DISTINCT p.year) FROM summary p ${inner.sql}))`
  return {
    sql: base.sql ? `${base.sql} AND ${cond}` : `WHERE ${cond}`,
    params: [...base.params, ...inner.params, ...inner.params],
  }
}

/**
 * The units `f` keeps — the unit, level and drill filters, and with `panel` the units with data in every year of
 * f's range — on rows of any year (a previous year's value for a change, a ranking's year before).
 */
export function unitsWhere(f: Filters, a = 's'): Clause {
  const base = baseWhere({ ...f, yearFrom: undefined, yearTo: undefined }, a)
  if (!f.panel) return base
  const inRange = summaryWhere(f, 'q')
  const cond = `${a}.unit_code IN (SELECT q.unit_code FROM summary q ${inRange.sql})`
  return { sql: base.sql ? `${base.sql} AND ${cond}` : `WHERE ${cond}`, params: [...base.params, ...inRange.params] }
}

function baseWhere(f: Filters, a: string): Clause {
  const conds: string[] = []
  const params: SqlParam[] = []
  if (f.yearFrom != null) { conds.push(`${a}.year >= ?`); params.push(f.yearFrom) }
  if (f.yearTo != null) { conds.push(`${a}.year <= ?`); params.push(f.yearTo) }
  if (f.unitCodes && f.unitCodes.length > 0) {
    conds.push(`${a}.unit_code IN (SELECT t.unit_code FROM unit_tree t WHERE t.ancestor_code IN (${f.unitCodes.map(() => '?').join(', ')}))`)
    params.push(...f.unitCodes)
  }
  if (f.level) { conds.push(`${a}.level = ?`); params.push(f.level) }
  // Drill level (src/queries/hierarchy.ts): the drill unit and everything below it.
  if (f.drill) { conds.push(`${a}.unit_code IN (SELECT t.unit_code FROM unit_tree t WHERE t.ancestor_code = ?)`); params.push(f.drill) }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params }
}

/** Whether any filter restricts units (then file-level findings without a unit are left out). */
const restrictsUnits = (f: Filters): boolean => !!(f.unitCodes && f.unitCodes.length > 0) || !!f.level || !!f.drill

/** Conditions on a `findings` row aliased `a`: its report passes the filters. */
export function findingsWhere(f: Filters, a = 'f'): Clause {
  const s = summaryWhere(f, 's')
  if (!s.sql) return { sql: '', params: [] }
  const inSummary = `EXISTS (SELECT 1 FROM summary s ${s.sql} AND s.unit_code = ${a}.unit_code AND s.year = ${a}.year)`
  // findings of a whole file or unit (no year) stay visible under year filters only
  const unitLevel = `(${a}.year IS NULL AND ${a}.unit_code IS NULL)`
  return { sql: `WHERE (${inSummary}${restrictsUnits(f) ? '' : ` OR ${unitLevel}`})`, params: s.params }
}
