/** What a report says outside its tables: title (unit, year), sections, format, active total. */
import type { FormatVersion } from '../../domain/format'
import type { Confidence, SrcLine } from './types'

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '')

// ------------------------------------------------------------------ title

export interface TitleInfo { unitName: string | null; year: number | null; line: number | null }

const UNIT_SUFFIX = /(?:政府|局|委员会|委|办公室|办|镇|乡|街道|办事处|中心|院|厅|署|会)$/
const TITLE = /^(.*?)((?:19|20)\d{2})\s*年(?:度)?(.*?)(?:政府)?信息公开(?:工作)?年(?:度)?报(?:告)?/

export function findTitle(lines: readonly SrcLine[], fileName?: string): TitleInfo {
  const head = lines.slice(0, 40)
  for (let i = 0; i < head.length; i++) {
    const s = squash(head[i].text)
    if (!s || s.length > 80) continue
    const m = TITLE.exec(s)
    if (!m) continue
    // A title may be printed on two lines: 浓桥镇人民政府 / 2023年政府信息公开工作年度报告.
    const prev = head.slice(0, i).reverse().find((l) => squash(l.text))
    const above = prev && squash(prev.text).length <= 30 && UNIT_SUFFIX.test(squash(prev.text)) ? cleanUnit(squash(prev.text)) : ''
    return { unitName: cleanUnit(m[1]) || cleanUnit(m[3]) || above || null, year: Number(m[2]), line: head[i].line }
  }
  // No title line: try the file name (浓桥镇2023年….txt).
  const m = fileName ? /^(.*?)((?:19|20)\d{2})/.exec(squash(fileName.replace(/^.*[\\/]/, ''))) : null
  return { unitName: m ? cleanUnit(m[1]) || null : null, year: m ? Number(m[2]) : null, line: null }
}

function cleanUnit(s: string): string {
  const u = s.replace(/^关于/, '').replace(/^[《“"「]+|[》”"」]+$/g, '').replace(/[_\-—:：,，、.。]+$/, '').replace(/的$/, '').trim()
  // 2022年度示例县人民政府信息公开…: the 政府 belongs to the unit, not to 政府信息公开.
  return u.endsWith('人民') ? `${u}政府` : u
}

// ------------------------------------------------------------------ sections

export type SectionId = 'active' | 'applications' | 'reviews' | 'end'
export interface SectionHeadings { active: number | null; applications: number | null; reviews: number | null; end: number | null }

// Strict forms (also with Arabic numerals), then looser wordings with a Chinese numeral only,
// so that a prose line like "2.强化…主动公开…" in part 一 is never taken for a heading.
const HEADINGS: Record<SectionId, RegExp[]> = {
  active: [/^(?:二|2)[、.．]?主动公开政府信息(?:情况)?$/, /^二[、.．]?.{0,10}主动公开/],
  applications: [/^(?:三|3)[、.．]?收到和处理政府信息公开申请(?:情况)?$/, /^三[、.．]?.{0,10}政府信息公开申请/],
  reviews: [/^(?:四|4)[、.．]?政府信息公开行政复议[、和及]?行政诉讼(?:情况)?$/, /^四[、.．]?.{0,16}行政复议.{0,8}行政诉讼/],
  end: [/^(?:五|5)[、.．]?存在的主要问题/, /^五[、.．]?.{0,10}(?:问题|改进)/, /^六[、.．]?其他需要报告/],
}

/** Index (into lines) of each section heading, in order; null when not found. */
export function findSections(lines: readonly SrcLine[]): SectionHeadings {
  const found: SectionHeadings = { active: null, applications: null, reviews: null, end: null }
  let from = 0
  for (const id of ['active', 'applications', 'reviews', 'end'] as const) {
    for (let i = from; i < lines.length; i++) {
      if (lines[i].cells) continue
      const s = squash(lines[i].text).replace(/[（(][^)）]*[)）]$/, '')
      if (s.length <= 40 && HEADINGS[id].some((re) => re.test(s))) { found[id] = i; from = i + 1; break }
    }
  }
  return found
}

// ------------------------------------------------------------------ format

const MARKERS: Record<FormatVersion, readonly string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '逾期不补正', '逾期未按收费通知要求缴纳费用'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '政府集中采购', '采购总金额', '其他对外管理服务事项', '本年增/减'],
}

export interface FormatInfo { format: FormatVersion | null; evidence: string; doubtful: boolean; conflict: string[] }

export function detectFormat(tableText: string, year: number | null): FormatInfo {
  const s = squash(tableText)
  const hits = (f: FormatVersion): string[] => MARKERS[f].filter((m) => s.includes(m))
  const h21 = hits('2021')
  const h19 = hits('2019')
  const quote = (xs: string[]): string => xs.map((x) => `“${x}”`).join('')
  if (h21.length && !h19.length) return { format: '2021', evidence: `2021版：表格含${quote(h21)}`, doubtful: false, conflict: [] }
  if (h19.length && !h21.length) return { format: '2019', evidence: `2019版：表格含${quote(h19)}`, doubtful: false, conflict: [] }
  if (h21.length || h19.length) {
    const format: FormatVersion = h21.length >= h19.length ? '2021' : '2019'
    return { format, evidence: `两版标签混用（2021版${quote(h21)}；2019版${quote(h19)}），按较多者取${format}版`, doubtful: true, conflict: [...h21, ...h19] }
  }
  if (year !== null && year >= 2019) {
    const format: FormatVersion = year >= 2021 ? '2021' : '2019'
    return { format, evidence: `表格中未找到区分两版的标签，按年度${year}推定为${format}版`, doubtful: true, conflict: [] }
  }
  return { format: null, evidence: '未找到区分两版的标签，年度也无法推定格式', doubtful: true, conflict: [] }
}

// ------------------------------------------------------------------ active total (part 一)

export interface ActiveTotal { value: number; evidence: string; line: number; confidence: Confidence; others: { value: number; evidence: string; line: number }[] }

// 共公开信息43条 · 主动公开政府信息43条 · 累计主动公开各类信息1,234条 · 公开信息共计43条
const CANDIDATE = /(?:(?:全年|本年|年内|共计|累计|总计|合计|共)[^，。；;,\d]{0,4})?(?:主动)?(?:发布|公开)[^，。；;,\d]{0,10}?信息[^，。；;,\d]{0,4}?([\d,，]+)\s*条|主动公开[^，。；;,\d]{0,12}?([\d,，]+)\s*条/g
const TOTAL_WORD = /全年|本年|年内|共计|累计|总计|合计|共/
const SUB_WORD = /其中|重点领域|专栏|平台|网站|微信|政务新媒体|公开栏|政策解读|通过/

export function findActiveTotal(lines: readonly SrcLine[]): ActiveTotal | null {
  const cands: { value: number; evidence: string; line: number; score: number }[] = []
  for (const l of lines) {
    const text = l.text.normalize('NFKC')
    for (const m of text.matchAll(CANDIDATE)) {
      const value = Number((m[1] ?? m[2]).replace(/[,，]/g, ''))
      if (!Number.isFinite(value)) continue
      const evidence = m[0].trim()
      // The clause the phrase sits in decides whether it is the total or a breakdown.
      const start = Math.max(text.lastIndexOf('。', m.index ?? 0), text.lastIndexOf('；', m.index ?? 0), 0)
      const clause = text.slice(start, (m.index ?? 0) + m[0].length)
      let score = 1
      if (TOTAL_WORD.test(evidence)) score += 2
      if (/主动公开/.test(evidence)) score += 1
      if (SUB_WORD.test(clause)) score -= 2
      cands.push({ value, evidence, line: l.line, score })
    }
  }
  if (!cands.length) return null
  const best = cands.reduce((a, b) => (b.score > a.score ? b : a))
  // 主动公开政府信息43条 alone is explicit enough; a second explicit figure makes it doubtful.
  const explicit = best.score >= 2
  const rivals = cands.filter((c) => c !== best && c.value !== best.value && c.score >= 2)
  return {
    value: best.value, evidence: best.evidence, line: best.line,
    confidence: explicit && !rivals.length ? 'certain' : 'doubtful',
    others: cands.filter((c) => c !== best).map(({ value, evidence, line }) => ({ value, evidence, line })),
  }
}
