/** parseReport: a published annual report (text or HTML) → unit, year, format, active total, cells. */
import { currentVersion, expectedFormat } from '../../domain/versions'
import type { FormatVersion } from '../../domain/format'
import { parseCell } from '../../domain/cells'
import { applyAmountUnits } from './amounts'
import { cellIssues, cellName, consistencyIssues } from './checks'
import { applicantOrder, readReviews } from './columns'
import { htmlToLines } from './html'
import { detectFormat, findSections } from './meta'
import { checkStated, findActiveTotal, statedFigures } from './narrative'
import { readableLines } from './readable'
import { findTitle, type TitleInfo } from './title'
import { activeSpecs, applicationSpecs, headingLabels } from './specs'
import { dropLoneBreaks, textToLines, tokenize, usesPipeLines } from './tokens'
import { matchLabel, walkRows } from './walk'
import type { ExtractedCell, ParsedReport, ReportInput, ReportIssue, SrcLine, Tok } from './types'

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '')
const HEADER_WORD = /^(?:申请人情况|自然人|法人或其他组织|商业|企业|商业企业|科研|机构|科研机构|社会公益组织|法律服务机构|总计|合计)$/
const APP_ROW_START = /^(一、)?本年新收政府信息公开申请|^(二、)?上年结转政府信息公开申请|^(四、)?结转下年度继续办理/

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
  if (p === null) {
    // A page that starts inside section 三 (a PDF page, a cut mirror): its first row label.
    const at = find((a ?? -1) + 1, APP_ROW_START)
    if (at !== null) { p = at - 1; if (!missing.includes('三、收到和处理政府信息公开申请情况')) missing.push('三、收到和处理政府信息公开申请情况') }
  }
  let r = h.reviews
  // Never "四、…" alone: 四、结转下年度继续办理 is a row of 三, and 4.保护第三方合法权益 one of 不予公开.
  if (r === null) { missing.push('四、政府信息公开行政复议、行政诉讼情况'); r = find((p ?? a ?? -1) + 1, /行政复议.{0,20}行政诉讼|结果维持|尚未审结|未经复议/); if (r !== null) r -= 1 }
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

/** Prose (a sentence of the narrative) in section 四, which has no row labels: its years and counts are not cells. */
const isProse = (l: SrcLine): boolean => !l.cells && !/[|\t]/.test(l.text) && /[\u4e00-\u9fff]{6,}/.test(l.text) && /[，。；,;]/.test(l.text)

export function parseReport(input: ReportInput): ParsedReport {
  const raw = input.html != null ? htmlToLines(input.html) : input.lines ?? textToLines(input.text ?? '')
  const { lines, traditional, glosses } = readableLines(raw)
  const issues: ReportIssue[] = []
  if (traditional) issues.push({ severity: 'info', rule: 'traditional', message: `原文为繁体字，已转换为简体字后读取${glosses ? `（并去掉${glosses}处拼音注音）` : ''}；核对时显示原文` })
  else if (glosses) issues.push({ severity: 'info', rule: 'traditional', message: `原文字后附有拼音注音（如“数(shù)”），已去掉${glosses}处后读取` })
  const title = findTitle(lines, input.fileName)
  issues.push(...metaIssues(title))

  const ranges = sectionRanges(lines, issues)
  const fmt = detectFormat([...ranges.active, ...ranges.applications].map((l) => l.text).join('\n'), title.year)
  if (fmt.doubtful) issues.push({ severity: 'warning', rule: 'format', message: `表格格式存疑：${fmt.evidence}` })
  if (fmt.format && title.year !== null && expectedFormat(title.year) && expectedFormat(title.year) !== fmt.format) {
    issues.push({ severity: 'warning', rule: 'format_year', message: `${title.year}年报告使用了${fmt.format}版表格（应为${expectedFormat(title.year)}版）` })
  }
  const format: FormatVersion = fmt.format ?? currentVersion().id

  const total = findActiveTotal(ranges.part1)
  if (!total) issues.push({ severity: 'info', rule: 'active_total', message: '第一部分未写明主动公开信息总数（如“共公开信息43条”），主动公开信息数留空' })
  else if (total.confidence === 'doubtful') {
    const others = total.others.map((o) => `第${o.line}行“${o.evidence}”`).join('、')
    const why = total.approximate ? '为约数（余/多/近）' : others ? `，另有${others}` : '，措辞不够明确'
    issues.push({ severity: 'warning', rule: 'active_total', line: total.line, message: `主动公开信息总数存疑：取第${total.line}行“${total.evidence}”${total.approximate ? `，${why}，按${total.value}读取` : why}，请人工核对` })
  }

  const pipe = usesPipeLines(lines)
  const headings = headingLabels(format)
  const toks = (ls: readonly SrcLine[]): Tok[] => dropLoneBreaks(tokenize(ls, pipe))

  const aToks = toks(ranges.active)
  const act = walkRows(aToks, activeSpecs(format), 'active', headings)
  const activeCells = act.cells
  issues.push(...act.issues, ...unusedNumbers(aToks, act.used, 0, '第二部分'), ...applyAmountUnits(activeCells, ranges.active, cellName))

  const pToks = toks(ranges.applications)
  const specs0 = applicationSpecs(format)
  let firstRow = pToks.findIndex((_, i) => matchLabel(pToks, i, specs0[0].labels) !== null)
  // No 一、本年新收 row (the page is cut, or starts lower): rows start after the header's last word,
  // so that the header's 总计 is never taken for the row （七）总计.
  if (firstRow < 0) firstRow = pToks.reduce((end, t, i) => (!t.br && HEADER_WORD.test(t.text) ? i + 1 : end), 0)
  const order = applicantOrder(pToks.slice(0, firstRow))
  if (order.message) issues.push({ severity: order.doubtful ? 'warning' : 'info', rule: 'column_order', line: order.line ?? undefined, message: order.message })
  const app = walkRows(pToks, applicationSpecs(format, order.columns), 'applications', headings, firstRow)
  const applications: ExtractedCell[] = order.doubtful ? app.cells.map((c) => ({ ...c, confidence: 'doubtful', why: c.why ?? '第三部分表头不完整，列顺序无法确认' })) : app.cells
  issues.push(...app.issues, ...unusedNumbers(pToks, app.used, firstRow, '第三部分'))

  const rev = readReviews(toks(ranges.reviews.filter((l) => !isProse(l))))
  issues.push(...rev.issues)

  const cutAt = cutNumber(input, raw, [activeCells, applications, rev.cells])
  if (cutAt) issues.push(cutAt)
  const all = [...activeCells, ...applications, ...rev.cells]
  issues.push(...cellIssues(all), ...consistencyIssues(format, applications, rev.cells))
  issues.push(...checkStated(statedFigures(ranges.part1), activeCells, applications))
  return {
    fileName: input.fileName ?? null,
    unitName: title.unitName, year: title.year, format: fmt.format, formatEvidence: fmt.evidence,
    parentName: title.parentName, level: title.level, traditional,
    activeTotal: total?.value ?? null, activeTotalEvidence: total?.evidence ?? null,
    activeTotalLine: total?.line ?? null, activeTotalConfidence: total?.confidence ?? null, activeTotalApprox: total?.approximate ?? false,
    active: activeCells, applications, reviews: rev.cells, issues,
  }
}

/**
 * A page stored cut off (archives keep the first ~2,000 characters) may end inside a number: "26"
 * cut to "2". The cell the text ends on is doubtful — its digits may be incomplete.
 */
function cutNumber(input: ReportInput, lines: readonly SrcLine[], sections: ExtractedCell[][]): ReportIssue | null {
  const source = (input.html ?? input.text ?? '').replace(/\s+$/, '')
  const end = lines[lines.length - 1]
  const last = end ? Math.max(end.line, ...(end.cells ?? []).map((c) => c.line)) : undefined
  if (!source || last === undefined || !/[\d.,，-]$/.test(source)) return null
  // The text ends on the last cell read from its last line.
  for (const cells of [...sections].reverse()) {
    const i = cells.findLastIndex((c) => c.line === last && !c.unread && c.raw.trim() !== '')
    if (i < 0 || !source.endsWith(cells[i].raw.trim())) continue
    const c = cells[i]
    cells[i] = { ...c, confidence: 'doubtful', why: '原文在此截断，该数字可能不完整' }
    return { severity: 'warning', rule: 'cut_off', line: c.line, message: `第${c.line}行：原文在“${c.raw.trim()}”处截断，该数字可能不完整，已标为存疑` }
  }
  return null
}

/** Where the unit and year came from; a report with neither still reads, with a located note. */
function metaIssues(t: TitleInfo): ReportIssue[] {
  const out: ReportIssue[] = []
  const missing = [t.unitName === null ? '单位' : null, t.year === null ? '年度' : null].filter(Boolean).join('、')
  if (missing) {
    out.push({
      severity: t.year === null ? 'error' : 'warning', rule: 'unit_year', line: t.line ?? 1,
      message: `单位/年度未识别：标题、正文和文件名中均未找到${missing}（标题应形如“某某镇2023年政府信息公开工作年度报告”），请补填`,
    })
  }
  const from: Record<string, string> = { narrative: '正文', file: '文件名' }
  if (t.unitName && t.unitSource && t.unitSource !== 'title') out.push({ severity: 'info', rule: 'unit_year', message: `未找到报告标题，单位名称“${t.unitName}”取自${from[t.unitSource]}，请核对` })
  if (t.year !== null && t.yearSource && t.yearSource !== 'title') out.push({ severity: 'info', rule: 'unit_year', message: `未找到报告标题，年度${t.year}取自${from[t.yearSource]}，请核对` })
  return out
}
