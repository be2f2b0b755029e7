/**
 * Walks a section's tokens label by label, in the form's row order (src/domain), and takes the
 * cells after each label up to the next label or heading — so a row is found by its label however
 * the page is laid out, and a missing heading or a wrapped label never moves cells to another row.
 * Anything that does not fit the form is flagged doubtful with the reason; positions are never
 * guessed silently, and a cell the page does not show is marked unread, never blank.
 */
import { parseCell } from '../../domain/cells'
import { normaliseLabel } from '../../domain/labels'
import { placeRow } from './place'
import type { RowSpec } from './specs'
import type { ExtractedCell, ReportIssue, ReportSection, Tok } from './types'

export interface WalkResult { cells: ExtractedCell[]; issues: ReportIssue[]; used: Set<number> }

const SECTION_ZH: Record<ReportSection, string> = { active: '第二部分（主动公开）', applications: '第三部分（依申请公开）', reviews: '第四部分（行政复议、行政诉讼）' }
const DIGITS_TAIL = /\d[\d.\s]*$/
/** A printed note in brackets after a label: 规章（设区的市、自治州人民政府应提供相关数据）. */
const NOTE = /[（(【[][^）)】\]]*[）)】\]]/g

interface Match { consumed: number; rest: string }

const norm = (s: string): string => normaliseLabel(s)
const noNote = (s: string): string => normaliseLabel(s.normalize('NFKC').replace(NOTE, ''))

/** Whether tokens at i start the row label of `spec` (possibly wrapped, with a note, or with digits glued on). */
export function matchLabel(toks: readonly Tok[], i: number, labels: readonly string[]): Match | null {
  const t = toks[i]
  if (t.br || !t.text) return null
  const n = norm(t.text)
  if (!n) return null
  if (labels.includes(n)) return { consumed: 1, rest: '' }
  const bare = noNote(t.text)
  if (bare && bare !== n && labels.includes(bare)) return { consumed: 1, rest: '' }
  for (const s of labels) {
    if (!n.startsWith(s)) continue
    const tail = n.slice(s.length)
    if (/^[\d.]+$/.test(tail)) return { consumed: 1, rest: DIGITS_TAIL.exec(t.text.normalize('NFKC'))?.[0].trim() ?? tail }
    if (s.length >= 4 && !/\d/.test(tail)) return { consumed: 1, rest: '' } // label with a printed note
  }
  // A label wrapped over several lines, the row's cells printed beside any of them (PDF): the
  // label's text tokens, numbers and blanks skipped, must spell the label.
  for (const s of labels) {
    if (s.length < 4 || n.length < 2 || !s.startsWith(n) || n === s) continue
    let acc = n
    for (let k = i + 1; k < toks.length && k < i + 16; k++) {
      const u = toks[k]
      if (u.br || parseCell(u.text).kind !== 'text') continue
      const next = acc + norm(u.text)
      if (!s.startsWith(next)) break
      acc = next
      if (acc === s) return { consumed: 1, rest: '' }
    }
    // Cut off after its first line (the page ends there): a long prefix is still the label.
    if (n.length >= 8) return { consumed: 1, rest: '' }
  }
  return null
}

/** Whether a token ends the current row: another row's label, a heading, or the start of one. */
function isStop(t: Tok, labels: readonly string[], headings: readonly string[]): boolean {
  const n = norm(t.text)
  if (!n) return false
  if (/^第二十条/.test(n) || headings.includes(n)) return true
  const bare = noNote(t.text)
  if (labels.some((s) => n === s || bare === s || (n.startsWith(s) && (s.length >= 4 || /^[\d.]+$/.test(n.slice(s.length)))))) return true
  // The start of a row label wrapped or cut (一、本年 …): text, never a cell of this row.
  return n.length >= 2 && parseCell(t.text).kind === 'text' && labels.some((s) => s.length > n.length && s.startsWith(n))
}

export function makeCell(section: ReportSection, row: string, column: string, raw: string, line: number, doubtful: boolean, why?: string): ExtractedCell {
  const c = parseCell(raw)
  return { section, row, column, raw, value: c.value, kind: c.kind, line, confidence: doubtful ? 'doubtful' : 'certain', ...(doubtful && why ? { why } : {}) }
}

/** A cell the page does not show (cut off, or not placeable): unread, doubtful, never the unit's blank. */
function unreadCell(section: ReportSection, row: string, column: string, line: number, why: string): ExtractedCell {
  return { section, row, column, raw: '', value: null, kind: 'blank', line, confidence: 'doubtful', unread: true, why }
}

interface Found { spec: RowSpec; got: Tok[]; rest: string; line: number }

export function walkRows(toks: readonly Tok[], specs: readonly RowSpec[], section: ReportSection, headings: readonly string[], start = 0): WalkResult {
  const cells: ExtractedCell[] = []
  const issues: ReportIssue[] = []
  const used = new Set<number>()
  const allLabels = specs.flatMap((s) => s.labels)
  const where = SECTION_ZH[section]
  let pos = start
  const missing: RowSpec[] = []
  const rows: Found[] = []
  const find = (spec: RowSpec, from: number, to: number): { i: number; m: Match } | null => {
    for (let i = from; i < to; i++) {
      const m = matchLabel(toks, i, spec.labels)
      if (m) return { i, m }
    }
    return null
  }
  specs.forEach((spec, k) => {
    // An optional row is looked for only before the next required row, never beyond it.
    const next = spec.optional ? specs.slice(k + 1).find((s) => !s.optional) : undefined
    const limit = next ? (find(next, pos, toks.length)?.i ?? toks.length) : toks.length
    const found = find(spec, pos, limit)
    if (!found) {
      if (!spec.optional) missing.push(spec)
      return
    }
    const { i, m } = found
    const labelTok = toks[i]
    for (let k = i; k < i + m.consumed; k++) used.add(k)
    const got: Tok[] = m.rest ? m.rest.split(/\s+/).map((text) => ({ text, line: labelTok.line })) : []
    let j = i + m.consumed
    let brSeen = false
    for (; j < toks.length; j++) {
      const u = toks[j]
      if (u.br) { if (!got.length && !brSeen) { brSeen = true; continue } break }
      if (isStop(u, allLabels, headings)) break
      // The rest of a label split by a space or line, or wrapped below the cells beside its first line,
      // and the wrapped remains of a group heading (（三）不予 / 公开): words of the form, not cells.
      const n = norm(u.text)
      if (n && parseCell(u.text).kind === 'text' && [...spec.labels, ...headings].some((s) => s.includes(n))) { used.add(j); continue }
      if (parseCell(u.text).kind === 'text' && n.length > 12) break
      got.push(u)
      used.add(j)
    }
    pos = j
    if (spec.optional && !got.some((t) => t.text)) return
    rows.push({ spec, got, rest: m.rest, line: labelTok.line })
  })
  for (const r of rows) readRow(r, rows, section, cells, issues)
  if (missing.length === specs.filter((s) => !s.optional).length) {
    // Nothing found at all: the table is an image or an attachment, one message is enough.
    issues.push({ severity: 'warning', rule: 'missing_table', message: `${where}未找到表格（可能是图片或附件），未读取` })
  } else if (missing.length === 1) {
    issues.push({ severity: 'warning', rule: 'missing_row', message: `${where}未找到“${missing[0].zh}”行，该行未读取` })
  } else if (missing.length) {
    // A page cut off (or starting) mid-table lacks many rows: one message naming them.
    const names = missing.map((m) => `“${m.zh}”`)
    issues.push({ severity: 'warning', rule: 'missing_row', message: `${where}未找到${missing.length}行：${names.length > 6 ? `${names.slice(0, 3).join('、')}……${names.slice(-2).join('、')}` : names.join('、')}（原文可能被截断或缺行），这些行未读取` })
  }
  return { cells, issues, used }
}

function readRow(r: Found, rows: readonly Found[], section: ReportSection, cells: ExtractedCell[], issues: ReportIssue[]): void {
  const { spec, rest, line } = r
  const got = [...r.got]
  const n = spec.columns.length
  const label = `第${line}行“${spec.zh}”`
  const push = (c: ExtractedCell): void => { cells.push(c) }
  const run = rest && got.length === 1 && /^\d{2,}$/.test(got[0].text) && n > 1 ? got[0].text : null
  if (run !== null) {
    // Digits glued to the label. A number is never split: only a run of zeros as long as the row
    // (0 is never written 00) splits for certain; anything else is shown as read, in doubt.
    const zeros = run.length === n && /^0+$/.test(run)
    const why = `数字与标签连写为“${run}”，无法确定如何拆分`
    spec.columns.forEach((col, k) => push(run.length === n
      ? makeCell(section, spec.key, col, run[k], line, !zeros, why)
      : unreadCell(section, spec.key, col, line, why)))
    issues.push(zeros
      ? { severity: 'info', rule: 'run_together', line, message: `${label}的数字与标签连写（“${run}”），全为0，按每格一个0读取` }
      : { severity: 'warning', rule: 'run_together', line, message: `${label}的数字连写为“${run}”，应有${n}个单元格，无法确定如何拆分，已标为存疑，请人工核对` })
    return
  }
  // Extra empty cells at the end of a row (wide tables) carry nothing — but the row's blanks may then sit anywhere.
  let wider = false
  while (got.length > n && !got[got.length - 1].text.trim()) { got.pop(); wider = true }
  const placed = got.length < n ? placeRow(got, n, rows.filter((o) => o !== r && o.spec.columns.length === n).map((o) => o.got)) : null
  if (placed) {
    spec.columns.forEach((col, k) => {
      const t = placed[k]
      push(makeCell(section, spec.key, col, t?.text ?? '', t?.line ?? line, false))
    })
    return
  }
  const ok = got.length === n
  const blanks = got.filter((t) => !t.text.trim()).length
  const shifted = ok && wider && blanks > 0 && blanks < got.length
  const why = shifted
    ? '该行单元格多于表格列数，空格所在列无法确定'
    : got.length < n ? `该行应有${n}个单元格，只找到${got.length}个，无法确定各数字所在列` : `该行应有${n}个单元格，找到${got.length}个，无法确定各数字所在列`
  spec.columns.forEach((col, k) => {
    const t = got[k]
    push(t ? makeCell(section, spec.key, col, t.text, t.line, !ok || shifted, why) : unreadCell(section, spec.key, col, line, why))
  })
  if (!ok || shifted) {
    const seen = got.map((t) => (t.text ? `“${t.text}”` : '（空）')).join('、') || '无'
    issues.push({ severity: 'warning', rule: 'cell_count', line, message: `${label}${why.replace('该行', '')}（${seen}），已标为存疑，请人工核对` })
  }
}
