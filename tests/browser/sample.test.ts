/**
 * First visit: the sample bundle (data/sample) loads by itself and the dashboard shows what its
 * files say — 浓桥镇 2023 with 43 actively disclosed items among them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { barValues, bundleFacts, heatmapValues } from './bundle-facts'
import { CHART_IDS, appUrl, assertPrivate, openSession, query, sampleReportsCsv, waitForOption, waitForReports, type Session, WORK_BOUND } from './helpers'

const facts = bundleFacts(sampleReportsCsv())
let s: Session

beforeAll(async () => {
  s = await openSession()
  await s.page.goto(appUrl('/'))
})
afterAll(async () => { await s?.close() })

describe('first visit loads the sample', () => {
  test('load summary shows the sample files’ reports, units and years', async () => {
    const summary = await waitForReports(s.page, facts.reportCount)
    expect({ reports: summary.reports, units: summary.units, years: summary.years }).toEqual({
      reports: facts.reportCount, units: facts.unitCount, years: facts.yearCount,
    })
    expect(summary.findings).toBeGreaterThanOrEqual(0)
    expect(await s.page.getAttribute('[data-testid="load-summary"]', 'data-sample')).toBe('true')
  })

  test('heatmap: 浓桥镇 2023 is 43, and every cell equals reports.csv', async () => {
    const values = heatmapValues(await waitForOption(s.page, 'active-heatmap', (o) => heatmapValues(o).size > 0))
    expect(values.get('浓桥镇|2023')).toBe(43)
    expect(values.size).toBe(facts.reportCount)
    for (const [k, v] of facts.activeByNameYear) expect(values.get(k), k).toBe(v)
  })

  test('bars: 浓桥镇 2023 is 43, and every bar equals reports.csv', async () => {
    const values = barValues(await waitForOption(s.page, 'active-bars', (o) => barValues(o).size > 0))
    expect(values.get('浓桥镇|2023')).toBe(43)
    for (const [k, v] of facts.activeByNameYear) expect(values.get(k) ?? null, k).toBe(v)
  })

  test('every chart container is there with its export button', async () => {
    for (const id of CHART_IDS) {
      const chart = s.page.locator(`[data-chart-id="${id}"]`)
      await chart.waitFor({ state: 'visible', timeout: WORK_BOUND })
      expect(await chart.locator('[data-testid="export-png"]').count(), id).toBe(1)
    }
  })

  test('window.__dashboard.query answers from the loaded data and refuses writes', async () => {
    const [row] = await query<{ n: number }>(s.page, "SELECT CAST(active_total AS DOUBLE) AS n FROM reports WHERE unit_name = '浓桥镇' AND year = 2023")
    expect(row.n).toBe(43)
    const [cnt] = await query<{ n: number }>(s.page, 'SELECT CAST(count(*) AS INTEGER) AS n FROM reports')
    expect(cnt.n).toBe(facts.reportCount)
    await expect(query(s.page, 'DELETE FROM reports')).rejects.toThrow()
    const [after] = await query<{ n: number }>(s.page, 'SELECT CAST(count(*) AS INTEGER) AS n FROM reports')
    expect(after.n).toBe(facts.reportCount)
  })

  test('privacy: every request of the page and its workers stayed on 127.0.0.1', () => {
    expect(s.requests.length).toBeGreaterThan(0)
    assertPrivate(s)
  })
})
