/**
 * findingsPerRuleQuery (the briefing deck's data-quality summary, useBriefingPack/deck.ts) against a
 * real DuckDB: the counts per (severity, rule) of the findings table, in the deck's order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findingCounts, findingLines } from '../../../src/composables/useBriefingPack/deck'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import briefing from '../../../src/i18n/features/briefing'
import { findingsPerRuleQuery } from '../../../src/queries'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'

// Findings of several rules and severities: a blank cell, a text cell, a sum that does not add up,
// a duplicate report, an unknown row label, a loosely written number, a unit missing from reports.csv.
const bundle = () => [
  prepared('F/reports.csv', 'reports', csv('unit_code,unit_name,year,active_total',
    'A,甲镇,2022,40', 'A,甲镇,2023,', 'B,乙镇,2023,七', 'C,丙镇,2023,5', 'C,丙镇,2023,6', 'D,丁镇,2023,"1,200"')),
  prepared('F/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('A', 2023, { received: 4, granted: 2, handled: 5 }),
    ...appLines('B', 2023, { received: 1, granted: 1, handled: 1 }, { partial: 'B,2023,部分公开呀,1,0,0,0,0,0,1' }),
    ...appLines('E', 2023, { received: 1, granted: 1, handled: 1 }, { carried_in: 'E,2023,carried_in,,0,0,0,0,0,0' }))),
]

describe('findingsPerRuleQuery', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb(); await loadTables(db, bundle()) }, 60_000)
  afterAll(async () => { await db.close() })

  it('counts every finding once, per severity and rule, most frequent first within a severity', async () => {
    const rows = await runQuery(db, findingsPerRuleQuery())
    // the same counts worked out in JS from the findings themselves
    const all = await db.query<{ severity: string; rule: string }>('SELECT severity, rule FROM findings')
    const by = new Map<string, { severity: string; rule: string; n: number }>()
    for (const f of all) {
      const k = `${f.severity}\u0000${f.rule}`
      const c = by.get(k) ?? { severity: f.severity, rule: f.rule, n: 0 }
      c.n++
      by.set(k, c)
    }
    const want = [...by.values()].sort((a, b) =>
      (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0) || b.n - a.n || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
    expect(rows).toEqual(want)
    // the bundle gives a real mix: all three severities (by name: error, info, warning), several rules in some
    expect([...new Set(rows.map((r) => r.severity))]).toEqual(['error', 'info', 'warning'])
    expect(rows.length).toBeGreaterThan(new Set(rows.map((r) => r.severity)).size)
    expect(rows.reduce((a, r) => a + r.n, 0)).toBe(all.length)
    expect(findingsPerRuleQuery().params).toEqual([])
  })

  it('gives the deck the same counts and lines as the SQL it replaced', async () => {
    const counts = await findingCounts({ runBuilt: (q) => runQuery(db, q) })
    const before = await db.query('SELECT severity, rule, count(*)::INTEGER AS n FROM findings GROUP BY severity, rule ORDER BY severity, n DESC, rule')
    expect(counts).toEqual(before.map((r) => ({ severity: String(r.severity), rule: String(r.rule), n: Number(r.n) })))
    const zh = briefing['zh-CN'].briefing as { findingsLine: string; severity: Record<string, string> }
    const t = (key: string, named: Record<string, unknown> = {}): string => key === 'briefing.findingsLine'
      ? zh.findingsLine.replace(/\{(\w+)\}/g, (_, k: string) => String(named[k]))
      : zh.severity[key.replace('briefing.severity.', '')] ?? key
    const lines = findingLines(counts, t, 'zh-CN')
    expect(lines.length).toBe(new Set(counts.map((c) => c.severity)).size)
    expect(lines[0]).toMatch(/^错误 \d+ 条/)
  })
})
