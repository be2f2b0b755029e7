/**
 * Accepted reports → a CSV bundle (bundle-format.md, contract v1): reports.csv, active.csv,
 * applications.csv, reviews.csv. Cells are written as read: blank stays blank (missing, not 0),
 * "/" stays "/", text stays text; numbers are written normalised (１２ → 12), amounts in 万元.
 * A cell the importer did not read is written 未读取 (NOT_READ), never blank; a row the page does
 * not show is left out (absent, not blank).
 */
import { NOT_READ } from '../../domain/cells'
import { ACTIVE_MEASURES, APPLICANT_KEYS, REVIEW_KEYS } from '../../domain/format'
import { allActiveItems, allApplicationRows } from '../../domain/versions'
import type { ExtractedCell, ParsedReport } from './types'

export interface AcceptedReport extends Omit<ParsedReport, 'parentName' | 'level'> {
  unitCode: string
  parentCode?: string
  parentName?: string | null
  level?: string | null
  /** URL or file the figures came from; defaults to fileName. */
  source?: string
}

function field(v: string | number | null | undefined): string {
  const s = v == null ? '' : String(v)
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
const csv = (rows: (string | number | null | undefined)[][]): string => rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'

/** What a cell is written as: the number for numbers, the verbatim text otherwise. */
function reportCellText(c: ExtractedCell | undefined): string {
  if (c?.unread) return NOT_READ
  if (!c || c.kind === 'blank') return ''
  if (c.kind === 'number' && c.value !== null) return String(c.value)
  return c.raw.trim()
}

function table(reports: readonly AcceptedReport[], rowKeys: readonly string[], columns: readonly string[], cellsOf: (r: AcceptedReport) => ExtractedCell[], colOf: (c: ExtractedCell) => string, rowOf: (c: ExtractedCell) => string, rowHeader: string | null): string {
  const rows: (string | number | null)[][] = [['unit_code', 'year', ...(rowHeader ? [rowHeader] : []), ...columns]]
  for (const r of reports) {
    const byRow = new Map<string, Map<string, ExtractedCell>>()
    for (const c of cellsOf(r)) {
      const k = rowOf(c)
      if (!byRow.has(k)) byRow.set(k, new Map())
      byRow.get(k)!.set(colOf(c), c)
    }
    for (const k of rowKeys) {
      const cells = byRow.get(k)
      if (!cells) continue
      rows.push([r.unitCode, r.year, ...(rowHeader ? [k] : []), ...columns.map((col) => reportCellText(cells.get(col)))])
    }
  }
  return csv(rows)
}

export function toBundleCsv(reports: readonly AcceptedReport[]): Record<string, string> {
  const head = ['unit_code', 'unit_name', 'year', 'parent_code', 'parent_name', 'level', 'format', 'active_total', 'source']
  const reportsCsv = csv([head, ...reports.map((r) => [
    r.unitCode, r.unitName, r.year, r.parentCode, r.parentName, r.level, r.format, r.activeTotal, r.source ?? r.fileName,
  ])])
  return {
    'reports.csv': reportsCsv,
    'active.csv': table(reports, allActiveItems().map((i) => i.key), ACTIVE_MEASURES.map((m) => m.key), (r) => r.active, (c) => c.column, (c) => c.row, 'item'),
    'applications.csv': table(reports, allApplicationRows().map((r) => r.key), APPLICANT_KEYS, (r) => r.applications, (c) => c.column, (c) => c.row, 'row'),
    'reviews.csv': table(reports, ['all'], REVIEW_KEYS, (r) => r.reviews, (c) => `${c.row}_${c.column}`, () => 'all', null),
  }
}
