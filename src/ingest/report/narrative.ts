/**
 * Figures stated in the narrative (part 一): the active-disclosure total (共公开信息43条, 260余条,
 * 近200条 — 余/多/近/约 make it approximate) and other stated counts (收到…申请N件, 规范性文件N件),
 * which are checked against the table where both exist.
 */
import type { Confidence, ExtractedCell, ReportIssue, SrcLine } from './types'

export interface ActiveTotal {
  value: number
  evidence: string
  line: number
  confidence: Confidence
  /** 余/多/近/约/超过: the page gives a rounded figure. */
  approximate: boolean
  others: { value: number; evidence: string; line: number }[]
}

const GAP = '[^，。；;,\\d]'
// 共公开信息43条 · 主动公开政府信息43条 · 累计主动公开各类信息1,234条 · 公开信息共计43条 · 主动公开政府信息260余(条)
const CANDIDATE = new RegExp(
  `(?:(?:全年|本年|年内|共计|累计|总计|合计|共)${GAP}{0,4})?(?:主动)?(?:发布|公开)${GAP}{0,12}?信息${GAP}{0,6}?(近|约|超过|逾)?([\\d,，]+)\\s*(余|多)?\\s*(条|篇|则|件)?`
  + `|主动公开${GAP}{0,12}?(近|约|超过|逾)?([\\d,，]+)\\s*(余|多)?\\s*(条|篇|则)`, 'g')
const TOTAL_WORD = /全年|本年|年内|共计|累计|总计|合计|共/
const SUB_WORD = /其中|重点领域|专栏|平台|网站|微信|政务新媒体|公开栏|政策解读|通过/

export function findActiveTotal(lines: readonly SrcLine[]): ActiveTotal | null {
  const cands: { value: number; evidence: string; line: number; score: number; approximate: boolean }[] = []
  for (const l of lines) {
    const text = l.text.normalize('NFKC')
    for (const m of text.matchAll(CANDIDATE)) {
      const [pre, num, post, unit] = m[2] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]]
      const end = (m.index ?? 0) + m[0].length
      // A figure needs its measure word, a 余/多, or the end of the (cut) text after it.
      if (!unit && !post && text.slice(end).trim() !== '') continue
      // 依申请公开政府信息3件 counts applications, not what was actively disclosed.
      if (/申请/.test(text.slice(Math.max(0, (m.index ?? 0) - 6), end))) continue
      const value = Number(num.replace(/[,，]/g, ''))
      if (!Number.isFinite(value)) continue
      const evidence = m[0].trim()
      // The clause the phrase sits in decides whether it is the total or a breakdown.
      const start = Math.max(text.lastIndexOf('。', m.index ?? 0), text.lastIndexOf('；', m.index ?? 0), 0)
      const clause = text.slice(start, end)
      let score = 1
      if (TOTAL_WORD.test(evidence)) score += 2
      if (/主动公开/.test(evidence)) score += 1
      if (SUB_WORD.test(clause)) score -= 2
      cands.push({ value, evidence, line: l.line, score, approximate: !!(pre || post) })
    }
  }
  if (!cands.length) return null
  const best = cands.reduce((a, b) => (b.score > a.score ? b : a))
  // 主动公开政府信息43条 alone is explicit enough; a second explicit figure makes it doubtful.
  const explicit = best.score >= 2
  const rivals = cands.filter((c) => c !== best && c.value !== best.value && c.score >= 2)
  return {
    value: best.value, evidence: best.evidence, line: best.line, approximate: best.approximate,
    confidence: explicit && !rivals.length && !best.approximate ? 'certain' : 'doubtful',
    others: cands.filter((c) => c !== best).map(({ value, evidence, line }) => ({ value, evidence, line })),
  }
}

export interface StatedFigure { key: 'received' | 'normative_docs'; value: number; evidence: string; line: number }

const STATED: { key: StatedFigure['key']; re: RegExp }[] = [
  // 收到政府信息公开申请5件 · 收到信息依申请公开共0件 · 共受理依申请公开3件
  { key: 'received', re: /(?:收到|受理|接到|接收)[^，。；;\d]{0,14}?(?:申请|依申请公开)[^，。；;\d]{0,6}?(\d+)\s*(?:件|条|个|次|份)/g },
  // 制发行政规范性文件3件 · 规范性文件发布数量0条
  { key: 'normative_docs', re: /(?:制发|出台|印发|发布)?[^，。；;\d]{0,4}?规范性文件[^，。；;\d]{0,6}?(\d+)\s*(?:件|条|个|份)/g },
]

export function statedFigures(lines: readonly SrcLine[]): StatedFigure[] {
  const out: StatedFigure[] = []
  for (const l of lines) {
    const text = l.text.normalize('NFKC')
    for (const { key, re } of STATED) {
      for (const m of text.matchAll(re)) {
        if (/其中|书面|邮件|网上|平台|当面|信函|传真/.test(m[0])) continue
        if (!out.some((o) => o.key === key)) out.push({ key, value: Number(m[1]), evidence: m[0], line: l.line })
      }
    }
  }
  return out
}

/** A stated count that differs from the table's cell: a warning naming both lines. */
export function checkStated(stated: readonly StatedFigure[], active: readonly ExtractedCell[], applications: readonly ExtractedCell[]): ReportIssue[] {
  const issues: ReportIssue[] = []
  for (const s of stated) {
    const cell = s.key === 'received'
      ? applications.find((c) => c.row === 'received' && c.column === 'total')
      : active.find((c) => c.row === 'normative_docs' && (c.column === 'issued' || c.column === 'made'))
    if (!cell || cell.value === null || cell.confidence !== 'certain' || cell.value === s.value) continue
    const what = s.key === 'received' ? '“本年新收政府信息公开申请数量”的“总计”' : `“行政规范性文件”的“${cell.column === 'made' ? '本年新制作数量' : '本年制发件数'}”`
    issues.push({
      severity: 'warning', rule: 'narrative_mismatch', line: s.line,
      message: `第${s.line}行正文写“${s.evidence}”，但第${cell.line}行表格${what}为${cell.value}，请核对`,
    })
  }
  return issues
}
