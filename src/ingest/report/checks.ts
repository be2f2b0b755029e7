/**
 * Checks within one report: what each cell holds (blank, text, loose numbers, negatives) and the
 * consistency rules of report-format.md that need no other report (flow_identity, handled_sum,
 * applicant_sum, review_sum). Breaks become issues; cells are never changed.
 */
import { ACTIVE_MEASURES, APPLICANT_PARTS, REVIEW_BLOCKS, type FormatVersion } from '../../domain/format'
import { allActiveItems, allApplicationRows, currentVersion, outcomeRowsFor, perVersions } from '../../domain/versions'
import { parseCell } from '../../domain/cells'
import { RULE_BY_ID } from '../../domain/rules'
import type { ExtractedCell, ReportIssue } from './types'

// Labels of every form version's rows, rebuilt when a version is added.
const rowZh = perVersions(() => new Map<string, string>(allApplicationRows().map((r) => [r.key, r.zh])))
const activeZh = perVersions(() => new Map<string, string>([...allActiveItems(), ...ACTIVE_MEASURES].map((r) => [r.key, r.zh])))
const REVIEW_ZH = new Map<string, string>(REVIEW_BLOCKS.map((r) => [r.key, r.zh]))
const COL_ZH: Record<string, string> = {
  natural_person: '自然人', commercial: '商业企业', research: '科研机构', social_welfare: '社会公益组织',
  legal_service: '法律服务机构', other_org: '其他', total: '总计',
  upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结',
}
export function cellName(c: ExtractedCell): string {
  if (c.section === 'active') return `“${activeZh().get(c.row) ?? c.row}”的“${activeZh().get(c.column) ?? c.column}”`
  if (c.section === 'reviews') return `“${REVIEW_ZH.get(c.row) ?? c.row}”的“${COL_ZH[c.column] ?? c.column}”`
  return `“${rowZh().get(c.row) ?? c.row}”的“${COL_ZH[c.column] ?? c.column}”`
}

export function cellIssues(cells: readonly ExtractedCell[]): ReportIssue[] {
  const issues: ReportIssue[] = []
  for (const c of cells) {
    const at = `第${c.line}行${cellName(c)}`
    if (c.unread) continue
    if (c.kind === 'text' && c.confidence === 'certain') issues.push({ severity: 'error', rule: 'text_cells', line: c.line, message: `${at}为文字“${c.raw}”，不是数字` })
    if (c.kind === 'blank' && c.confidence === 'certain') issues.push({ severity: 'info', rule: 'blank_cells', line: c.line, message: `${at}为空，按缺失处理（不计为0）` })
    if (c.kind === 'zero_word') issues.push({ severity: 'info', rule: 'tolerated_number', line: c.line, message: `${at}写作“${c.raw}”，按0读取` })
    if (c.kind === 'number' && parseCell(c.raw).tolerated && c.amountUnit === undefined) issues.push({ severity: 'warning', rule: 'tolerated_number', line: c.line, message: `${at}写作“${c.raw}”，已按${c.value}读取` })
    if (c.value === null || c.kind !== 'number') continue
    const m = ACTIVE_MEASURES.find((x) => x.key === c.column && c.section === 'active')
    if (c.value < 0 && !m?.signed) issues.push({ severity: 'error', rule: 'negative', line: c.line, message: `${at}为负数${c.value}` })
    if (!Number.isInteger(c.value) && !m?.decimal) issues.push({ severity: 'warning', rule: 'not_integer', line: c.line, message: `${at}为小数${c.value}，件数应为整数，请核对` })
  }
  return issues
}

type Grid = Map<string, ExtractedCell>
const key = (row: string, col: string): string => `${row}|${col}`

/** Sum of cells; null when any is not a certain number (missing or text cannot be summed silently). */
function sum(grid: Grid, parts: readonly [string, string][]): { value: number | null; cells: ExtractedCell[] } {
  const cells = parts.map(([r, c]) => grid.get(key(r, c))).filter((c): c is ExtractedCell => !!c)
  // Doubtful cells may sit in the wrong column: a sum over them would report false breaks.
  if (cells.length !== parts.length || cells.some((c) => c.value === null || c.confidence === 'doubtful')) return { value: null, cells }
  return { value: cells.reduce((a, c) => a + (c.value ?? 0), 0), cells }
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9

export function consistencyIssues(format: FormatVersion | null, applications: readonly ExtractedCell[], reviews: readonly ExtractedCell[]): ReportIssue[] {
  const issues: ReportIssue[] = []
  const app: Grid = new Map(applications.map((c) => [key(c.row, c.column), c]))
  const push = (rule: 'flow_identity' | 'handled_sum' | 'applicant_sum' | 'review_sum', where: string, line: number, l: [string, number], r: [string, number]): void => {
    issues.push({ severity: RULE_BY_ID[rule].severity, rule, line, message: `第${line}行起${where}勾稽关系不符（${RULE_BY_ID[rule].zh}）：${l[0]}为${l[1]}，${r[0]}为${r[1]}` })
  }
  if (applications.length) {
    const cols = [...APPLICANT_PARTS, 'total']
    let outcomes = outcomeRowsFor(format ?? currentVersion().id).map((r) => r.key)
    // A 2021 report giving only the 2019 row `other` (or the reverse) still sums correctly.
    if (!outcomes.some((k) => app.has(key(k, 'total')))) outcomes = []
    const hasSub = outcomes.some((k) => k.startsWith('other.') && app.has(key(k, 'total')))
    if (!hasSub && app.has(key('other', 'total'))) outcomes = [...outcomes.filter((k) => !k.startsWith('other')), 'other']
    else if (hasSub) outcomes = outcomes.filter((k) => k !== 'other')
    for (const col of cols) {
      const zh = `“${COL_ZH[col]}”列`
      const a = sum(app, [['received', col], ['carried_in', col]])
      const b = sum(app, [['handled', col], ['carried_out', col]])
      if (a.value !== null && b.value !== null && !near(a.value, b.value)) push('flow_identity', zh, a.cells[0].line, ['本年新收＋上年结转', a.value], ['办理结果总计＋结转下年度', b.value])
      const h = sum(app, [['handled', col]])
      const o = sum(app, outcomes.map((k) => [k, col] as [string, string]))
      if (outcomes.length && h.value !== null && o.value !== null && !near(h.value, o.value)) push('handled_sum', zh, h.cells[0].line, ['办理结果总计', h.value], ['各办理结果之和', o.value])
    }
    const rows = [...new Set(applications.map((c) => c.row))]
    for (const row of rows) {
      const t = sum(app, [[row, 'total']])
      const p = sum(app, APPLICANT_PARTS.map((c) => [row, c] as [string, string]))
      if (t.value !== null && p.value !== null && !near(t.value, p.value)) push('applicant_sum', `“${rowZh().get(row) ?? row}”行`, t.cells[0].line, ['总计', t.value], ['六类申请人之和', p.value])
    }
  }
  const rev: Grid = new Map(reviews.map((c) => [key(c.row, c.column), c]))
  for (const b of REVIEW_BLOCKS) {
    const t = sum(rev, [[b.key, 'total']])
    const p = sum(rev, ['upheld', 'corrected', 'other', 'pending'].map((o) => [b.key, o] as [string, string]))
    if (t.value !== null && p.value !== null && !near(t.value, p.value)) push('review_sum', `第四部分“${b.zh}”`, t.cells[0].line, ['总计', t.value], ['四项结果之和', p.value])
  }
  return issues
}
