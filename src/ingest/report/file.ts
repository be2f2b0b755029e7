/**
 * A report file as bytes → its parse and the text its line numbers refer to, by extension:
 * .pdf (text layer, by position), .docx, .html/.htm, .txt/.md (UTF-8, UTF-16 or GB18030).
 * Anything else, or a file that cannot be read, comes back with the reason in Chinese.
 */
import { docxToHtml } from './docx'
import { parseReport } from './parse'
import { readPdf, type PdfLoader } from './pdf'
import type { ParsedReport } from './types'
import { BudgetExceeded } from '../limits'

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (what Chinese Windows writes). */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

export type ReportFileKind = 'docx' | 'html' | 'text' | 'pdf'

/** Extensions read as reports (a .zip is opened by the batch readers, ./batch.ts). */
const REPORT_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'xhtml', 'shtml', 'docx', 'pdf'] as const

export const extensionOf = (name: string): string => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''

export function reportFileKind(fileName: string, text?: string): ReportFileKind {
  const ext = extensionOf(fileName)
  if (ext === 'docx') return 'docx'
  if (ext === 'pdf') return 'pdf'
  if (['html', 'htm', 'xhtml', 'shtml'].includes(ext)) return 'html'
  return text !== undefined && /^\s*</.test(text) && /<table[\s>]/i.test(text) ? 'html' : 'text'
}

export interface ReadReport {
  parsed: ParsedReport
  /** What the line numbers refer to: the text, the HTML source, the docx as HTML, the PDF's text by line. */
  source: string
  sourceKind: ReportFileKind
}
export interface Unreadable { reason: string }
export interface ReadOptions {
  /** How to load pdfjs-dist (browser or Node); PDFs are refused with a reason without it. */
  pdf?: PdfLoader
}

const WHY_NOT: Record<string, string> = {
  doc: '旧版 Word 文档（.doc）无法读取，请在 Word 中另存为 .docx 或 PDF 后再导入',
  wps: 'WPS 文档（.wps）无法读取，请另存为 .docx 或 PDF 后再导入',
  xls: '这是表格文件，不是年报原文；CSV 包或 .xlsx 请在首页载入',
  xlsx: '这是表格文件，不是年报原文；CSV 包或 .xlsx 请在首页载入',
  csv: '这是 CSV 数据文件，不是年报原文；CSV 包请在首页载入',
  jpg: '图片无法读取文字，请先用 OCR 识别为文字后再导入', jpeg: '图片无法读取文字，请先用 OCR 识别为文字后再导入', png: '图片无法读取文字，请先用 OCR 识别为文字后再导入',
}

/** A text with no year anywhere and no table cell (a README, a notice) is not an annual report. */
function notAReport(r: ReadReport | Unreadable): ReadReport | Unreadable {
  if ('reason' in r) return r
  const p = r.parsed
  if (p.year !== null || p.active.length || p.applications.length || p.reviews.length) return r
  return { reason: '未找到报告年度，也未读到任何表格单元格，不像政府信息公开工作年度报告' }
}

/** Read one report file; never throws for a bad file (the reason says what is wrong). */
export async function readReportFile(name: string, bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadReport | Unreadable> {
  return notAReport(await readAny(name, bytes, opts))
}

async function readAny(name: string, bytes: Uint8Array, opts: ReadOptions): Promise<ReadReport | Unreadable> {
  const ext = extensionOf(name)
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(ext)) {
    return { reason: WHY_NOT[ext] ?? `不支持的文件类型“.${ext || '（无扩展名）'}”（支持 ${REPORT_EXTENSIONS.map((e) => `.${e}`).join('、')} 及其 .zip 压缩包）` }
  }
  if (bytes.length === 0) return { reason: '文件为空' }
  try {
    if (ext === 'pdf') {
      if (!opts.pdf) return { reason: 'PDF 读取器不可用' }
      const pdf = await readPdf(bytes, opts.pdf)
      if ('reason' in pdf) return pdf
      return { parsed: parseReport({ lines: pdf.lines, fileName: name }), source: pdf.text, sourceKind: 'pdf' }
    }
    if (ext === 'docx') {
      const html = docxToHtml(bytes)
      if (html === null) return { reason: '不是有效的 Word（.docx）文档' }
      return { parsed: parseReport({ html, fileName: name }), source: html, sourceKind: 'docx' }
    }
    const text = decodeText(bytes).replace(/^\ufeff/, '')
    return reportFileKind(name, text) === 'html'
      ? { parsed: parseReport({ html: text, fileName: name }), source: text, sourceKind: 'html' }
      : { parsed: parseReport({ text, fileName: name }), source: text, sourceKind: 'text' }
  } catch (e) {
    if (e instanceof BudgetExceeded) return { reason: e.message } // already says what and which limit
    return { reason: `读取失败：${e instanceof Error ? e.message : String(e)}` }
  }
}

/** The parse alone; null when the file cannot be read as a report. */
export async function parseReportFile(fileName: string, bytes: Uint8Array, opts: ReadOptions = {}): Promise<ParsedReport | null> {
  const r = await readReportFile(fileName, bytes, opts)
  return 'reason' in r ? null : r.parsed
}
