/**
 * Builds report PDFs for the tests with pdf-lib and the system's Noto Sans CJK (Debian
 * fonts-noto-cjk, installed by scripts/ensure-browser.mjs), the way Word prints a report: prose
 * wrapped to the page, tables with up to three label columns (merged group cells), header words
 * wrapped inside narrow cells, long labels wrapped with the numbers centred beside them, pages that
 * break inside a table, a running header and a page number on every page.
 */
import { existsSync, readFileSync } from 'node:fs'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'

/**
 * A printed row: prose, or a table row — `labels` in the label columns (A, B, C; '' = merged from
 * above), `cells` in the value columns (text cells are header words), `wide` = 15 narrow columns
 * from the left margin (section 四).
 */
export type PdfRow = { prose: string } | { labels: string[]; cells: (string | null)[]; wide?: boolean }

export interface PdfOptions {
  /** Printed at the top of every page (dropped by the reader). */
  runningHeader?: string
  /** Row indices after which a new page starts (a table across a page break). */
  breakAfter?: number[]
  /** Leave the text layer out (a scan). */
  noText?: boolean
}

const W = 595, H = 842, SIZE = 9, SMALL = 7, LINE = 12
const LABEL_X = [50, 105, 160], CELL_X = 262, CELL_W = 46, WIDE_W = 35
/** Characters that fit between a label column and the next label column (or the first value column). */
const fits = (from: number, to: number): number => Math.floor((to - from - 8) / SIZE)

const wrap = (text: string, max: number): string[] => {
  const out: string[] = []
  for (let i = 0; i < text.length; i += max) out.push(text.slice(i, i + max))
  return out.length ? out : ['']
}
const isNum = (s: string): boolean => /^-?[\d.]+$/.test(s)

export async function reportPdf(rows: readonly PdfRow[], opts: PdfOptions = {}): Promise<Uint8Array> {
  if (!existsSync(FONT)) throw new Error(`${FONT} missing: run scripts/ensure-browser.mjs (installs fonts-noto-cjk)`)
  const doc = await PDFDocument.create()
  // The system font is a collection: take its simplified-Chinese face.
  doc.registerFontkit({ create: (data: Uint8Array) => fontkit.create(data as Buffer, 'NotoSansCJKsc-Regular') } as unknown as typeof fontkit)
  // A scan has no text layer: no font at all (an empty subset cannot be written either).
  const font: PDFFont | null = opts.noText ? null : await doc.embedFont(readFileSync(FONT), { subset: true })
  let page: PDFPage
  let y = 0
  let pageNo = 0
  const text = (s: string, x: number, yy: number, size = SIZE): void => {
    if (font && s) page.drawText(s, { x, y: yy, size, font })
  }
  const newPage = (): void => {
    page = doc.addPage([W, H])
    pageNo++
    text(opts.runningHeader ?? '', 180, H - 40)
    text(`第 ${pageNo} 页`, W / 2 - 15, 30)
    if (opts.noText) page.drawRectangle({ x: 40, y: 60, width: W - 80, height: H - 140, color: rgb(0.9, 0.9, 0.9) })
    y = H - 80
  }
  newPage()
  rows.forEach((row, i) => {
    if ('prose' in row) {
      for (const part of wrap(row.prose, 42)) {
        if (y < 70) newPage()
        text(part, LABEL_X[0], y)
        y -= LINE
      }
    } else {
      // A single label spans the label columns; two are group + row label; three are all columns.
      const n = row.labels.length
      const col = (k: number): number => (n === 1 ? 0 : n === 2 ? k + 1 : k)
      // The last label spans to the values; the others stop at the next label column.
      const labels = row.labels.map((l, k) => wrap(l, fits(LABEL_X[col(k)], k === n - 1 ? CELL_X : LABEL_X[col(k) + 1])))
      const cellW = row.wide ? WIDE_W : CELL_W
      const x0 = row.wide ? LABEL_X[0] : CELL_X
      const heads = row.cells.map((c) => (c && !isNum(c) ? wrap(c, row.wide ? 4 : 6) : null))
      const lines = Math.max(1, ...labels.map((l) => l.length), ...heads.map((h) => h?.length ?? 1))
      if (y - lines * LINE < 70) newPage()
      labels.forEach((parts, k) => parts.forEach((p, j) => text(p, LABEL_X[col(k)], y - j * LINE)))
      // Numbers sit on the middle line of the row, as Word centres them vertically.
      const mid = y - Math.floor((lines - 1) / 2) * LINE
      row.cells.forEach((c, k) => {
        if (!c) return
        const x = x0 + k * cellW
        const head = heads[k]
        if (head) head.forEach((part, j) => text(part, x + 1, y - j * LINE, SMALL))
        else text(c, x + (cellW - (font?.widthOfTextAtSize(c, SIZE) ?? 0)) / 2, mid)
      })
      y -= lines * LINE + 4
    }
    if (opts.breakAfter?.includes(i)) newPage()
  })
  return doc.save()
}

/**
 * The seed's text (Word paste: one tab-led cell per line, a blank line after each row, a cell's
 * words wrapped onto untabbed lines) as printed rows: leading text cells are labels, the rest values.
 */
export function rowsFromWordPaste(text: string): PdfRow[] {
  const rows: PdfRow[] = []
  let cells: string[] = []
  let wide = false
  const flush = (): void => {
    if (!cells.length) return
    if (wide) rows.push({ labels: [], cells, wide: true })
    else {
      const v = cells.findIndex((c, k) => k > 0 && (isNum(c) || rows.length > 0 && /^(自然人|商业企业|本年|采购|上一年|对外)/.test(c)))
      const labels = v < 0 ? cells.slice(0, 1) : cells.slice(0, v)
      let values: (string | null)[] = v < 0 ? cells.slice(1) : cells.slice(v)
      // 自然人 · 法人或其他组织 (over five columns) · 总计: the paste lost the span.
      if (values.length === 3 && values[1] === '法人或其他组织') values = [values[0], values[1], null, null, null, null, values[2]]
      if (values[0] === '商业企业') values = [null, ...values]
      rows.push({ labels, cells: values })
    }
    cells = []
  }
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('\t')) { cells.push(line.trim()); continue }
    if (line.trim() && cells.length && !/^\s/.test(line) && line.trim().length <= 4 && !/[。，]/.test(line)) {
      cells[cells.length - 1] += line.trim() // 商业\n企业
      continue
    }
    flush()
    if (/^\s*四、政府信息公开行政复议/.test(line)) wide = true
    if (/^\s*五、/.test(line)) wide = false
    if (line.trim()) rows.push({ prose: line.trim() })
  }
  flush()
  return rows
}
