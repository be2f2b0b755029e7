/**
 * The unit hierarchy (units.csv parent_code, any depth): children of a drill unit with the
 * aggregates of everything below each child, and pure helpers over the unit list
 * (ancestors for breadcrumbs, depth-first order for the unit picker).
 */
import { compareZh } from '../domain/collate'
import type { SqlParam } from '../db/types'
import { summaryWhere } from './filters'
import type { UnitRow } from './rows'
import type { Filters, Query } from './types'

/** One child of the drill unit (or the drill unit's own reports, `self`), summed over its descendants. */
// A type alias (not an interface) so it fits useQuery's Row constraint.
export type ChildAggregateRow = {
  unitCode: string
  unitName: string
  level: string | null
  /** The drill unit's own reports ("本级"), not a child. */
  self: boolean
  /** Direct children of this unit (0 = a leaf: no drilling further). */
  children: number
  /** Reports (unit × year rows of `summary`) counted. */
  reports: number
  /** Units with at least one report counted. */
  units: number
  activeTotal: number | null
  received: number | null
  handled: number | null
  /** granted + partial (sum of the stated cells of each). */
  grantedPartial: number | null
}

const AGG = `count(s.unit_code)::INTEGER AS "reports", count(DISTINCT s.unit_code)::INTEGER AS "units",
      sum(s.active_total)::DOUBLE AS "activeTotal", sum(s.received)::DOUBLE AS "received", sum(s.handled)::DOUBLE AS "handled",
      (CASE WHEN count(s.granted) + count(s.partial) > 0 THEN coalesce(sum(s.granted), 0) + coalesce(sum(s.partial), 0) END)::DOUBLE AS "grantedPartial"`

/**
 * Per child of `parentCode` (null = the top: units without a known parent), the sums over all of
 * the child's descendants' (and its own) summary rows that pass the filters. The drill level of the
 * filters is ignored (the parent is the drill level); the parent's own reports come as a `self` row.
 */
export function childrenAggregatesQuery(f: Filters, parentCode: string | null): Query<ChildAggregateRow> {
  const w = summaryWhere({ ...f, drill: undefined }, 's')
  const cond = w.sql ? `AND ${w.sql.replace(/^WHERE /, '')}` : ''
  // Parameters in the order their `?` appear: the join condition comes before the WHERE.
  const params: SqlParam[] = [...w.params]
  const childCond = parentCode == null
    ? '(c.parent_code IS NULL OR c.parent_code = c.unit_code OR c.parent_code NOT IN (SELECT unit_code FROM units))'
    : 'c.parent_code = ? AND c.unit_code <> c.parent_code'
  if (parentCode != null) params.push(parentCode)
  let self = ''
  if (parentCode != null) {
    self = `UNION ALL
    SELECT p.unit_code AS "unitCode", p.unit_name AS "unitName", p.level AS "level", true AS "self", 0 AS "children", ${AGG}
    FROM units p LEFT JOIN summary s ON s.unit_code = p.unit_code ${cond}
    WHERE p.unit_code = ? GROUP BY p.unit_code, p.unit_name, p.level HAVING count(s.unit_code) > 0`
    params.push(...w.params, parentCode)
  }
  return {
    sql: `SELECT * FROM (
    SELECT c.unit_code AS "unitCode", c.unit_name AS "unitName", c.level AS "level", false AS "self",
      (SELECT count(*) FROM units k WHERE k.parent_code = c.unit_code)::INTEGER AS "children", ${AGG}
    FROM units c
      LEFT JOIN unit_tree t ON t.ancestor_code = c.unit_code
      LEFT JOIN summary s ON s.unit_code = t.unit_code ${cond}
    WHERE ${childCond}
    GROUP BY c.unit_code, c.unit_name, c.level
    ${self}
  ) ORDER BY "self" DESC, "activeTotal" DESC NULLS LAST, "unitCode"`,
    params,
  }
}

/** Index of the unit list by code. */
export function unitIndex(units: readonly UnitRow[]): Map<string, UnitRow> {
  return new Map(units.map((u) => [u.unitCode, u]))
}

/** The unit and its ancestors, top first (stops at a cycle or an unknown parent). */
export function ancestorsOf(code: string, byCode: ReadonlyMap<string, UnitRow>): UnitRow[] {
  const out: UnitRow[] = []
  const seen = new Set<string>()
  let c: string | null = code
  while (c != null && !seen.has(c)) {
    seen.add(c)
    const u = byCode.get(c)
    if (!u) break
    out.push(u)
    c = u.parentCode
  }
  return out.reverse()
}

export interface UnitOption { value: string; label: string; depth: number; path: string; level: string | null; reports: number }

/**
 * Every unit in depth-first order (children by name) with its depth, for a flat (virtualised)
 * picker that still reads as a tree; `path` (ancestor names) makes search by any name work.
 */
export function unitOptions(units: readonly UnitRow[]): UnitOption[] {
  const byCode = unitIndex(units)
  const kids = new Map<string | null, UnitRow[]>()
  for (const u of units) {
    const p = u.parentCode != null && byCode.has(u.parentCode) && u.parentCode !== u.unitCode ? u.parentCode : null
    let l = kids.get(p)
    if (!l) kids.set(p, (l = []))
    l.push(u)
  }
  for (const l of kids.values()) l.sort((a, b) => compareZh(a.unitName, b.unitName) || a.unitCode.localeCompare(b.unitCode))
  const out: UnitOption[] = []
  const seen = new Set<string>()
  const walk = (parent: string | null, depth: number, path: string): void => {
    for (const u of kids.get(parent) ?? []) {
      if (seen.has(u.unitCode)) continue
      seen.add(u.unitCode)
      out.push({ value: u.unitCode, label: u.unitName, depth, path, level: u.level, reports: u.reports })
      walk(u.unitCode, depth + 1, path ? `${path} / ${u.unitName}` : u.unitName)
    }
  }
  walk(null, 0, '')
  // Units in a parent cycle are never reached from a root: list them at the end.
  for (const u of units) if (!seen.has(u.unitCode)) out.push({ value: u.unitCode, label: u.unitName, depth: 0, path: '', level: u.level, reports: u.reports })
  return out
}
