/** Builds the PPTX of the pack: texts in the current language, findings summary from the database. */
import type { UseDashboardReturn } from '../useDashboard'
import type { PackItem, UseBriefingPackReturn } from './index'
import { RULE_BY_ID, type RuleId } from '../../domain/rules'
import { findingsPerRuleQuery } from '../../queries/findings'

type T = (key: string, named?: Record<string, unknown>) => string

export interface FindingCount { severity: string; rule: string; n: number }

/** Counts of findings by severity and rule (the data-quality summary). */
export async function findingCounts(dash: Pick<UseDashboardReturn, 'runBuilt'>): Promise<FindingCount[]> {
  const rows = await dash.runBuilt(findingsPerRuleQuery())
  return rows.map((r) => ({ severity: String(r.severity), rule: String(r.rule), n: Number(r.n) }))
}

/** One line per severity: "错误 12 条：合计不符 8、…" (rules by count, at most 6 named). */
export function findingLines(counts: FindingCount[], t: T, locale: string): string[] {
  const order = ['error', 'warning', 'info']
  const by = new Map<string, FindingCount[]>()
  for (const c of counts) by.set(c.severity, [...(by.get(c.severity) ?? []), c])
  const sev = [...by.keys()].sort((a, b) => (order.indexOf(a) + 9) % 9 - (order.indexOf(b) + 9) % 9)
  return sev.map((s) => {
    const list = by.get(s)!.sort((a, b) => b.n - a.n)
    const total = list.reduce((acc, c) => acc + c.n, 0)
    const name = (r: string) => {
      const d = RULE_BY_ID[r as RuleId]
      return d ? (locale === 'en' ? d.en : d.zh) : r
    }
    const sep = t('charts.listSep')
    const named = list.slice(0, 6).map((c) => t('briefing.ruleCount', { rule: name(c.rule), n: c.n })).join(sep)
    const more = list.length > 6 ? `${sep}…` : ''
    const sevKey = `briefing.severity.${s}`
    const sevText = t(sevKey)
    return t('briefing.findingsLine', { severity: sevText === sevKey ? s : sevText, n: total, rules: named + more })
  })
}

/** The sources slide: what is loaded, the counting rules, then each distinct source line of the charts once. */
function sourceLines(items: readonly PackItem[], loaded: string | null, t: T): string[] {
  const own = [...new Set(items.map((i) => i.caption.source.trim()).filter(Boolean))]
  return [...(loaded ? [loaded] : []), ...(own.length ? own : [t('briefing.sourceLine1')]), t('briefing.sourceLine3')]
}

export interface DeckDeps { pack: UseBriefingPackReturn; dash: UseDashboardReturn; t: T; locale: string }

export async function buildDeck(items: PackItem[], deps: DeckDeps, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const { pack, dash, t, locale } = deps
  const { buildPptx } = await import('../../export/pptx')
  let findings: string[]
  try {
    const counts = await findingCounts(dash)
    findings = counts.length ? findingLines(counts, t, locale) : [t('briefing.findingsNone')]
  } catch (e) {
    console.warn('findings summary', e)
    findings = [t('briefing.findingsUnavailable')]
  }
  const s = dash.summary.value
  const date = new Date().toISOString().slice(0, 10)
  return buildPptx(
    items.map((i) => ({ option: pack.optionOf(i), caption: i.caption, filtersText: i.filtersText, width: i.width, height: i.height })),
    {
      title: pack.deckTitle.value || t('briefing.deckTitleDefault'),
      subtitle: t('briefing.deckSubtitleDefault', { date, n: items.length }),
      sourcesTitle: t('briefing.sourcesTitle'),
      sources: sourceLines(items, s ? t('briefing.sourceLine2', { reports: s.reports, units: s.units, years: s.years }) : null, t),
      findingsTitle: t('briefing.findingsTitle'),
      findings,
      locale,
      labels: {
        definition: t('briefing.notesDefinition'), notes: t('briefing.notesNote'), filters: t('briefing.notesFilters'),
        source: t('briefing.notesSource'), part: (k, n) => t('briefing.part', { k, n }),
      },
    },
    onProgress,
  )
}
