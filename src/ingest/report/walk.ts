/**
 * Walks a section's tokens label by label, in the form's row order, and takes the expected
 * number of cells after each label. Anything that does not fit the form is flagged doubtful
 * with a message naming the line; positions are never guessed silently.
 */
import { parseCell } from '../../domain/cells'
import { normaliseLabel } from '../../domain/labels'
import type { RowSpec } from './specs'
import type { ExtractedCell, ReportIssue, ReportSection, Tok } from './types'

export interface WalkResult { cells: ExtractedCell[]; issues: ReportIssue[]; used: Set<number> }

const SECTION_ZH: Record<ReportSection, string> = { active: '第二部分（主动公开）', applications: '第三部分（依申请公开）', reviews: '第四部分（行政复议、行政诉讼）' }
const DIGITS_TAIL = /\d[\d.\s]*$/

interface Match { consumed: number; rest: string }

/** Whether tokens at i start the row label of `spec` (possibly wrapped, or with digits glued on). */
export function matchLabel(toks: readonly Tok[], i: number, labels: readonly string[]): Match | null {
  const t = toks[i]
  if (t.br || !t.text) return null
  const n = normaliseLabel(t.text)
  if (!n) return null
  if (labels.includes(n)) return { consumed: 1, rest: '' }
  for (const s of labels) {
    if (!n.startsWith(s)) continue
    const tail = n.slice(s.length)
    if (/^[\d.]+$/.test(tail)) return { consumed: 1, rest: DIGITS_TAIL.exec(t.text.normalize('NFKC'))?.[0].trim() ?? tail }
    if (s.length >= 4 && !/\d/.test(tail)) return { consumed: 1, rest: '' } // label with a printed note
  }
  // A long label wrapped over several tokens/lines.
  for (const s of labels) {
    if (s.length < 8 || n.length < 4 || !s.startsWith(n)) continue
    let acc = n
    for (let k = i + 1; k < toks.length && k < i + 8; k++) {
      if (toks[k].br) continue
      acc += normaliseLabel(toks[k].text)
      if (acc === s) return { consumed: k - i + 1, rest: '' }
      if (!s.startsWith(acc)) break
    }
  }
  return null
}

export function isStop(t: Tok, labels: readonly string[], headings: readonly string[]): boolean {
  const n = normaliseLabel(t.text)
  if (!n) return false
  if (/^第二十条/.test(n) || headings.includes(n)) return true
  return labels.some((s) => n === s || (n.startsWith(s) && (s.length >= 4 || /^[\d.]+$/.test(n.slice(s.length)))))
}

export function makeCell(section: ReportSection, row: string, column: string, raw: string, line: number, doubtful: boolean): ExtractedCell {
  const c = parseCell(raw)
  return { section, row, column, raw, value: c.value, kind: c.kind, line, confidence: doubtful ? 'doubtful' : 'certain' }
}

export function walkRows(toks: readonly Tok[], specs: readonly RowSpec[], section: ReportSection, headings: readonly string[], start = 0): WalkResult {
  const cells: ExtractedCell[] = []
  const issues: ReportIssue[] = []
  const used = new Set<number>()
  const allLabels = specs.flatMap((s) => s.labels)
  const where = SECTION_ZH[section]
  let pos = start
  const missing: RowSpec[] = []
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
      // The rest of a label split by a space or line (（二）部分公开（区分处理的， 只计这一情形…）).
      const n = normaliseLabel(u.text)
      if (!got.length && n.length >= 2 && parseCell(u.text).kind === 'text' && spec.labels.some((s) => s.includes(n))) { used.add(j); continue }
      if (parseCell(u.text).kind === 'text' && normaliseLabel(u.text).length > 12) break
      got.push(u)
      used.add(j)
    }
    pos = j
    if (spec.optional && !got.length) return
    readRow(spec, got, m.rest, labelTok.line, section, cells, issues)
  })
  if (missing.length === specs.filter((s) => !s.optional).length) {
    // Nothing found at all: the table is an image or an attachment, one message is enough.
    issues.push({ severity: 'warning', rule: 'missing_table', message: `${where}未找到表格（可能是图片或附件），未读取` })
  } else {
    for (const spec of missing) issues.push({ severity: 'warning', rule: 'missing_row', message: `${where}未找到“${spec.zh}”行，该行未读取` })
  }
  return { cells, issues, used }
}

function readRow(spec: RowSpec, got: Tok[], rest: string, line: number, section: ReportSection, cells: ExtractedCell[], issues: ReportIssue[]): void {
  const n = spec.columns.length
  const label = `第${line}行“${spec.zh}”`
  // Extra empty cells at the end of a row (wide tables) carry nothing.
  while (got.length > n && !got[got.length - 1].text.trim()) got.pop()
  const run = rest && got.length === 1 && /^\d{2,}$/.test(got[0].text) && n > 1 ? got[0].text : null
  if (run !== null) {
    if (run.length === n) {
      // Digits glued to the label: unambiguous only when every cell is one digit.
      spec.columns.forEach((col, k) => cells.push(makeCell(section, spec.key, col, run[k], line, false)))
      issues.push({ severity: 'info', rule: 'run_together', line, message: `${label}的数字与标签连写（“${run}”），按每格一位数拆分为${[...run].join('、')}` })
    } else {
      spec.columns.forEach((col) => cells.push({ ...makeCell(section, spec.key, col, run, line, true), value: null, kind: 'text' }))
      issues.push({ severity: 'warning', rule: 'run_together', line, message: `${label}的数字连写为“${run}”，应有${n}个单元格，无法确定如何拆分，请人工核对` })
    }
    return
  }
  const ok = got.length === n
  spec.columns.forEach((col, k) => {
    const t = got[k]
    cells.push(makeCell(section, spec.key, col, t ? t.text : '', t ? t.line : line, !ok))
  })
  if (!ok) {
    const seen = got.map((t) => (t.text ? `“${t.text}”` : '（空）')).join('、') || '无'
    const why = got.length < n ? `只找到${got.length}个` : `找到${got.length}个`
    issues.push({ severity: 'warning', rule: 'cell_count', line, message: `${label}应有${n}个单元格，${why}（${seen}），无法确定各数字所在列，已标为存疑，请人工核对` })
  }
}
