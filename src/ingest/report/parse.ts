/** parseReport: a published annual report (text or HTML) → unit, year, format, active total, cells. */
import { expectedFormat, type FormatVersion } from '../../domain/format'
import { parseCell } from '../../domain/cells'
import { cellIssues, consistencyIssues } from './checks'
import { applicantOrder, readReviews } from './columns'
import { htmlToLines } from './html'
import { detectFormat, findActiveTotal, findSections, findTitle } from './meta'
import { activeSpecs, applicationSpecs, headingLabels } from './specs'
import { textToLines, tokenize, usesPipeLines } from './tokens'
import { matchLabel, walkRows } from './walk'
import type { ExtractedCell, ParsedReport, ReportInput, ReportIssue, SrcLine, Tok } from './types'

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '')

/** Where each table section starts and ends (line indices); headings first, label anchors second. */
function sectionRanges(lines: readonly SrcLine[], issues: ReportIssue[]): { part1: SrcLine[]; active: SrcLine[]; applications: SrcLine[]; reviews: SrcLine[] } {
  const h = findSections(lines)
  const find = (from: number, re: RegExp): number | null => {
    for (let i = from; i < lines.length; i++) if (re.test(squash(lines[i].text))) return i
    return null
  }
  const missing: string[] = []
  let a = h.active
  if (a === null) { missing.push('二、主动公开政府信息情况'); a = find(0, /第二十条|信息内容|本年制发件数|本年新制作数量/); if (a !== null) a -= 1 }
  let p = h.applications
  if (p === null) { missing.push('三、收到和处理政府信息公开申请情况'); p = find((a ?? -1) + 1, /申请人情况|本年新收/); if (p !== null) p -= 1 }
  let r = h.reviews
  if (r === null) { missing.push('四、政府信息公开行政复议、行政诉讼情况'); r = find((p ?? a ?? -1) + 1, /^(四|4)[、.]|行政复议.*行政诉讼|结果维持/); if (r !== null) r -= 1 }
  const end = h.end ?? find((r ?? p ?? a ?? -1) + 1, /^(五|六|5|6)[、.]/) ?? lines.length
  if (missing.length) issues.push({ severity: 'warning', rule: 'missing_heading', message: `未找到标题${missing.map((m) => `“${m}”`).join('、')}，已按表格标签定位` })
  const slice = (from: number | null, ...to: (number | null)[]): SrcLine[] => {
    if (from === null) return []
    const stop = to.find((x): x is number => x !== null && x > from) ?? end
    return lines.slice(from + 1, stop)
  }
  const first = [a, p, r].find((x): x is number => x !== null) ?? end
  return { part1: lines.slice(0, Math.max(0, first)), active: slice(a, p, r, end), applications: slice(p, r, end), reviews: slice(r, end) }
}

function unusedNumbers(toks: readonly Tok[], used: Set<number>, from: number, where: string): ReportIssue[] {
  const out: ReportIssue[] = []
  toks.forEach((t, i) => {
    if (i < from || used.has(i) || t.br) return
    const k = parseCell(t.text).kind
    if (k === 'number') out.push({ severity: 'warning', rule: 'unused_value', line: t.line, message: `第${t.line}行${where}的“${t.text}”未归入表格任何一行，请核对是否有未识别的行` })
  })
  return out
}

export function parseReport(input: ReportInput): ParsedReport {
  const lines = input.html != null ? htmlToLines(input.html) : textToLines(input.text ?? '')
  const issues: ReportIssue[] = []
  const title = findTitle(lines, input.fileName)
  if (title.year === null) issues.push({ severity: 'error', rule: 'bad_year', message: '未找到报告年度（标题应形如“2023年……政府信息公开工作年度报告”）' })
  if (title.unitName === null) issues.push({ severity: 'warning', rule: 'unit_name', message: '未从标题中找到单位名称' })

  const ranges = sectionRanges(lines, issues)
  const fmt = detectFormat([...ranges.active, ...ranges.applications].map((l) => l.text).join('\n'), title.year)
  if (fmt.doubtful) issues.push({ severity: 'warning', rule: 'format', message: `表格格式存疑：${fmt.evidence}` })
  if (fmt.format && title.year !== null && expectedFormat(title.year) && expectedFormat(title.year) !== fmt.format) {
    issues.push({ severity: 'warning', rule: 'format_year', message: `${title.year}年报告使用了${fmt.format}版表格（应为${expectedFormat(title.year)}版）` })
  }
  const format: FormatVersion = fmt.format ?? '2021'

  const total = findActiveTotal(ranges.part1)
  if (!total) issues.push({ severity: 'warning', rule: 'active_total', message: '第一部分未找到主动公开信息总数（如“共公开信息43条”）' })
  else if (total.confidence === 'doubtful') {
    const others = total.others.map((o) => `第${o.line}行“${o.evidence}”`).join('、')
    issues.push({ severity: 'warning', rule: 'active_total', line: total.line, message: `主动公开信息总数存疑：取第${total.line}行“${total.evidence}”${others ? `，另有${others}` : '，措辞不够明确'}，请人工核对` })
  }

  const pipe = usesPipeLines(lines)
  const headings = headingLabels(format).filter((h) => !(format === '2019' && h === '其他处理'))

  const aToks = tokenize(ranges.active, pipe)
  const act = walkRows(aToks, activeSpecs(format), 'active', headings)
  issues.push(...act.issues, ...unusedNumbers(aToks, act.used, 0, '第二部分'))

  const pToks = tokenize(ranges.applications, pipe)
  const specs0 = applicationSpecs(format)
  let firstRow = pToks.findIndex((_, i) => matchLabel(pToks, i, specs0[0].labels) !== null)
  if (firstRow < 0) firstRow = 0
  const order = applicantOrder(pToks.slice(0, firstRow))
  if (order.message) issues.push({ severity: order.doubtful ? 'warning' : 'info', rule: 'column_order', line: order.line ?? undefined, message: order.message })
  const app = walkRows(pToks, applicationSpecs(format, order.columns), 'applications', headings, firstRow)
  const applications: ExtractedCell[] = order.doubtful ? app.cells.map((c) => ({ ...c, confidence: 'doubtful' })) : app.cells
  issues.push(...app.issues, ...unusedNumbers(pToks, app.used, firstRow, '第三部分'))

  const rev = readReviews(tokenize(ranges.reviews, pipe))
  issues.push(...rev.issues)

  const all = [...act.cells, ...applications, ...rev.cells]
  issues.push(...cellIssues(all), ...consistencyIssues(format, applications, rev.cells))
  return {
    fileName: input.fileName ?? null,
    unitName: title.unitName, year: title.year, format: fmt.format, formatEvidence: fmt.evidence,
    activeTotal: total?.value ?? null, activeTotalEvidence: total?.evidence ?? null,
    activeTotalLine: total?.line ?? null, activeTotalConfidence: total?.confidence ?? null,
    active: act.cells, applications, reviews: rev.cells, issues,
  }
}
