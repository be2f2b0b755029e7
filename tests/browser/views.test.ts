/**
 * The analysis views (active disclosure, applications, reviews, unit profile) on a generated
 * bundle: chart data equals SQL run on the loaded source tables, and each data table equals its chart;
 * the shared filters bar is on every analysis view; charts whose unit-years carry error findings
 * say how many and link to the data-quality view.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { appUrl, assertPrivate, openSession, query, readSummary, uploadFiles, waitForOption, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'

const bundle = generateBundle({ reports: 90, years: [2019, 2023], seed: 'views-90', breaks: false })

type Opt = { series?: { id?: string; data: unknown[] }[]; xAxis?: { data?: string[] } | { data?: string[] }[]; yAxis?: { data?: string[] } | { data?: string[] }[] }
const val = (d: unknown): number | null => {
  const v = d && typeof d === 'object' && 'value' in (d as object) ? (d as { value: unknown }).value : d
  return typeof v === 'number' ? v : null
}
const seriesVals = (o: Opt, id: string): (number | null)[] => (o.series ?? []).find((s) => s.id === id)?.data.map(val) ?? []
const axis = (a: Opt['xAxis']): string[] => (Array.isArray(a) ? a[0]?.data : a?.data) ?? []
const num = (v: unknown): number | null => (v == null ? null : Number(v))
const close = (a: (number | null)[], b: (number | null)[]) => {
  expect(a.length).toBe(b.length)
  a.forEach((x, i) => (x == null || b[i] == null ? expect(x).toBe(b[i]) : expect(x).toBeCloseTo(b[i] as number, 6)))
}

/** Opens a view: through its nav link when it has one, else by the hash; waits until it is shown. */
async function go(page: Page, hash: string, testId: string): Promise<void> {
  for (let i = 0; i < 4; i++) {
    const link = page.locator(`a.nav-link[href*="${hash}"]`).first()
    if (await link.count()) await link.click()
    else await page.evaluate((h) => { location.hash = h }, hash)
    const shown = await page.waitForSelector(`[data-testid="${testId}"]`, { timeout: 8_000 }).then(() => true, () => false)
    if (shown) return
  }
  throw new Error(`view ${testId} did not open (${page.url()})`)
}

/** Opens a chart's data table and reads its cells (text) in display order. */
async function readTable(page: Page, chartId: string): Promise<string[][]> {
  const panel = page.locator(`[data-chart-id="${chartId}"]`)
  await panel.locator('[data-testid="toggle-table"]').click()
  const table = panel.locator(`[data-table-for="${chartId}"]`)
  await table.waitFor()
  return table.locator('.el-table__body tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())))
}
const hashQuery = (url: string): URLSearchParams => new URLSearchParams(url.slice(url.indexOf('#') + 1).split('?')[1] ?? '')
const fmt = (v: number | null, digits = 0) => (v == null ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: digits }))

describe('analysis views', () => {
  let s: Session
  beforeAll(async () => {
    s = await openSession()
    await s.page.goto(appUrl('/?nosample=1'))
    await waitForReady(s.page)
    await uploadFiles(s.page, encodeFiles(bundle.files, 'utf8'))
    await waitForReports(s.page, bundle.manifest.counts.reports)
  })
  afterAll(async () => { await s?.close() })

  test('active: trend, normative documents (2019 mapped), decisions, fees match SQL; table matches chart', async () => {
    await go(s.page, '#/active', 'view-active')
    const trend = await waitForOption<Opt>(s.page, 'active-trend', (o) => seriesVals(o, 'active_total').length > 0)
    const sql = await query<{ year: number; v: number | null }>(s.page, 'SELECT year::INTEGER AS year, sum(active_total)::DOUBLE AS v FROM summary GROUP BY year ORDER BY year')
    expect(axis(trend.xAxis)).toEqual(sql.map((r) => String(r.year)))
    close(seriesVals(trend, 'active_total'), sql.map((r) => num(r.v)))

    const docs = await waitForOption<Opt>(s.page, 'normative-docs', (o) => seriesVals(o, 'issued').length > 0)
    const d = await query<{ year: number; issued: number | null; in_force: number | null }>(s.page, `SELECT s.year::INTEGER AS year,
      sum(CASE WHEN s.format = '2019' THEN a.made ELSE a.issued END)::DOUBLE AS issued,
      sum(CASE WHEN s.format = '2019' THEN a.total_published ELSE a.in_force END)::DOUBLE AS in_force
      FROM active a JOIN summary s USING (unit_code, year) WHERE a.item = 'normative_docs' GROUP BY s.year ORDER BY s.year`)
    const byYear = new Map(d.map((r) => [String(r.year), r]))
    close(seriesVals(docs, 'issued'), axis(docs.xAxis).map((y) => num(byYear.get(y)?.issued)))
    close(seriesVals(docs, 'in_force'), axis(docs.xAxis).map((y) => num(byYear.get(y)?.in_force)))
    expect(await s.page.locator('[data-chart-id="normative-docs"] [data-testid="chart-note"]').textContent()).toContain('近似')

    const dec = await waitForOption<Opt>(s.page, 'decisions', (o) => seriesVals(o, 'licensing').length > 0)
    const lic = await query<{ year: number; v: number | null }>(s.page, `SELECT year::INTEGER AS year, sum(decisions)::DOUBLE AS v FROM active WHERE item = 'licensing' GROUP BY year`)
    const licBy = new Map(lic.map((r) => [String(r.year), num(r.v)]))
    close(seriesVals(dec, 'licensing'), axis(dec.xAxis).map((y) => licBy.get(y) ?? null))

    const fees = await waitForOption<Opt>(s.page, 'fees', (o) => (o.series?.length ?? 0) > 0)
    expect(axis(fees.xAxis).every((y) => Number(y) >= 2021)).toBe(true)

    const rows = await readTable(s.page, 'active-trend')
    expect(rows.map((r) => r[0])).toEqual(sql.map((r) => String(r.year)))
    expect(rows.map((r) => r[2])).toEqual(sql.map((r) => fmt(num(r.v))))
  })

  test('applications: flow, reasons, disclosure rate by unit match SQL; undefined rate reads "—"', async () => {
    await go(s.page, '#/applications', 'view-applications')
    const flow = await waitForOption<Opt>(s.page, 'applications-flow', (o) => seriesVals(o, 'received').length > 0)
    const f = await query<{ year: number; r: number | null; c: number | null }>(s.page,
      `SELECT year::INTEGER AS year, sum(total) FILTER (WHERE "row" = 'received')::DOUBLE AS r, sum(total) FILTER (WHERE "row" = 'carried_in')::DOUBLE AS c
       FROM applications GROUP BY year ORDER BY year`)
    const fy = new Map(f.map((r) => [String(r.year), r]))
    close(seriesVals(flow, 'received'), axis(flow.xAxis).map((y) => num(fy.get(y)?.r)))
    close(seriesVals(flow, 'carriedIn'), axis(flow.xAxis).map((y) => num(fy.get(y)?.c)))

    const reasons = await waitForOption<Opt>(s.page, 'outcome-reasons', (o) => seriesVals(o, 'reasons').length === 16)
    const rs = await query<{ row: string; v: number | null }>(s.page,
      `SELECT "row", sum(total)::DOUBLE AS v FROM applications WHERE regexp_matches("row", '^(withheld|unavailable|rejected)\\.') GROUP BY "row"`)
    const total = rs.reduce((a, r) => a + (num(r.v) ?? 0), 0)
    expect(seriesVals(reasons, 'reasons').reduce<number>((a, v) => a + (v ?? 0), 0)).toBeCloseTo(total, 6)

    const rate = await waitForOption<Opt>(s.page, 'disclosure-rate-unit', (o) => seriesVals(o, 'rate').length > 0)
    const ru = await query<{ code: string; rate: number | null }>(s.page, `SELECT unit_code AS code,
      CASE WHEN sum(handled) > 0 THEN ((sum(granted) + sum(partial)) / sum(handled))::DOUBLE END AS rate FROM summary GROUP BY unit_code`)
    const rateBy = new Map(ru.map((r) => [r.code, num(r.rate)]))
    const data = (rate.series ?? [])[0].data as { value: unknown; unitCode: string }[]
    expect(data.length).toBe(ru.length)
    close(data.map(val), data.map((d) => rateBy.get(d.unitCode) ?? null))

    const table = await readTable(s.page, 'disclosure-rate-unit')
    expect(table.length).toBe(data.length)
    table.forEach((cells, i) => {
      const v = val(data[i])
      expect(cells[4]).toBe(v == null ? '—' : `${(v * 100).toLocaleString('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`)
    })
    expect(table.flat().some((c) => c.includes('NaN'))).toBe(false)
    // header buttons sort (keyboard reachable)
    const btn = s.page.locator('[data-table-for="disclosure-rate-unit"] button.sort[data-col="handled"]')
    await btn.focus()
    await s.page.keyboard.press('Enter')
    expect(await btn.getAttribute('aria-sort')).toBe('descending')
  })

  test('reviews: cases and correction rate match SQL', async () => {
    await go(s.page, '#/reviews', 'view-reviews')
    const cases = await waitForOption<Opt>(s.page, 'review-cases', (o) => seriesVals(o, 'review').length > 0)
    const c = await query<{ year: number; v: number | null }>(s.page, 'SELECT year::INTEGER AS year, sum(review_total)::DOUBLE AS v FROM reviews GROUP BY year')
    const cy = new Map(c.map((r) => [String(r.year), num(r.v)]))
    close(seriesVals(cases, 'review'), axis(cases.xAxis).map((y) => cy.get(y) ?? null))

    const cr = await waitForOption<Opt>(s.page, 'correction-rate', (o) => seriesVals(o, 'review').length > 0)
    const q = await query<{ year: number; v: number | null }>(s.page, `SELECT year::INTEGER AS year,
      CASE WHEN sum(review_upheld + review_corrected + review_other) > 0 THEN (sum(review_corrected) FILTER (WHERE review_upheld IS NOT NULL AND review_other IS NOT NULL)
        / sum(review_upheld + review_corrected + review_other))::DOUBLE END AS v FROM summary GROUP BY year`)
    const qy = new Map(q.map((r) => [String(r.year), num(r.v)]))
    close(seriesVals(cr, 'review'), axis(cr.xAxis).map((y) => qy.get(y) ?? null))

    const table = await readTable(s.page, 'review-cases')
    expect(table.length).toBe(axis(cases.xAxis).length * 3)
  })

  test('unit profile: values by year match SQL; peer median in range', async () => {
    const [u] = await query<{ code: string }>(s.page, `SELECT unit_code AS code FROM summary WHERE active_total IS NOT NULL
      GROUP BY unit_code HAVING count(*) >= 3 ORDER BY unit_code LIMIT 1`)
    expect(u).toBeTruthy()
    await go(s.page, `#/unit/${encodeURIComponent(u.code)}`, 'view-unit')
    const o = await waitForOption<Opt>(s.page, 'unit-profile-active_total', (x) => seriesVals(x, 'value').length >= 3)
    const v = await query<{ year: number; v: number | null }>(s.page, `SELECT year::INTEGER AS year, active_total::DOUBLE AS v FROM summary WHERE unit_code = '${u.code.replace(/'/g, "''")}' ORDER BY year`)
    expect(axis(o.xAxis)).toEqual(v.map((r) => String(r.year)))
    close(seriesVals(o, 'value'), v.map((r) => num(r.v)))
    const p25 = seriesVals(o, 'p25')
    const p50 = seriesVals(o, 'p50')
    p50.forEach((m, i) => { if (m != null && p25[i] != null) expect(m).toBeGreaterThanOrEqual(p25[i] as number) })
    const table = await readTable(s.page, 'unit-profile-active_total')
    expect(table.map((r) => r[1])).toEqual(v.map((r) => fmt(num(r.v))))
    await s.page.locator('[data-testid="unit-key-figures"]').waitFor()
  })

  test('one shared filters bar on every analysis view', async () => {
    for (const [hash, id] of [['#/', 'view-overview'], ['#/active', 'view-active'], ['#/applications', 'view-applications'],
      ['#/reviews', 'view-reviews'], ['#/quality', 'view-quality']] as const) {
      await go(s.page, hash, id)
      expect(await s.page.locator('[data-testid="filters"]').count(), id).toBe(1)
      expect(await s.page.locator('[data-testid="active-filters"]').count(), id).toBe(1)
    }
  })

  test('charts whose unit-years carry error findings show how many, and link to them', async () => {
    const page = s.page
    const errorUnitYears = async (where = 'TRUE'): Promise<number> => (await query<{ n: number }>(page, `SELECT count(*)::INTEGER AS n FROM summary s
      WHERE ${where} AND EXISTS (SELECT 1 FROM findings f WHERE f.severity = 'error' AND f.unit_code = s.unit_code AND f.year = s.year)`))[0].n
    const before = await errorUnitYears()
    // one more report, for a new unit, with a text cell (text_cells, an error)
    const { reports } = await readSummary(page)
    const enc = (t: string) => new TextEncoder().encode(t)
    await uploadFiles(page, {
      'err-reports.csv': enc('unit_code,unit_name,parent_code,level,year,active_total\nERR-1,错误示例镇,,乡镇,2023,12\n'),
      'err-applications.csv': enc('unit_code,year,row,natural_person,commercial,research,social_welfare,legal_service,other_org,total\nERR-1,2023,received,若干,0,0,0,0,0,若干\n'),
    })
    await waitForReports(page, reports + 1)
    const n = await errorUnitYears()
    expect(n).toBe(before + 1)

    await go(page, '#/active', 'view-active')
    const panel = page.locator('[data-chart-id="active-trend"]')
    await page.waitForFunction((want) => document.querySelector('[data-chart-id="active-trend"]')?.getAttribute('data-error-inputs') === String(want), n, { timeout: WORK_BOUND })
    const badge = panel.locator('[data-testid="error-inputs"]')
    expect(await badge.textContent()).toContain(`${n} 个单位年度存在错误级数据质量问题`)
    // every chart panel of the view says the same (same filters, same unit-years)
    const all = await page.$$eval('[data-chart-id][data-error-inputs]', (els) => [...new Set(els.map((e) => e.getAttribute('data-error-inputs')))])
    expect(all).toEqual([String(n)])

    // under a year filter the count follows (SQL over the same unit-years)
    const [y] = await query<{ y: number }>(page, 'SELECT min(year)::INTEGER AS y FROM summary')
    await go(page, `#/active?years=${y.y}-${y.y}`, 'view-active')
    const nYear = await errorUnitYears(`s.year = ${y.y}`)
    await page.waitForFunction((want) => document.querySelector('[data-chart-id="active-trend"]')?.getAttribute('data-error-inputs') === String(want), nYear, { timeout: WORK_BOUND })
    expect(await panel.locator('[data-testid="error-inputs"]').count()).toBe(nYear > 0 ? 1 : 0)
    await page.click('[data-testid="filter-clear-all"]')
    await page.waitForFunction((want) => document.querySelector('[data-chart-id="active-trend"]')?.getAttribute('data-error-inputs') === String(want), n, { timeout: WORK_BOUND })

    // the badge opens the data-quality view on the error findings
    await panel.locator('[data-testid="error-inputs"]').click()
    await page.waitForSelector('[data-testid="view-quality"]')
    expect(hashQuery(page.url()).get('severity')).toBe('error')
    await page.waitForSelector('[data-testid="quality-findings"] tr[data-rule]', { timeout: WORK_BOUND })
    const rules = await page.$$eval('tr[data-rule]', (trs) => [...new Set(trs.map((t) => t.getAttribute('data-rule')))])
    const errorRules = new Set((await query<{ rule: string }>(page, `SELECT DISTINCT rule FROM findings WHERE severity = 'error'`)).map((r) => r.rule))
    expect(rules.length).toBeGreaterThan(0)
    for (const r of rules) expect(errorRules.has(r!)).toBe(true)

    // the unit profile counts that unit's own years; its link names the unit
    await go(page, '#/unit/ERR-1', 'view-unit')
    await page.waitForFunction(() => document.querySelector('[data-chart-id="unit-profile-active_total"]')?.getAttribute('data-error-inputs') === '1', null, { timeout: WORK_BOUND })
    const href = await page.locator('[data-chart-id="unit-profile-active_total"] [data-testid="error-inputs"]').getAttribute('href')
    expect(href).toContain('severity=error')
    expect(href).toContain('qunit=ERR-1')
  })

  test('privacy: nothing left 127.0.0.1', () => { assertPrivate(s) })
})
