/**
 * Lines → cell tokens with row breaks. Layouts seen in published reports:
 *  - Word table pasted as text: one cell per line, each starting with a tab, a blank line after
 *    each row, long header words wrapped onto an untabbed next line (商业\n企业);
 *  - one row per line, cells separated by tabs, spaces or `|` (markdown tables);
 *  - one cell per line with a line holding only `|` after every cell;
 *  - one cell per line ending in `|`, with a lone `|` line before each row;
 *  - one cell per line with a blank line between cells (row breaks then carry nothing: dropped);
 *  - HTML rows (cells already split by htmlToLines), PDF rows (cells split by position).
 * A blank cell stays an empty token (missing, not 0); row breaks keep rows apart where they mean rows.
 */
import type { SrcLine, Tok } from './types'

const BLANK = /^\s*$/
const SEPARATOR_ROW = /^[\s|:\-+=]+$/

export function textToLines(text: string): SrcLine[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }))
}

/**
 * Whether the document writes a `|` line after every cell (decided once per document): lone `|`
 * lines, and cells that carry no `|` of their own (else the lone `|` starts a row of `cell |` lines).
 */
export function usesPipeLines(lines: readonly SrcLine[]): boolean {
  let lone = 0
  let inline = 0
  for (const l of lines) {
    if (l.cells) continue
    const t = l.text.trim()
    if (t === '|') lone++
    else if (t.includes('|') && !SEPARATOR_ROW.test(t)) inline++
  }
  return lone >= 5 && inline * 4 < lone
}

/**
 * Row breaks that hold one cell each carry no row structure (one cell per line with blank lines
 * between, or `cell |` lines): dropped, so that rows end at the next label instead.
 */
export function dropLoneBreaks(toks: readonly Tok[]): Tok[] {
  // PDF lines are printed lines: their breaks always mean something (positions place the cells).
  if (toks.some((t) => t.x !== undefined)) return [...toks]
  let groups = 0
  let single = 0
  let size = 0
  for (const t of toks) {
    if (t.br) { if (size) { groups++; if (size === 1) single++ } size = 0 } else if (t.text) size++
  }
  if (size) { groups++; if (size === 1) single++ }
  return groups >= 4 && single >= groups * 0.6 ? toks.filter((t) => !t.br) : [...toks]
}

export function tokenize(lines: readonly SrcLine[], pipeLines: boolean): Tok[] {
  const toks: Tok[] = []
  const br = (line: number): void => {
    if (toks.length && !toks[toks.length - 1].br) toks.push({ text: '', line, br: true })
  }
  // Pipe-line layout: text since the last `|` line is one cell (empty → blank cell).
  let buf: SrcLine[] = []
  const flushBuf = (): void => {
    if (buf.length) toks.push({ text: buf.map((b) => b.text.trim()).join(''), line: buf[0].line })
    buf = []
  }
  let prevTabCell = false
  for (const l of lines) {
    if (l.cells) {
      prevTabCell = false
      for (const c of l.cells) toks.push({ text: c.text, line: c.line, ...(c.x !== undefined ? { x: c.x } : {}) })
      br(l.line)
      continue
    }
    const raw = l.text
    if (pipeLines) {
      if (raw.trim() === '|') { toks.push({ text: buf.map((b) => b.text.trim()).join(''), line: buf[0]?.line ?? l.line }); buf = [] }
      else if (BLANK.test(raw)) { flushBuf(); br(l.line) }
      else buf.push(l)
      continue
    }
    if (BLANK.test(raw)) {
      // A lone tab is an empty cell of the pasted-Word layout; other blank lines end a row.
      if (/^\t[^\S\n]*$/.test(raw) && raw.length <= 2) { toks.push({ text: '', line: l.line }); prevTabCell = true }
      else { br(l.line); prevTabCell = false }
      continue
    }
    // A lone `|` starts a row of `cell |` lines; ` |` (the cell's text, empty, then its pipe) is a blank cell.
    if (raw.trim() === '|') { prevTabCell = false; if (/^\s/.test(raw)) toks.push({ text: '', line: l.line }); else br(l.line); continue }
    if (raw.includes('|')) {
      prevTabCell = false
      if (SEPARATOR_ROW.test(raw)) continue
      const parts = raw.split('|')
      if (parts.length > 1 && !parts[0].trim()) parts.shift()
      if (parts.length > 1 && !parts[parts.length - 1].trim()) parts.pop()
      for (const p of parts) toks.push({ text: p.trim(), line: l.line })
      br(l.line)
      continue
    }
    if (/^\t+[^\t]*$/.test(raw)) {
      toks.push({ text: raw.trim(), line: l.line })
      prevTabCell = true
      continue
    }
    if (raw.includes('\t')) {
      prevTabCell = false
      const parts = raw.split('\t')
      while (parts.length > 1 && !parts[0].trim()) parts.shift()
      while (parts.length > 1 && !parts[parts.length - 1].trim()) parts.pop()
      for (const p of parts) toks.push({ text: p.trim(), line: l.line })
      br(l.line)
      continue
    }
    const last = toks[toks.length - 1]
    if (prevTabCell && last && !last.br && last.text && !/\d$/.test(last.text)) {
      // Wrapped header word (商业\n企业): continue the previous cell.
      last.text += raw.trim()
      continue
    }
    prevTabCell = false
    for (const p of raw.trim().split(/\s+/)) toks.push({ text: p, line: l.line })
    br(l.line)
  }
  flushBuf()
  return toks
}
