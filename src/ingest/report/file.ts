/** A report file as bytes → parseReport, by extension: .docx, .html/.htm, anything else as text. */
import { docxToHtml } from './docx'
import { parseReport } from './parse'
import type { ParsedReport } from './types'

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (what Chinese Windows writes). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

export type ReportFileKind = 'docx' | 'html' | 'text'

export function reportFileKind(fileName: string, text?: string): ReportFileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (ext === 'docx') return 'docx'
  if (['html', 'htm', 'xhtml', 'shtml'].includes(ext)) return 'html'
  return text !== undefined && /^\s*</.test(text) && /<table[\s>]/i.test(text) ? 'html' : 'text'
}

/** Null when the file cannot be read as a report at all (a .docx that is not a Word document). */
export function parseReportFile(fileName: string, bytes: Uint8Array): ParsedReport | null {
  if (reportFileKind(fileName) === 'docx') {
    const html = docxToHtml(bytes)
    return html === null ? null : parseReport({ html, fileName })
  }
  const text = decodeText(bytes)
  return reportFileKind(fileName, text) === 'html' ? parseReport({ html: text, fileName }) : parseReport({ text, fileName })
}
