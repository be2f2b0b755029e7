/**
 * Export of findings with their review marks: CSV (UTF-8 with BOM, CRLF, formula cells neutralised)
 * and xlsx (exceljs, imported only when asked). Pure except `download` / `toXlsx`.
 */

import { csvText, neutralise as neutraliseText } from '../../export/csv'
import { downloadBlob } from '../../export/download'

/** Cells starting like a formula (= + - @, and tab/CR which Excel strips) get a leading apostrophe. */
export function neutralise(s: string): string {
  return neutraliseText(s)
}

export type CsvValue = string | number | null | undefined

/** CSV text with a UTF-8 BOM (Excel on Chinese Windows otherwise reads it as GBK); the app's one CSV writer. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvText([header, ...rows])
}

/** Save bytes or text as a file through a temporary object URL (nothing leaves the tab). */
export function download(data: BlobPart, fileName: string, type: string): void {
  downloadBlob(new Blob([data], { type }), fileName)
}

/** An xlsx workbook of one sheet; exceljs is loaded on first use. */
export async function toXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly CsvValue[])[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet1')
  ws.addRow([...header])
  // strings are written as shared strings (never formulas); formula-like text stays text
  for (const r of rows) ws.addRow(r.map((v) => (v == null ? null : v)))
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  header.forEach((_h, i) => { ws.getColumn(i + 1).width = i === header.length - 1 ? 60 : 16 })
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}
