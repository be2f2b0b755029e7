/**
 * The drafted 情况通报: the standard paragraphs of a county/city disclosure office's briefing, written from the
 * figures (./figures.ts) with fixed templates — no adjectives beyond 增长/下降/持平, changes of rates in 百分点,
 * counts in 条 (items) and 件 (applications, cases). Pure: figures + translate → paragraphs.
 */
import { RULE_BY_ID, type RuleId } from '../domain/rules'
import type { DraftFigures } from './figures'
import { fill, formatCount, formatOne, join, type DraftParagraph, type NumSeg, type Seg, type Translate } from './text'

const GROUPS = ['granted', 'partial', 'withheld', 'unavailable', 'rejected', 'other'] as const
/** Units named as leading and lagging (at most; fewer when the year has few units). */
const RANK_NAMED = 3

export interface DraftOptions { tr: Translate; locale: string; /** The area in words, e.g. 示例县 (else 本地区). */ scope?: string }

export function buildDraft(fig: DraftFigures, o: DraftOptions): DraftParagraph[] {
  const { tr, locale } = o
  const count = (key: string, value: number | null, defKey = key): NumSeg => ({
    kind: 'num', key, value, text: value == null ? tr('documents.w.na') : formatCount(value, locale), def: tr(`documents.def.${defKey}`),
  })
  /** A rate (0–1) as a percentage with one decimal. */
  const pct = (key: string, rate: number | null, defKey = key): Seg[] => rate == null
    ? [{ kind: 'num', key, value: null, text: tr('documents.w.naRate'), def: tr(`documents.def.${defKey}`) }]
    : fill(tr, 'documents.w.pct', { v: { kind: 'num', key, value: rate, text: formatOne(rate * 100), def: tr(`documents.def.${defKey}`) } })
  /** 同比增长/下降 x% of a count, over the same units. */
  const change = (key: string, now: number | null, prev: number | null): Seg[] => {
    if (now == null || prev == null || prev === 0) return fill(tr, 'documents.w.noBase')
    const v = (now - prev) / prev
    if (Math.abs(v) < 0.0005) return fill(tr, 'documents.w.flat')
    const seg: NumSeg = { kind: 'num', key, value: v, text: formatOne(v * 100), def: tr('documents.def.change') }
    return fill(tr, v > 0 ? 'documents.w.up' : 'documents.w.down', { v: seg })
  }
  /** 同比上升/下降 x 个百分点 of a rate. */
  const ppChange = (key: string, now: number | null, prev: number | null): Seg[] => {
    if (now == null || prev == null) return fill(tr, 'documents.w.noBase')
    const v = now - prev
    if (Math.abs(v) < 0.0005) return fill(tr, 'documents.w.flat')
    const seg: NumSeg = { kind: 'num', key, value: v, text: formatOne(v * 100), def: tr('documents.def.pp') }
    return fill(tr, v > 0 ? 'documents.w.ppUp' : 'documents.w.ppDown', { v: seg })
  }
  const para = (id: string, level: 0 | 1 | 2, segments: Seg[]): DraftParagraph => ({ id, level, segments })

  if (fig.year == null || !fig.overview) return [para('empty', 0, fill(tr, 'documents.tpl.empty'))]
  const year = String(fig.year)
  const ov = fig.overview
  const ch = fig.change
  const scope = o.scope || tr('documents.w.scope')
  const out: DraftParagraph[] = []
  // The latest year held too few reports to describe (src/queries/years.ts): say so, and which year is described.
  if (ch && ch.latestYear != null && ch.latestYear !== fig.year) {
    out.push(para('thin-year', 0, fill(tr, 'documents.tpl.thinYear', { latest: String(ch.latestYear), n: count('latestReports', ch.latestReports), year })))
  }

  // 一、主动公开
  out.push(para('h-active', 1, fill(tr, 'documents.tpl.hActive')))
  const active: Seg[] = fill(tr, 'documents.tpl.active', {
    year, scope, units: count('units', ov.units), reports: count('reports', ov.reports), active: count('active', ov.activeTotal),
  })
  if (ov.activeMissing > 0) active.push(...fill(tr, 'documents.tpl.activeMissing', { n: count('activeMissing', ov.activeMissing) }))
  if (ch && ch.activeUnits > 0) {
    active.push(...fill(tr, 'documents.tpl.activeChange', {
      n: count('activeLflUnits', ch.activeUnits, 'lflUnits'), now: count('activeNow', ch.activeNow, 'lflNow'),
      prev: count('activePrev', ch.activePrev, 'lflPrev'), change: change('activeChange', ch.activeNow, ch.activePrev),
    }))
  } else active.push(...fill(tr, 'documents.tpl.noPrev'))
  out.push(para('active', 0, active))
  const ranked = fig.ranking.filter((r) => r.activeTotal != null)
  const named = Math.min(RANK_NAMED, Math.floor(ranked.length / 2))
  if (named > 0) {
    const item = (prefix: string) => (r: (typeof ranked)[number]): Seg[] =>
      fill(tr, 'documents.tpl.rankItem', { name: r.unitName, value: count(`${prefix}:${r.unitCode}`, r.activeTotal, 'unitActive') })
    const sep = tr('documents.w.sep')
    out.push(para('rank', 0, fill(tr, 'documents.tpl.rank', {
      leaders: join(ranked.slice(0, named).map(item('lead')), sep),
      laggards: join(ranked.slice(-named).reverse().map(item('lag')), sep),
    })))
  }

  // 二、依申请公开
  out.push(para('h-apply', 1, fill(tr, 'documents.tpl.hApply')))
  const apply: Seg[] = fill(tr, 'documents.tpl.received', { received: count('received', ov.received), handled: count('handled', ov.handled) })
  const oc = fig.outcomes
  if (oc && oc.handled != null && oc.handled > 0) {
    const vars: Record<string, Seg[] | Seg> = {}
    for (const g of GROUPS) {
      vars[g] = count(g, oc[g], g)
      vars[`s_${g}`] = pct(`share_${g}`, (oc as unknown as Record<string, number | null>)[`share_${g}`], 'share')
    }
    apply.push(...fill(tr, 'documents.tpl.outcomes', vars))
  }
  apply.push(...fill(tr, 'documents.tpl.rate', { rate: pct('rate', ov.disclosureRate) }))
  if (ch && ch.receivedUnits > 0) {
    apply.push(...fill(tr, 'documents.tpl.receivedChange', {
      n: count('receivedLflUnits', ch.receivedUnits, 'lflUnits'), now: count('receivedNow', ch.receivedNow, 'lflNow'),
      prev: count('receivedPrev', ch.receivedPrev, 'lflPrev'), change: change('receivedChange', ch.receivedNow, ch.receivedPrev),
    }))
  }
  if (ch && ch.rateUnits > 0) {
    apply.push(...fill(tr, 'documents.tpl.rateChange', {
      n: count('rateLflUnits', ch.rateUnits, 'lflUnits'), now: pct('rateNow', ch.rateNow, 'rate'), prev: pct('ratePrev', ch.ratePrev, 'rate'),
      change: ppChange('rateChange', ch.rateNow, ch.ratePrev),
    }))
  }
  out.push(para('apply', 0, apply))

  // 三、行政复议和行政诉讼
  out.push(para('h-review', 1, fill(tr, 'documents.tpl.hReview')))
  const block = (b: string) => fig.reviews.find((r) => r.block === b)
  const rv = block('review'); const ld = block('litigation_direct'); const la = block('litigation_after_review'); const all = block('all')
  const sum = (a: number | null | undefined, b: number | null | undefined): number | null => (a == null && b == null ? null : (a ?? 0) + (b ?? 0))
  out.push(para('review', 0, fill(tr, 'documents.tpl.reviews', {
    rv: count('reviewTotal', rv?.total ?? null), rvc: count('reviewCorrected', rv?.corrected ?? null),
    rvr: pct('reviewRate', rv?.correctionRate ?? null, 'correctionRate'),
    lt: count('litigationTotal', sum(ld?.total, la?.total)), ld: count('litigationDirect', ld?.total ?? null),
    la: count('litigationAfter', la?.total ?? null), ltc: count('litigationCorrected', sum(ld?.corrected, la?.corrected)),
    allr: pct('allRate', all?.correctionRate ?? null, 'correctionRate'),
  })))

  // 四、年报质量
  out.push(para('h-quality', 1, fill(tr, 'documents.tpl.hQuality')))
  const pt = fig.problemTotals
  const reports = count('qReports', pt?.reports ?? ov.reports, 'reports')
  if (!pt || (pt.errorReports === 0 && pt.warningReports === 0)) {
    out.push(para('quality', 0, fill(tr, 'documents.tpl.qualityNone', { reports })))
  } else {
    const q: Seg[] = fill(tr, 'documents.tpl.quality', {
      reports, err: count('qErrorReports', pt.errorReports, 'errorReports'), warn: count('qWarningReports', pt.warningReports, 'warningReports'),
    })
    const probs = fig.problems.slice(0, 5).map((p) => fill(tr, 'documents.tpl.problemItem', {
      rule: ruleName(p.rule, locale), n: count(`prob:${p.rule}`, p.reports, 'problemReports'),
    }))
    if (probs.length) q.push(...fill(tr, 'documents.tpl.problems', { list: join(probs, tr('documents.w.sep')) }))
    if (fig.toCorrect.length) {
      q.push(...fill(tr, 'documents.tpl.toCorrect', {
        n: count('toCorrect', fig.toCorrect.length, 'toCorrect'), list: fig.toCorrect.map((u) => u.unitName).join(tr('documents.w.sep')),
      }))
    }
    out.push(para('quality', 0, q))
  }
  return out
}

function ruleName(rule: string, locale: string): string {
  const def = RULE_BY_ID[rule as RuleId]
  return def ? (locale === 'en' ? def.en : def.zh) : rule
}
