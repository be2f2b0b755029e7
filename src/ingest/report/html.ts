/**
 * A small tolerant HTML → lines converter (no DOM, so it runs in Node and workers too).
 * Text outside tables becomes one line per block element; each table row becomes one line
 * with its cells already split. Cells covered by a rowspan from above are skipped (they hold
 * no text of their own); a blank or "/" cell with colspan=n counts as n cells.
 */
import type { SrcLine } from './types'

const ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', middot: '·', hellip: '…',
  times: '×', yen: '¥', copy: '©', reg: '®',
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m
    }
    return ENTITIES[e.toLowerCase()] ?? m
  })
}

const BLOCK = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'title', 'tr', 'table', 'hr', 'blockquote', 'pre', 'ul', 'ol'])
const SKIP = new Set(['script', 'style', 'noscript', 'template'])
const NA_OR_BLANK = /^\s*(|\/|／|—|——|-|－|–|不适用)\s*$/

interface OpenCell { text: string; line: number; textLine: number | null; rowspan: number; colspan: number }

function spanAttr(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs)
  const n = m ? parseInt(m[1], 10) : 1
  return n >= 1 && n <= 1000 ? n : 1
}

export function htmlToLines(html: string): SrcLine[] {
  // Line number of an offset, by a running count (the scan only moves forward).
  let lineNo = 1
  let lineAt = 0
  const lineOf = (offset: number): number => {
    for (; lineAt < offset; lineAt++) if (html.charCodeAt(lineAt) === 10) lineNo++
    return lineNo
  }

  const out: SrcLine[] = []
  let para = ''
  let paraLine = 0
  let tableDepth = 0
  let row: { line: number; cells: OpenCell[] } | null = null
  let cell: OpenCell | null = null
  // rowspan bookkeeping: for each column index, how many more rows it is covered.
  let covered: number[] = []

  const flushPara = (): void => {
    const t = para.replace(/\s+/g, ' ').trim()
    if (t) out.push({ text: t, line: paraLine })
    para = ''
  }
  const closeCell = (): void => {
    if (row && cell) row.cells.push(cell)
    cell = null
  }
  const closeRow = (): void => {
    closeCell()
    if (!row) return
    const cells: { text: string; line: number }[] = []
    const next = covered.map((n) => Math.max(0, n - 1))
    let col = 0
    for (const c of row.cells) {
      while (covered[col] > 0) col++
      const text = c.text.replace(/\s+/g, ' ').trim()
      const line = c.textLine ?? c.line
      const copies = c.colspan > 1 && NA_OR_BLANK.test(text) ? c.colspan : 1
      for (let i = 0; i < copies; i++) cells.push({ text, line })
      for (let i = 0; i < c.colspan; i++) if (c.rowspan > 1) next[col + i] = Math.max(next[col + i] ?? 0, c.rowspan - 1)
      col += c.colspan
    }
    covered = Array.from(next, (n) => n ?? 0)
    if (cells.length) out.push({ text: cells.map((c) => c.text).join(' '), line: row.line, cells })
    row = null
  }
  const addText = (raw: string, offset: number): void => {
    const text = decodeEntities(raw)
    if (!text.trim()) { if (cell) cell.text += ' '; else para += ' '; return }
    const lead = raw.search(/\S/)
    const line = lineOf(offset + Math.max(0, lead))
    if (cell) { cell.text += text; cell.textLine ??= line }
    else if (tableDepth === 0 || !row) { if (!para.trim()) paraLine = line; para += text }
  }

  // Comments, <!DOCTYPE> and Word's <![if …]> carry no text.
  const TAG = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g
  let last = 0
  let skipUntil: string | null = null
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (!skipUntil && m.index > last) addText(html.slice(last, m.index), last)
    last = TAG.lastIndex
    if (!m[2]) continue
    const closing = m[1] === '/'
    const tag = m[2].toLowerCase()
    if (skipUntil) { if (closing && tag === skipUntil) skipUntil = null; continue }
    if (SKIP.has(tag) && !closing) { skipUntil = tag; continue }
    const line = lineOf(m.index)
    if (tag === 'table') {
      if (!closing) { if (tableDepth === 0) { flushPara(); covered = [] } tableDepth++ }
      else if (tableDepth > 0) { tableDepth--; if (tableDepth === 0) closeRow() }
      continue
    }
    if (tableDepth === 1 && tag === 'tr') {
      closeRow()
      if (!closing) row = { line, cells: [] }
      continue
    }
    if (tableDepth === 1 && (tag === 'td' || tag === 'th')) {
      closeCell()
      if (!closing) {
        row ??= { line, cells: [] }
        cell = { text: '', line, textLine: null, rowspan: spanAttr(m[3], 'rowspan'), colspan: spanAttr(m[3], 'colspan') }
      }
      continue
    }
    // Inside a cell, block tags join without a space: Word wraps 商业<br>企业.
    if (BLOCK.has(tag) && !cell && tableDepth === 0) flushPara()
  }
  // A page stored cut off may end inside a tag (…<td>0</t): that is markup, not text.
  if (!skipUntil && last < html.length) addText(html.slice(last).replace(/<[^>]*$/, ''), last)
  // Cut inside an empty cell (…<td>0</td><td>): the page ends there; the cell is not a blank.
  if (cell && !(cell as OpenCell).text.trim()) cell = null
  closeRow()
  flushPara()
  return out
}
