/**
 * One report's cells as the form shows them: the typed value and the verbatim text, and what the
 * cell means (number · zero word · blank = missing · not applicable · text). Cells of rows read
 * from facts.csv take their text from the long table.
 */
import { parseCell, type CellKind } from '../../domain/cells'
import { REPORT_COLUMNS, type CellTable, type ReportCellsRow, type ReportFactRow } from '../../queries/quality'

export interface CellView {
  /** `absent`: the row itself is not in the data. */
  kind: CellKind | 'absent'
  value: number | null
  /** Verbatim text of the cell (null = blank / absent). */
  raw: string | null
  tolerated: boolean
}

export interface TableCells {
  /** rowKey ('' for reviews) → column → cell. */
  rows: Map<string, Map<string, CellView>>
  /** Where each row came from. */
  sources: Map<string, { file: string | null; line: number | null; fileKind: string | null }>
}

const ABSENT: CellView = { kind: 'absent', value: null, raw: null, tolerated: false }

export function viewOf(raw: string | null, value: number | null): CellView {
  if (raw == null && value != null) return { kind: 'number', value, raw: String(value), tolerated: false }
  const c = parseCell(raw)
  return { kind: c.kind, value: value ?? c.value, raw, tolerated: c.tolerated }
}

export function buildTable(tbl: CellTable, rows: readonly ReportCellsRow[], facts: readonly ReportFactRow[] = []): TableCells {
  const factIndex = new Map<string, string | null>()
  for (const f of facts) if (f.tbl === tbl) factIndex.set(`${f.fileId}|${f.rowKey}|${f.col}`, f.raw)
  const out: TableCells = { rows: new Map(), sources: new Map() }
  for (const r of rows) {
    if (out.rows.has(r.rowKey)) continue // typed tables hold one winner per key; keep the first
    const fromFacts = r.fileKind === 'facts'
    const cells = new Map<string, CellView>()
    for (const c of REPORT_COLUMNS[tbl]) {
      const v = r[`v_${c}`]
      const value = typeof v === 'number' ? v : v == null ? null : Number(v)
      const rawV = fromFacts ? factIndex.get(`${r.fileId}|${r.rowKey}|${c}`) ?? null : (r[`r_${c}`] as string | null | undefined) ?? null
      cells.set(c, viewOf(rawV, value))
    }
    out.rows.set(r.rowKey, cells)
    out.sources.set(r.rowKey, { file: r.file, line: r.line, fileKind: r.fileKind })
  }
  return out
}

export function cellAt(t: TableCells | null, row: string, col: string): CellView {
  return t?.rows.get(row)?.get(col) ?? ABSENT
}

/** Source files of a report with the lines used, for the "source" list. */
export function sourceLines(entries: readonly { file: string | null; line: number | null; table: string }[]): { file: string; table: string; from: number | null; to: number | null }[] {
  const by = new Map<string, { file: string; table: string; from: number | null; to: number | null }>()
  for (const e of entries) {
    if (!e.file) continue
    const k = `${e.file}|${e.table}`
    const s = by.get(k) ?? { file: e.file, table: e.table, from: null, to: null }
    if (e.line != null) { s.from = s.from == null ? e.line : Math.min(s.from, e.line); s.to = s.to == null ? e.line : Math.max(s.to, e.line) }
    by.set(k, s)
  }
  return [...by.values()].sort((a, b) => a.file.localeCompare(b.file) || a.table.localeCompare(b.table))
}
