/** A report file or pasted text → the parse and the source text its line numbers refer to. */
import { decodeText, docxToHtml, parseReport, reportFileKind, type ParsedReport } from '../../ingest/report'
import type { ImportSourceKind } from './types'

export interface ReadReport {
  parsed: ParsedReport
  source: string
  sourceKind: ImportSourceKind
}

/** Extensions the importer takes (everything else is refused with a reason). */
export const REPORT_EXTENSIONS = ['txt', 'html', 'htm', 'docx'] as const

export function readPasted(text: string, name?: string): ReadReport {
  // Pasted HTML (copied page source) is read as HTML, like a .html file.
  const kind = reportFileKind(name ?? 'pasted.txt', text)
  const clean = text.replace(/^\ufeff/, '')
  return kind === 'html'
    ? { parsed: parseReport({ html: clean, fileName: name }), source: clean, sourceKind: 'html' }
    : { parsed: parseReport({ text: clean, fileName: name }), source: clean, sourceKind: 'text' }
}

/** Null with a reason when the file cannot be read as a report. */
export function readReportBytes(name: string, bytes: Uint8Array): ReadReport | { reason: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(ext)) return { reason: `不支持的文件类型“.${ext || '?'}”（支持 .txt、.html、.htm、.docx）` }
  if (ext === 'docx') {
    const html = docxToHtml(bytes)
    if (html === null) return { reason: '不是有效的 Word（.docx）文档' }
    return { parsed: parseReport({ html, fileName: name }), source: html, sourceKind: 'docx' }
  }
  const text = decodeText(bytes).replace(/^\ufeff/, '')
  return reportFileKind(name, text) === 'html'
    ? { parsed: parseReport({ html: text, fileName: name }), source: text, sourceKind: 'html' }
    : { parsed: parseReport({ text, fileName: name }), source: text, sourceKind: 'text' }
}
