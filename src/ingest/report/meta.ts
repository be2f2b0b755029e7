/** What a report says outside its tables: sections and format (title: ./title.ts, narrative figures: ./narrative.ts). */
import type { FormatVersion } from '../../domain/format'
import type { SrcLine } from './types'

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '')

export { findTitle } from './title'
export { findActiveTotal } from './narrative'

// ------------------------------------------------------------------ sections

type SectionId = 'active' | 'applications' | 'reviews' | 'end'
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
