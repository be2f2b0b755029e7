/**
 * Which cells of the form a finding is about, from its `tbl` and `cells` (as written by
 * src/db/findings.ts and src/db/sql/rules.ts): `row.col` (row keys may contain dots, columns do
 * not), lists joined by `,` or by the `+`/`=` of a rule, `.col` for tables without rows, a bare
 * row key for a whole row, a bare column for reviews.
 */
import { APPLICANT_KEYS, REVIEW_KEYS, ACTIVE_MEASURES } from '../../domain'

/** Key of one cell of the form: `tbl|row|col`; `col` = `*` for a whole row. */
export const cellKey = (tbl: string, row: string, col: string): string => `${tbl}|${row}|${col}`

const COLS: Record<string, ReadonlySet<string>> = {
  active: new Set(ACTIVE_MEASURES.map((m) => m.key)),
  applications: new Set(APPLICANT_KEYS),
  reviews: new Set(REVIEW_KEYS),
}

/** Cell keys a finding touches (empty when it is about no particular cell). */
export function findingCellKeys(tbl: string | null, cells: string | null): string[] {
  if (!cells) return []
  if (tbl === 'summary' || tbl === 'reports') {
    cells = cells.replace(/^\./, '')
    // indicator findings: received/handled point at the total column of their row
    if (cells === 'received' || cells === 'handled') return [cellKey('applications', cells, 'total')]
    if (cells === 'active_total') return [cellKey('reports', '', 'active_total')]
    return []
  }
  if (!tbl || !COLS[tbl]) return []
  const out: string[] = []
  for (const raw of cells.split(/[,+=]/)) {
    const token = raw.trim()
    if (!token) continue
    const dot = token.lastIndexOf('.')
    if (dot < 0) {
      if (COLS[tbl].has(token)) out.push(cellKey(tbl, '', token))
      else out.push(cellKey(tbl, token, '*'))
      continue
    }
    const row = token.slice(0, dot)
    const col = token.slice(dot + 1)
    if (COLS[tbl].has(col)) out.push(cellKey(tbl, row, col))
    else out.push(cellKey(tbl, token, '*')) // a row key with dots, no column
  }
  return out
}

export interface CellNote { severity: 'error' | 'warning' | 'info'; message: string }

/** Index: cell key → findings touching it. Look up a cell with `notesFor`. */
export function indexFindings(findings: readonly { tbl?: string | null; table?: string | null; cells: string | null; severity: string; message: string }[]): Map<string, CellNote[]> {
  const map = new Map<string, CellNote[]>()
  for (const f of findings) {
    for (const k of findingCellKeys(f.table ?? f.tbl ?? null, f.cells)) {
      const list = map.get(k) ?? []
      list.push({ severity: f.severity as CellNote['severity'], message: f.message })
      map.set(k, list)
    }
  }
  return map
}

export function notesFor(index: Map<string, CellNote[]>, tbl: string, row: string, col: string): CellNote[] {
  return [...(index.get(cellKey(tbl, row, col)) ?? []), ...(index.get(cellKey(tbl, row, '*')) ?? [])]
}

export const worst = (notes: readonly CellNote[]): CellNote['severity'] | null =>
  notes.some((n) => n.severity === 'error') ? 'error' : notes.some((n) => n.severity === 'warning') ? 'warning' : notes.length ? 'info' : null
