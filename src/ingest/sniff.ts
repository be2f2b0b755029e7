/**
 * Sniffing on a text preview with PapaParse: delimiter, header row(s), and the Excel
 * multi-row merged header (group labels over sub-labels) combined into one header per column.
 */
import Papa from 'papaparse'

type Delimiter = ',' | '\t' | ';'

export interface HeaderColumn {
  /** Combined header text, e.g. `行政复议-结果维持`. */
  text: string
  /** Non-empty labels from the top header row down, e.g. ['行政复议', '结果维持']. */
  parts: string[]
}

export interface Sniffed {
  delimiter: Delimiter
  /** CSV records before the data: title rows + header rows (1, or 2–3 for merged multi-row headers). */
  headerRecords: number
  /** Leading title rows (one label over a wide table, e.g. `2023年度依申请公开情况统计表`), skipped. */
  titles: string[]
  columns: HeaderColumn[]
  /** First records of the preview after the title rows (header included), for fallbacks. */
  rows: string[][]
}

export interface SniffOptions {
  /** Max header records to consider (default 3). */
  maxHeaderRows?: number
}

const DELIMS: Delimiter[] = [',', '\t', ';']
const PREVIEW_ROWS = 30

/** Cut a preview at its last line break so the last record is not a truncated one. */
function wholeLines(text: string): string {
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
  return cut > 0 ? text.slice(0, cut) : text
}

function guessDelimiter(text: string): Delimiter {
  const res = Papa.parse<string[]>(text, { delimitersToGuess: DELIMS, preview: PREVIEW_ROWS, skipEmptyLines: true })
  const d = res.meta.delimiter
  return (DELIMS as string[]).includes(d) ? (d as Delimiter) : ','
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === ''
// A data value: a number or code (digits with separators), never a header label.
const NUMERIC = /^[+\-]?[\d０-９][\d０-９,.，．\s]*$/

/**
 * Whether row `r` continues the header above it: the rows above leave blanks (merged cells),
 * this row puts labels under a group label or under a blank, and it holds no number.
 */
function continuesHeader(rows: string[][], r: number): boolean {
  const row = rows[r]
  const above = rows[r - 1]
  if (!row || !above) return false
  if (!above.some((c, i) => blank(c) && i > 0 && above.slice(0, i).some((x) => !blank(x)))) return false
  if (row.some((c) => NUMERIC.test(c.trim()))) return false
  const labels = row.filter((c) => !blank(c)).length
  if (labels === 0) return false
  // Sub-labels sit under the blanks of the merged group cells (or under the group cell itself).
  return row.some((c, i) => !blank(c) && (blank(above[i]) || (i + 1 < row.length && blank(above[i + 1]))))
}

/** Combine header rows: a group label spreads right over the blanks of its merged cell. */
export function combineHeader(headerRows: string[][]): HeaderColumn[] {
  const width = Math.max(...headerRows.map((r) => r.length))
  const filled: string[][] = headerRows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim()))
  // Bottom-up, so that a middle row is filled before the group row above it looks at it.
  for (let r = filled.length - 2; r >= 0; r--) {
    const row = filled[r]
    const below = filled[r + 1]
    let group = ''
    for (let i = 0; i < width; i++) {
      if (row[i] !== '') {
        // Only a cell with a label below it is a group (a vertically merged cell has a blank below).
        group = below[i] !== '' ? row[i] : ''
      } else if (group !== '' && below[i] !== '') row[i] = group
      else group = ''
    }
  }
  return Array.from({ length: width }, (_, i) => {
    const parts = filled.map((r) => r[i]).filter((p) => p !== '')
    return { text: parts.join('-'), parts }
  })
}

export function sniff(previewText: string, opts: SniffOptions = {}): Sniffed {
  const text = wholeLines(previewText.charCodeAt(0) === 0xfeff ? previewText.slice(1) : previewText)
  const delimiter = guessDelimiter(text)
  const parsed = Papa.parse<string[]>(text, { delimiter, preview: PREVIEW_ROWS, skipEmptyLines: true, quoteChar: '"', escapeChar: '"' })
  const rows = parsed.data.filter((r) => Array.isArray(r))
  if (rows.length === 0) return { delimiter, headerRecords: 0, titles: [], columns: [], rows }
  const titles: string[] = []
  while (titles.length < 3 && isTitle(rows[titles.length], rows[titles.length + 1])) titles.push(rows[titles.length].find((c) => !blank(c))!.trim())
  const body = rows.slice(titles.length)
  const maxRows = opts.maxHeaderRows ?? 3
  let headerRows = 1
  while (headerRows < maxRows && headerRows < body.length && continuesHeader(body, headerRows)) headerRows++
  return { delimiter, headerRecords: titles.length + headerRows, titles, columns: combineHeader(body.slice(0, headerRows)), rows: body }
}

/** A title row: a single label in a row of a wider table, with a row of several labels below it. */
function isTitle(row: string[] | undefined, next: string[] | undefined): boolean {
  if (!row || !next) return false
  const filled = row.filter((c) => !blank(c)).length
  return filled === 1 && blank(row[1]) && next.filter((c) => !blank(c)).length >= 3
}

/** The header as if it were a single row (fallback when a multi-row guess recognises worse). */
export function singleRowHeader(s: Sniffed): Sniffed {
  if (s.headerRecords - s.titles.length <= 1) return s
  return { ...s, headerRecords: s.titles.length + 1, columns: combineHeader(s.rows.slice(0, 1)) }
}
