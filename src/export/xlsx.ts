/** xlsx export with exceljs (loaded only when used): a data sheet and a caption sheet. */
import type { ExportTable } from './table'
import { xlsxCell } from './table'
import type { Caption } from './caption'

export interface XlsxLabels { data: string; about: string; title: string; subtitle: string; source: string; definition: string; exported: string }

export async function toXlsx(table: ExportTable, caption: Caption, labels: XlsxLabels, date = new Date()): Promise<Uint8Array> {
  const mod = await import('exceljs')
  const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.created = date
  wb.creator = ''
  const ws = wb.addWorksheet(labels.data.slice(0, 31))
  ws.addRow(table.columns.map((c) => xlsxCell(c.label)))
  ws.getRow(1).font = { bold: true }
  for (const r of table.rows) ws.addRow(table.columns.map((c) => xlsxCell(r[c.key])))
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  table.columns.forEach((c, i) => {
    const longest = Math.max(String(c.label).length, ...table.rows.slice(0, 500).map((r) => String(r[c.key] ?? '').length))
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest * 2 + 2))
  })
  const about = wb.addWorksheet(labels.about.slice(0, 31))
  const lines: [string, string | undefined][] = [
    [labels.title, caption.title], [labels.subtitle, caption.subtitle], [labels.source, caption.source],
    [labels.definition, caption.definition], [labels.exported, date.toISOString().slice(0, 10)],
  ]
  for (const [k, v] of lines) if (v) about.addRow([xlsxCell(k), xlsxCell(v)])
  about.getColumn(1).width = 14
  about.getColumn(2).width = 80
  const buf = await wb.xlsx.writeBuffer()
  return new Uint8Array(buf as ArrayBuffer)
}

/** Load exceljs ahead of use (export menu opened), in an idle moment. */
export function preloadXlsx(): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback
  const load = () => { void import('exceljs').catch(() => {}) }
  if (idle) idle(load, { timeout: 300 })
  else setTimeout(load, 50)
}
