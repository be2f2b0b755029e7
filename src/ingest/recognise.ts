/**
 * Header → table kind + canonical column key per position (bundle-format.md: a file's table is
 * recognised from its header, not its name). Every kind is scored; see `recognise`.
 */
import { BUNDLE_TABLES, TABLE_KINDS, labelIndex, type TableKind } from '../domain/bundle'
import { normaliseLabel } from '../domain/labels'
import type { HeaderColumn } from './sniff'

interface HeaderIssue {
  /** 1-based column position. */
  position: number
  header: string
  kind: 'unknown' | 'empty' | 'duplicate'
  /** For duplicates: the 1-based position of the first column with the same key. */
  firstPosition?: number
  key?: string
}

export interface Recognition {
  /** Best-matching kind; null when the header matches no table. */
  kind: TableKind | null
  /** True when every required column of `kind` is present (the file can be loaded). */
  complete: boolean
  /** Canonical key per position; null = ignored. */
  columns: (string | null)[]
  /** Required columns of `kind` not found (keys). */
  missing: string[]
  issues: HeaderIssue[]
  /** Columns matched (distinct keys). */
  matched: number
}

const INDEXES: Record<TableKind, Map<string, string>> = Object.fromEntries(
  TABLE_KINDS.map((k) => [k, labelIndex(BUNDLE_TABLES[k].columns)]),
) as Record<TableKind, Map<string, string>>

// Columns shared by most tables: matching only these says nothing about which table it is.
const COMMON = new Set(['unit_code', 'year'])

/** Candidate spellings of one header: the combined text, then the lowest sub-label, then lower parts joined. */
function candidates(col: HeaderColumn): string[] {
  const out = [col.text]
  if (col.parts.length > 1) {
    out.push(col.parts.slice(1).join('-'), col.parts[col.parts.length - 1])
  }
  return out.map(normaliseLabel).filter((s) => s !== '')
}

function lookup(index: Map<string, string>, col: HeaderColumn): string | null {
  for (const c of candidates(col)) {
    const key = index.get(c)
    if (key) return key
  }
  return null
}

interface Score { kind: TableKind; keys: (string | null)[]; matched: number; specific: number; missing: string[] }

function score(kind: TableKind, cols: HeaderColumn[]): Score {
  const index = INDEXES[kind]
  const seen = new Set<string>()
  const keys = cols.map((c) => {
    const key = lookup(index, c)
    if (key === null || seen.has(key)) return null
    seen.add(key)
    return key
  })
  const table = BUNDLE_TABLES[kind]
  const missing = table.columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.key)
  let specific = 0
  for (const k of seen) if (!COMMON.has(k)) specific++
  return { kind, keys, matched: seen.size, specific, missing }
}

/**
 * The kind matching the most columns wins; on a tie a kind with all required columns beats one
 * without, then the kind whose columns are covered best (most specific), then TABLE_KINDS order.
 * A kind wins only with at least one column beyond unit_code/year. When the winner lacks required
 * columns the file is reported, not loaded (guessing another table would misfile its numbers).
 */
export function recognise(cols: HeaderColumn[]): Recognition {
  const scores = TABLE_KINDS.map((k) => score(k, cols)).filter((s) => s.specific > 0)
  scores.sort((a, b) =>
    b.matched - a.matched ||
    Number(a.missing.length > 0) - Number(b.missing.length > 0) ||
    b.matched / BUNDLE_TABLES[b.kind].columns.length - a.matched / BUNDLE_TABLES[a.kind].columns.length ||
    TABLE_KINDS.indexOf(a.kind) - TABLE_KINDS.indexOf(b.kind))
  const best = scores[0]
  if (!best) return { kind: null, complete: false, columns: cols.map(() => null), missing: [], issues: [], matched: 0 }

  const index = INDEXES[best.kind]
  const issues: HeaderIssue[] = []
  const firstAt = new Map<string, number>()
  cols.forEach((c, i) => {
    const position = i + 1
    if (c.text.trim() === '') { issues.push({ position, header: c.text, kind: 'empty' }); return }
    const key = lookup(index, c)
    if (key === null) issues.push({ position, header: c.text, kind: 'unknown' })
    else if (firstAt.has(key)) issues.push({ position, header: c.text, kind: 'duplicate', key, firstPosition: firstAt.get(key) })
    else firstAt.set(key, position)
  })
  return { kind: best.kind, complete: best.missing.length === 0, columns: best.keys, missing: best.missing, issues, matched: best.matched }
}

/** Convenience for plain one-row headers. */
export function recogniseHeader(headers: string[]): Recognition {
  return recognise(headers.map((h) => ({ text: h, parts: h.trim() === '' ? [] : [h] })))
}

/** Chinese name of a column key in a table, e.g. `年度（year）`. */
export function columnLabel(kind: TableKind, key: string): string {
  const col = BUNDLE_TABLES[kind].columns.find((c) => c.key === key)
  return col ? `${col.zh}（${key}）` : key
}
