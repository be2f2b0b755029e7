/**
 * Query results → CSV text for Excel: UTF-8 BOM, CRLF, quoted as needed, formulas neutralised (the
 * app's one CSV writer, src/export/csv.ts). Values arrive as text, so a plain negative number
 * ("-12.5") is kept as it is.
 */
import { csvText, neutralise } from '../../export/csv'
import { downloadBlob } from '../../export/download'

/** A cell Excel would run as a formula (= + - @, tab, CR) gets a leading apostrophe; plain numbers do not. */
export function neutraliseCell(s: string): string {
  return neutralise(s, { keepNumericText: true })
}

/** Display/CSV text of a value from DuckDB (numbers as is, BigInt, dates, lists, structs). */
export function valueText(v: unknown): string {
  if (v == null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (typeof v === 'bigint') return v.toString()
  if (v instanceof Date) return v.toISOString()
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))
  } catch {
    return String(v)
  }
}

export function rowsToCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return csvText([columns, ...rows.map((r) => columns.map((c) => valueText(r[c])))], { keepNumericText: true })
}

/** Offer text as a file download (stays in the browser). */
export function downloadText(text: string, name: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(new Blob([text], { type }), name)
}
