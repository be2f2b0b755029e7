/**
 * A PDF report → lines and cells, from the positions of its text items (pdfjs-dist, loaded by the
 * caller: ./pdfjs-browser.ts in the app, scripts/lib/pdfjs-node.ts in Node). Items on one baseline
 * make a line; a gap wider than about one character starts a new cell, and each cell keeps its
 * horizontal centre so that a row with blank cells can be placed under its columns (./place.ts).
 * Pages follow each other, so a table across a page break reads as one; running headers and
 * footers (a line repeated at the top or bottom of pages, page numbers) are dropped. A PDF without
 * a text layer (a scan) is refused with a message that says so.
 */
import type { SrcLine } from './types'

interface PdfItem { str: string; x: number; y: number; w: number; h: number }
interface PdfPage { items: PdfItem[]; width: number; height: number }

/** The part of pdfjs-dist this module uses. */
export interface PdfjsLike {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDoc>; destroy?: () => Promise<void> }
}
interface PdfDoc {
  numPages: number
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { width: number; height: number }
    getTextContent(): Promise<{ items: unknown[] }>
  }>
  destroy(): Promise<void>
}
interface PdfSetup { lib: PdfjsLike; options?: Record<string, unknown> }
export type PdfLoader = () => Promise<PdfSetup>

export type PdfRead = { lines: SrcLine[]; text: string; pages: number } | { reason: string }

/** Page text items (pdfjs getTextContent) of every page. */
async function pdfPages(bytes: Uint8Array, load: PdfLoader): Promise<PdfPage[]> {
  const { lib, options } = await load()
  // pdfjs takes over (detaches) the buffer it is given: hand it a copy.
  const task = lib.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, ...options })
  const doc = await task.promise
  try {
    const pages: PdfPage[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const vp = page.getViewport({ scale: 1 })
      const tc = await page.getTextContent()
      const items: PdfItem[] = []
      for (const it of tc.items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
        if (typeof it.str !== 'string' || !it.str.trim() || !it.transform) continue
        const h = Math.abs(it.height || it.transform[3] || 10)
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width ?? 0, h })
      }
      pages.push({ items, width: vp.width, height: vp.height })
    }
    return pages
  } finally {
    await doc.destroy()
  }
}

interface Line { y: number; h: number; items: PdfItem[] }

function pageLines(p: PdfPage): Line[] {
  const items = [...p.items].sort((a, b) => b.y - a.y || a.x - b.x)
  const lines: Line[] = []
  for (const it of items) {
    const l = lines[lines.length - 1]
    if (l && Math.abs(l.y - it.y) <= Math.max(2, 0.45 * Math.max(l.h, it.h))) { l.items.push(it); l.h = Math.max(l.h, it.h) } else lines.push({ y: it.y, h: it.h, items: [it] })
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x)
  return lines
}

/** Cells of a line: a gap wider than ~0.8 of the type size starts a new cell. */
function lineCells(l: Line): { text: string; x: number }[] {
  const cells: { text: string; x0: number; x1: number }[] = []
  for (const it of l.items) {
    const c = cells[cells.length - 1]
    const gap = c ? it.x - c.x1 : Infinity
    if (c && gap <= 0.8 * Math.max(it.h, 4)) {
      c.text += gap > 0.25 * it.h && /[\w.]$/.test(c.text) && /^[\w.]/.test(it.str) ? ` ${it.str}` : it.str
      c.x1 = Math.max(c.x1, it.x + it.w)
    } else cells.push({ text: it.str, x0: it.x, x1: it.x + it.w })
  }
  return cells.map((c) => ({ text: c.text.trim(), x: Math.round(((c.x0 + c.x1) / 2) * 10) / 10 }))
}

const PAGE_NUMBER = /^(?:[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?|-\s*\d+\s*-)$/i
const shape = (s: string): string => s.replace(/\s+/g, '').replace(/\d+/g, '#')

/** Lines in the top or bottom band of a page that repeat on other pages, or are page numbers. */
function runningLines(pages: readonly Line[][], heights: readonly number[]): Set<Line> {
  const band = (l: Line, h: number): boolean => l.y > h * 0.9 || l.y < h * 0.08
  const count = new Map<string, number>()
  pages.forEach((ls, i) => { for (const k of new Set(ls.filter((l) => band(l, heights[i])).map((l) => shape(l.items.map((x) => x.str).join(''))))) count.set(k, (count.get(k) ?? 0) + 1) })
  const drop = new Set<Line>()
  pages.forEach((ls, i) => {
    for (const l of ls) {
      if (!band(l, heights[i])) continue
      const text = l.items.map((x) => x.str).join('').trim()
      if (PAGE_NUMBER.test(text) || (pages.length > 1 && (count.get(shape(text)) ?? 0) >= 2)) drop.add(l)
    }
  })
  return drop
}

/** Lines of the whole document: one per printed line, cells with their x when a line has several. */
function pdfPagesToLines(pages: readonly PdfPage[]): { lines: SrcLine[]; text: string } {
  const perPage = pages.map(pageLines)
  const drop = runningLines(perPage, pages.map((p) => p.height))
  const lines: SrcLine[] = []
  for (const ls of perPage) {
    for (const l of ls) {
      if (drop.has(l)) continue
      const cells = lineCells(l)
      const line = lines.length + 1
      const text = cells.map((c) => c.text).join('  ')
      lines.push(cells.length > 1 ? { text, line, cells: cells.map((c) => ({ text: c.text, line, x: c.x })) } : { text, line })
    }
  }
  return { lines, text: lines.map((l) => l.text).join('\n') }
}

export async function readPdf(bytes: Uint8Array, load: PdfLoader): Promise<PdfRead> {
  let pages: PdfPage[]
  try {
    pages = await pdfPages(bytes, load)
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    if (/password/i.test(msg)) return { reason: 'PDF 设有密码，无法读取；请去掉密码后再导入' }
    return { reason: `不是可读取的 PDF 文件（${msg.slice(0, 120)}）` }
  }
  const chars = pages.reduce((n, p) => n + p.items.reduce((m, it) => m + it.str.replace(/\s+/g, '').length, 0), 0)
  if (chars < 20) {
    return { reason: `PDF 共${pages.length}页，没有可读取的文字层（可能是扫描件或图片），无法读取表格；请先用 OCR 识别为文字（或找到网页版、Word 版）后再导入` }
  }
  return { ...pdfPagesToLines(pages), pages: pages.length }
}
