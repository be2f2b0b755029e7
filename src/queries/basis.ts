/**
 * The basis of a by-unit figure: one value per unit from the reports of the chosen year, of the latest year
 * each unit reported, or summed over the years of the range. Real bundles are sparse (most units have one
 * or two reports, in different years), so a by-unit figure always says which of these it shows.
 */
import { summaryWhere } from './filters'
import type { Filters, SqlParam } from './types'

export type UnitBasis =
  | { kind: 'sum' }
  | { kind: 'latest' }
  | { kind: 'year'; year: number }

export const SUM_BASIS: UnitBasis = { kind: 'sum' }

/** Text form (URL, select value): 'sum' · 'latest' · '2023'. */
export function basisKey(b: UnitBasis): string {
  return b.kind === 'year' ? String(b.year) : b.kind
}

export function parseBasis(s: string | null | undefined): UnitBasis {
  if (s === 'latest') return { kind: 'latest' }
  if (s && /^\d{4}$/.test(s)) return { kind: 'year', year: Number(s) }
  return SUM_BASIS
}

/**
 * The summary rows behind one value per unit, as a SELECT over `summary s` (all its columns): the filters
 * apply first; `only` (e.g. 's.has_applications') restricts the rows a unit's latest year is chosen from.
 */
export function basisRowsSql(f: Filters, b: UnitBasis, only?: string): { sql: string; params: SqlParam[] } {
  const w = summaryWhere(f, 's')
  const conds = [w.sql.replace(/^WHERE /, ''), only ?? ''].filter(Boolean)
  const params: SqlParam[] = [...w.params]
  if (b.kind === 'year') { conds.push('s.year = ?'); params.push(b.year) }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : ''
  const latest = b.kind === 'latest' ? 'QUALIFY row_number() OVER (PARTITION BY s.unit_code ORDER BY s.year DESC) = 1' : ''
  return { sql: `SELECT s.* FROM summary s ${where} ${latest}`, params }
}
