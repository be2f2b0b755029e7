/**
 * `.xlsx` → one CSV SourceFile per sheet (`book.xlsx/SheetName`), RFC 4180 quoting.
 * exceljs is imported dynamically so it lands in its own chunk and loads only when needed.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs'
import type { SourceFile } from './types'
import type { Expanded } from './archive'
import { xlsxBudgetProblem } from './budget'

type ExcelModule = { Workbook: new () => Workbook }

let excel: Promise<ExcelModule> | null = null
function loadExcel(): Promise<ExcelModule> {
  // exceljs is CommonJS: under Node the classes sit on `default`, in the browser build on the module.
  excel ??= import('exceljs').then((m) => ((m as unknown as { default?: ExcelModule }).default ?? (m as unknown as ExcelModule)))
  return excel
}

const pad = (n: number): string => String(n).padStart(2, '0')

function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day
  return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** A cell's value as the text a clerk sees: numbers, cached formula results, ISO dates, plain rich text. */
function xlsxCellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v === 0 ? 0 : v) : ''
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateText(v)
  if ('richText' in v) return v.richText.map((r) => r.text).join('')
  if ('formula' in v || 'sharedFormula' in v) return xlsxCellText((v as { result?: CellValue }).result as CellValue)
  if ('error' in v) return v.error
  if ('hyperlink' in v) return xlsxCellText((v as { text?: CellValue }).text as CellValue)
  return ''
}

/** RFC 4180: quote fields holding the delimiter, a quote, CR or LF; double the quotes. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Sheet → CSV text; merged cells keep their value only in the top-left cell (as Excel's CSV export). */
function sheetToCsv(ws: Worksheet): string {
  const rows: string[][] = []
  let width = 0
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const slave = cell.isMerged && cell.master.address !== cell.address
      cells[c - 1] = slave ? '' : xlsxCellText(cell.value)
    })
    for (let i = 0; i < cells.length; i++) cells[i] ??= ''
    let last = cells.length
    while (last > 0 && cells[last - 1].trim() === '') last--
    cells.length = last
    width = Math.max(width, last)
    rows[r - 1] = cells
  })
  let end = rows.length
  while (end > 0 && (rows[end - 1] ?? []).length === 0) end--
  const lines: string[] = []
  for (let r = 0; r < end; r++) {
    const cells = rows[r] ?? []
    const line: string[] = []
    for (let c = 0; c < width; c++) line.push(csvField(cells[c] ?? ''))
    lines.push(line.join(','))
  }
  return lines.length ? lines.join('\r\n') + '\r\n' : ''
}

/** Expand a workbook into CSV files, one per visible non-empty sheet. */
export async function expandXlsx(book: SourceFile): Promise<Expanded> {
  const out: Expanded = { files: [], skipped: [], errors: [] }
  // Budgets before exceljs (which holds every cell and shared string as objects): ./limits.ts.
  const over = xlsxBudgetProblem(book.path, book.bytes)
  if (over) { out.errors.push({ path: book.path, message: over }); return out }
  let wb: Workbook
  try {
    const { Workbook: WB } = await loadExcel()
    wb = new WB()
    // exceljs's types want a Node Buffer; an ArrayBuffer works in both Node and the browser.
    const ab = book.bytes.buffer.slice(book.bytes.byteOffset, book.bytes.byteOffset + book.bytes.byteLength) as ArrayBuffer
    await wb.xlsx.load(ab as unknown as Parameters<Workbook['xlsx']['load']>[0])
  } catch (err) {
    out.errors.push({ path: book.path, message: `Excel 文件 ${book.path} 无法打开（${err instanceof Error ? err.message : String(err)}），可能已损坏或不是 .xlsx 格式；请在 Excel 中另存为 .xlsx 或 .csv 后再加载` })
    return out
  }
  const encoder = new TextEncoder()
  for (const ws of wb.worksheets) {
    const path = `${book.path}/${ws.name}`
    if (ws.state && ws.state !== 'visible') { out.skipped.push({ path, reason: `工作表 ${path} 是隐藏的，已跳过` }); continue }
    const csv = sheetToCsv(ws)
    if (csv === '') { out.skipped.push({ path, reason: `工作表 ${path} 是空的，已跳过` }); continue }
    out.files.push({ path, bytes: encoder.encode(csv) })
  }
  return out
}
