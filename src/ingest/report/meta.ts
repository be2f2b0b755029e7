/** What a report says outside its tables: sections and format (title: ./title.ts, narrative figures: ./narrative.ts). */
import type { FormatVersion } from '../../domain/format'
import { formFor, newestFirst } from '../../domain/versions'
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

export interface FormatInfo { format: FormatVersion | null; evidence: string; doubtful: boolean; conflict: string[] }

/**
 * The layout of a report from the labels its tables print (each version's `markers`, src/domain/versions.ts).
 * A version whose hits are all hits of another is ruled out by it; versions with the same hits cannot be told
 * apart by labels and the year decides; versions with different hits are a mixed report (most hits win).
 */
export function detectFormat(tableText: string, year: number | null): FormatInfo {
  const s = squash(tableText)
  const quote = (xs: string[]): string => xs.map((x) => `“${x}”`).join('')
  const hit = newestFirst().map((v) => ({ v, hits: v.markers.filter((m) => s.includes(m)) })).filter((h) => h.hits.length)
  const within = (a: string[], b: string[]): boolean => a.every((x) => b.includes(x))
  const left = hit.filter((h) => !hit.some((o) => o !== h && within(h.hits, o.hits) && o.hits.length > h.hits.length))
  const same = left.length > 1 && left.every((h) => within(h.hits, left[0].hits) && within(left[0].hits, h.hits))
  if (left.length === 1 || same) {
    const byYear = year !== null ? formFor(year) : null
    const { v, hits } = left.find((h) => h.v === byYear) ?? left[left.length - 1]
    return { format: v.id, evidence: `${v.id}版：表格含${quote(hits)}`, doubtful: false, conflict: [] }
  }
  if (left.length) {
    const best = [...left].sort((a, b) => b.hits.length - a.hits.length)[0]
    const format: FormatVersion = best.v.id
    return {
      format, doubtful: true, conflict: left.flatMap((h) => h.hits),
      evidence: `${left.length === 2 ? '两' : left.length}版标签混用（${left.map((h) => `${h.v.id}版${quote(h.hits)}`).join('；')}），按较多者取${format}版`,
    }
  }
  const byYear = year !== null ? formFor(year) : null
  if (year !== null && byYear) {
    const format: FormatVersion = byYear.id
    return { format, evidence: `表格中未找到区分两版的标签，按年度${year}推定为${format}版`, doubtful: true, conflict: [] }
  }
  return { format: null, evidence: '未找到区分两版的标签，年度也无法推定格式', doubtful: true, conflict: [] }
}
