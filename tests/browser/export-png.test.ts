/**
 * PNG export for briefings: every chart's export button downloads a real PNG, rendered at pixel
 * ratio 2, with something drawn on it.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CHART_IDS, appUrl, assertPrivate, openSession, sampleReportsCsv, waitForReports, type Session, WORK_BOUND } from './helpers'
import { bundleFacts } from './bundle-facts'
import { readPng } from './png'

let s: Session
beforeAll(async () => {
  s = await openSession({ viewport: { width: 1440, height: 1000 } })
  await s.page.goto(appUrl('/'))
  await waitForReports(s.page, bundleFacts(sampleReportsCsv()).reportCount)
})
afterAll(async () => { await s?.close() })

describe('export PNG', () => {
  test.each(CHART_IDS)('%s: click export → a PNG at 2× the chart size', async (id) => {
    const panel = s.page.locator(`[data-chart-id="${id}"]`)
    await panel.scrollIntoViewIfNeeded()
    const canvas = panel.locator('canvas').first()
    await canvas.waitFor({ state: 'visible', timeout: WORK_BOUND })
    const box = (await canvas.boundingBox())!
    const [download] = await Promise.all([
      s.page.waitForEvent('download', { timeout: WORK_BOUND }),
      panel.locator('[data-testid="export-png"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.png$/)
    const buf = readFileSync((await download.path())!)
    const png = readPng(buf)
    // Pixel ratio 2: both sides even and about twice a chart-sized canvas (the export re-renders
    // offscreen with room for a title and the source line, so it is not the on-screen size exactly).
    expect(png.width % 2, 'width even').toBe(0)
    expect(png.height % 2, 'height even').toBe(0)
    expect(png.width / 2).toBeGreaterThanOrEqual(Math.min(box.width, 1200) * 0.5)
    expect(png.width / 2).toBeLessThanOrEqual(Math.max(box.width, 1200) * 1.5)
    expect(png.height / 2).toBeGreaterThanOrEqual(box.height * 0.8)
    expect(png.height / 2).toBeLessThanOrEqual(box.height * 3 + 400)
    expect(buf.length).toBeGreaterThan(15_000)
    expect(buf.length).toBeLessThan(20_000_000)
    expect(png.distinctBytes, 'something is drawn').toBeGreaterThan(16)
  })

  test('privacy: every request of the page and its workers stayed on 127.0.0.1', () => {
    assertPrivate(s)
  })
})
