/**
 * Section 三's column order from its header, and section 四's single row.
 * The printed header is two-level: 自然人 · 法人或其他组织 (five sub-columns on the next header
 * row) · 总计. Flattened to text, 总计 comes before 商业企业 although its column is the last,
 * so the five organisation columns are placed where 法人或其他组织 stands, not where their
 * words happen to appear.
 */
import { APPLICANT_KEYS } from '../../domain/format'
import { parseCell } from '../../domain/cells'
import { normaliseLabel } from '../../domain/labels'
import { REVIEW_CELLS } from './specs'
import { makeCell } from './walk'
import type { ExtractedCell, ReportIssue, Tok } from './types'

const ORG = ['commercial', 'research', 'social_welfare', 'legal_service', 'other_org']
// Distinctive parts of each header word, so that words wrapped anywhere still match.
const PROBES: Record<string, RegExp> = {
  natural_person: /自然人/, commercial: /商业/, research: /科研/, social_welfare: /公益/,
  legal_service: /法律服务/, other_org: /其他(?!组织)/, total: /总计|合计/,
}
const GROUP_RE = /法人或其他(?:组织?)?/

export interface ColumnOrder { columns: string[]; found: boolean; doubtful: boolean; message: string | null; line: number | null }

export function applicantOrder(header: readonly Tok[]): ColumnOrder {
  // The printed note on the flow rule (勾稽关系…第一项加第二项) is not a column.
  const parts = header.filter((t) => !t.br && t.text && !t.text.includes('勾稽关系'))
  const line = parts.find((t) => /自然人|总计/.test(t.text))?.line ?? parts[0]?.line ?? null
  const text = parts.map((t) => normaliseLabel(t.text)).join('')
  // 法人或其他组织 may be wrapped in its cell (法人或其他组 / 织): its start marks the group.
  const grouped = GROUP_RE.test(text)
  const flat = text.replace(new RegExp(GROUP_RE.source, 'g'), '\u0001')
  const at: Record<string, number> = {}
  for (const k of APPLICANT_KEYS) { const i = flat.search(PROBES[k]); if (i >= 0) at[k] = i }
  const groupAt = flat.indexOf('\u0001')
  const standard = [...APPLICANT_KEYS]
  const foundAll = APPLICANT_KEYS.every((k) => k in at)
  if (!Object.keys(at).length) return { columns: standard, found: false, doubtful: false, message: null, line }
  // Top-level order: 自然人 · the organisation block · 总计.
  const orgPos = grouped ? groupAt : Math.min(...ORG.map((k) => at[k] ?? Infinity))
  const orgOrder = [...ORG].sort((a, b) => (at[a] ?? Infinity) - (at[b] ?? Infinity))
  const top = [
    { keys: ['natural_person'], pos: at.natural_person ?? Infinity },
    { keys: orgOrder, pos: orgPos },
    { keys: ['total'], pos: at.total ?? Infinity },
  ].sort((a, b) => a.pos - b.pos)
  const columns = top.flatMap((t) => t.keys)
  const same = columns.every((k, i) => k === standard[i])
  if (!foundAll) {
    return same
      ? { columns: standard, found: false, doubtful: false, message: null, line }
      : { columns: standard, found: false, doubtful: true, line, message: `第${line}行第三部分表头不完整，列顺序无法确认，已按标准顺序读取并标为存疑` }
  }
  if (same) return { columns, found: true, doubtful: false, message: null, line }
  const zh: Record<string, string> = { natural_person: '自然人', commercial: '商业企业', research: '科研机构', social_welfare: '社会公益组织', legal_service: '法律服务机构', other_org: '其他', total: '总计' }
  return { columns, found: true, doubtful: false, line, message: `第${line}行第三部分表头列顺序为${columns.map((k) => zh[k]).join('、')}，已按表头顺序读取` }
}

/** Section 四: the 15 cells after the header (which is all text), block by block. */
export function readReviews(toks: readonly Tok[]): { cells: ExtractedCell[]; issues: ReportIssue[] } {
  const isValue = (t: Tok): boolean => !t.br && !!t.text && parseCell(t.text).kind !== 'text'
  const first = toks.findIndex(isValue)
  if (first < 0) return { cells: [], issues: [{ severity: 'warning', rule: 'missing_row', message: '第四部分未找到数字，行政复议、行政诉讼情况未读取' }] }
  // The header ends at its last word before the first number; data starts on the next row.
  let start = 0
  for (let i = first - 1; i >= 0; i--) if (!toks[i].br && toks[i].text) { start = i + 1; break }
  const brAt = toks.slice(start, first).findIndex((t) => t.br)
  if (brAt >= 0) start += brAt + 1
  const got: Tok[] = []
  for (let i = start; i < toks.length; i++) {
    const t = toks[i]
    if (t.br) continue
    if (parseCell(t.text).kind === 'text' && normaliseLabel(t.text).length > 12) break
    got.push(t)
  }
  while (got.length > REVIEW_CELLS.length && !got[got.length - 1].text) got.pop()
  const ok = got.length === REVIEW_CELLS.length
  const line = got[0]?.line ?? toks[first].line
  const cells = REVIEW_CELLS.map((c, k) => makeCell('reviews', c.row, c.column, got[k]?.text ?? '', got[k]?.line ?? line, !ok))
  const issues: ReportIssue[] = ok ? [] : [{
    severity: 'warning', rule: 'cell_count', line,
    message: `第${line}行起第四部分应有15个单元格，找到${got.length}个，无法确定各数字所在列，已标为存疑，请人工核对`,
  }]
  return { cells, issues }
}
