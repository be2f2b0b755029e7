/**
 * The drafted 情况通报 (src/documents/draft.ts): on the sample county and on a sparse bundle every number in the text
 * equals SQL over `summary` (the like-for-like change over the units stating the figure in both years); wording
 * follows official usage (同比增长/下降, 百分点 for rates, 条/件) without exaggerating adjectives.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSparseBundle } from '../../../scripts/lib/sparse.mjs'
import { startNodeDuckDb } from '../../../src/db/duckdb-node'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import type { TableKind } from '../../../src/domain'
import { buildDraft } from '../../../src/documents/draft'
import { collectFigures, dbRunQuery, type DraftFigures } from '../../../src/documents/figures'
import { numbersOf, plainText, type DraftParagraph, type NumSeg } from '../../../src/documents/text'
import { documentsTranslate } from '../../../src/documents/translate'
import { prepared } from '../../helpers/db'

const EXAGGERATED = ['大幅', '显著', '急剧', '明显', '巨大', '飞跃', '暴增', '锐减', '突飞猛进', 'sharp', 'dramatic', 'significant']
const zh = documentsTranslate('zh-CN')

function sampleFiles(): Record<string, string> {
  const dir = join(__dirname, '../../../data/sample/demo')
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))
}

async function open(files: Record<string, string>): Promise<Db> {
  const db = await startNodeDuckDb()
  await loadTables(db, Object.entries(files).map(([name, text]) => prepared(name, name.replace('.csv', '') as TableKind, text)))
  return db
}

const num = (paras: DraftParagraph[], key: string): NumSeg | undefined => numbersOf(paras).find((n) => n.key === key)

/** The paragraph on active disclosure (after an optional note on a thin latest year). */
const active = (ps: DraftParagraph[]): DraftParagraph => ps.find((p) => p.id === 'active')!

describe.each([
  ['sample county', () => sampleFiles()],
  ['sparse bundle', () => generateSparseBundle({ units: 40, seed: 'draft-sparse' }).files as Record<string, string>],
])('draft on the %s', (_name, files) => {
  let db: Db
  let fig: DraftFigures
  let paras: DraftParagraph[]
  const q = async <T = Record<string, number>>(sql: string): Promise<T[]> => (await db.query(sql)) as T[]
  beforeAll(async () => {
    db = await open(files())
    fig = await collectFigures(dbRunQuery(db), {})
    paras = buildDraft(fig, { tr: zh, locale: 'zh-CN', scope: '示例县' })
  }, 120_000)
  afterAll(async () => { await db?.close() })

  it('describes the latest year with enough reports (naming a thinner latest one), and its totals equal SQL', async () => {
    const years = await q<{ year: number; n: number }>('SELECT year::INTEGER AS year, count(*)::INTEGER AS n FROM summary GROUP BY year ORDER BY year')
    const max = Math.max(...years.map((y) => y.n))
    const m = { y: years.filter((y) => y.n >= Math.min(3, max) && y.n * 2 >= max).at(-1)!.year }
    expect(fig.year).toBe(m.y)
    const latest = years.at(-1)!
    const thin = paras.find((p) => p.id === 'thin-year')
    if (latest.year === m.y) expect(thin).toBeUndefined()
    else expect(plainText(thin!.segments)).toBe(`${latest.year}年目前只有${latest.n}份报告，数据尚不完整，本通报以${m.y}年为准。`)
    const [s] = await q(`SELECT count(*)::INTEGER AS reports, count(DISTINCT unit_code)::INTEGER AS units, sum(active_total)::DOUBLE AS active,
      sum(received)::DOUBLE AS received FROM summary WHERE year = ${m.y}`)
    expect(num(paras, 'reports')!.value).toBe(s.reports)
    expect(num(paras, 'units')!.value).toBe(s.units)
    expect(num(paras, 'active')!.value).toBe(s.active)
    expect(num(paras, 'received')!.value).toBe(s.received)
    expect(plainText(active(paras).segments)).toContain(`${m.y}年，示例县共有${s.units}个单位`)
    expect(plainText(active(paras).segments)).toContain(`主动公开政府信息${s.active}条`)
  })

  it('the like-for-like change compares only the units stating the figure in both years', async () => {
    const y = fig.year!
    const [s] = await q(`SELECT count(*)::INTEGER AS n, sum(c.active_total)::DOUBLE AS now, sum(p.active_total)::DOUBLE AS prev
      FROM summary c JOIN summary p ON p.unit_code = c.unit_code AND p.year = c.year - 1
      WHERE c.year = ${y} AND c.active_total IS NOT NULL AND p.active_total IS NOT NULL`)
    const text = plainText(active(paras).segments)
    if (s.n === 0) { expect(text).toContain('未计算同比'); return }
    expect(num(paras, 'activeLflUnits')!.value).toBe(s.n)
    expect(num(paras, 'activeNow')!.value).toBe(s.now)
    expect(num(paras, 'activePrev')!.value).toBe(s.prev)
    const change = (s.now - s.prev) / s.prev
    const pct = (Math.round(Math.abs(change) * 1000) / 10).toFixed(1)
    expect(num(paras, 'activeChange')!.value).toBeCloseTo(change, 10)
    expect(text).toContain(change > 0 ? `同比增长${pct}%` : `同比下降${pct}%`)
  })

  it('rates change in 百分点, shares and the disclosure rate equal SQL', async () => {
    const y = fig.year!
    const [s] = await q(`SELECT ((sum(granted) + sum(partial)) / sum(handled))::DOUBLE AS rate FROM summary WHERE year = ${y}`)
    expect(num(paras, 'rate')!.value).toBeCloseTo(s.rate, 12)
    const apply = plainText(paras.find((p) => p.id === 'apply')!.segments)
    expect(apply).toContain(`公开率（予以公开与部分公开之和占办理结果总计的比例）为${(s.rate * 100).toFixed(1)}%`)
    const rc = num(paras, 'rateChange')
    if (rc) expect(apply).toMatch(/同比(上升|下降)\d+\.\d个百分点/)
    expect(apply).not.toMatch(/公开率[^。]*同比(增长|下降)\d+\.\d%/)
    expect(apply).toMatch(/收到政府信息公开申请\d+件/)
  })

  it('the review paragraph and the ranking equal SQL', async () => {
    const y = fig.year!
    const [s] = await q(`SELECT sum(review_total)::DOUBLE AS rv, sum(litigation_direct_total)::DOUBLE AS ld,
      sum(litigation_after_review_total)::DOUBLE AS la FROM summary WHERE year = ${y}`)
    expect(num(paras, 'reviewTotal')!.value).toBe(s.rv)
    expect(num(paras, 'litigationDirect')!.value).toBe(s.ld)
    expect(num(paras, 'litigationTotal')!.value).toBe(s.ld + s.la)
    const top = await q<{ unit_code: string; a: number }>(`SELECT unit_code, active_total::DOUBLE AS a FROM summary
      WHERE year = ${y} AND active_total IS NOT NULL ORDER BY active_total DESC, unit_code LIMIT 1`)
    expect(num(paras, `lead:${top[0].unit_code}`)!.value).toBe(top[0].a)
  })

  it('the quality paragraph counts reports with errors as SQL does', async () => {
    const y = fig.year!
    const [s] = await q(`SELECT count(DISTINCT unit_code || '|' || year)::INTEGER AS n FROM findings WHERE severity = 'error' AND year = ${y}`)
    const e = num(paras, 'qErrorReports')
    if (s.n === 0) expect(e?.value ?? 0).toBe(0)
    else expect(e!.value).toBe(s.n)
  })

  it('uses no exaggerating words, and every number carries a definition', () => {
    const all = paras.map((p) => plainText(p.segments)).join('\n')
    for (const w of EXAGGERATED) expect(all).not.toContain(w)
    for (const n of numbersOf(paras)) expect(n.def.length, n.key).toBeGreaterThan(4)
    expect(all).toMatch(/一、主动公开政府信息情况/)
    expect(all).toMatch(/四、年度报告质量情况/)
  })

  it('English comes from the same templates with the same numbers', () => {
    const en = buildDraft(fig, { tr: documentsTranslate('en'), locale: 'en' })
    expect(numbersOf(en).map((n) => [n.key, n.value])).toEqual(numbersOf(paras).map((n) => [n.key, n.value]))
    expect(plainText(active(en).segments)).toMatch(/^In \d{4}, \d+ units/)
  })
})

describe('wording of changes', () => {
  const base: DraftFigures = {
    year: 2024, overview: { reports: 2, units: 2, years: 1, yearMin: 2024, yearMax: 2024, activeTotal: 90, activeMissing: 0, received: 10, granted: 5, partial: 1, handled: 10, disclosureRate: 0.6, findingsError: 0, findingsWarning: 0, findingsInfo: 0 },
    change: { year: 2024, latestYear: 2024, latestReports: 2, activeUnits: 2, activeNow: 90, activePrev: 100, receivedUnits: 2, receivedNow: 10, receivedPrev: 10, rateUnits: 2, rateNow: 0.6, ratePrev: 0.65 },
    outcomes: null, reviews: [], ranking: [], problems: [], problemTotals: null, toCorrect: [],
  }
  it('a fall is 同比下降, equal is 与上年持平, a rate falls in 百分点', () => {
    const text = buildDraft(base, { tr: zh, locale: 'zh-CN' }).map((p) => plainText(p.segments)).join('')
    expect(text).toContain('主动公开政府信息90条，上年100条，同比下降10.0%')
    expect(text).toContain('收到申请10件，上年10件，与上年持平')
    expect(text).toContain('公开率为60.0%，上年为65.0%，同比下降5.0个百分点')
    expect(text).toContain('本地区')
  })
  it('no comparable units: no change is invented', () => {
    const text = buildDraft({ ...base, change: { ...base.change!, activeUnits: 0, activeNow: null, activePrev: null } }, { tr: zh, locale: 'zh-CN' })
      .map((p) => plainText(p.segments)).join('')
    expect(text).toContain('上年没有可比单位，未计算同比变化')
    expect(text).not.toMatch(/主动公开[^。]*同比(增长|下降)/)
  })
  it('a latest year with too few reports is named, and the year described is said', () => {
    const thin = { ...base, change: { ...base.change!, latestYear: 2025, latestReports: 2 } }
    const text = buildDraft(thin, { tr: zh, locale: 'zh-CN' }).map((p) => plainText(p.segments)).join('')
    expect(text).toContain('2025年目前只有2份报告，数据尚不完整，本通报以2024年为准。')
    expect(buildDraft(base, { tr: zh, locale: 'zh-CN' }).map((p) => plainText(p.segments)).join('')).not.toContain('数据尚不完整')
  })
})
