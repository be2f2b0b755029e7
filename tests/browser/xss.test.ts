/**
 * Hostile unit names (HTML, a spreadsheet formula, RTL override and zero-width characters) are
 * shown as text everywhere: across every route of the nav, chart tooltips and the findings list,
 * nothing executes (no dialog), no <img src=x> is created, and the name appears verbatim.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { appUrl, assertPrivate, openSession, uploadFiles, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'
import { hostileBundle, navHrefs } from './hostile-bundle'

const HOSTILE = {
  html: '</script><img src=x onerror=alert(1)>',
  formula: '=HYPERLINK("http://x")',
  bidi: '\u202E乡镇名\u200B称\u200D\u2066x\u2069',
}
/**
 * Every data item's tooltip of every chart on the page, shown in turn (the app's test hook dispatches ECharts'
 * showTip, as hovering each item would; the formatters write HTML); the mouse is also moved over each chart once.
 */
async function showAllTips(page: Page): Promise<string[]> {
  const ids = await page.$$eval('[data-chart-id]', (els) => els.map((e) => e.getAttribute('data-chart-id') ?? ''))
  const texts: string[] = []
  for (const id of ids) {
    const canvas = page.locator(`[data-chart-id="${id}"] canvas`).first()
    const box = await canvas.count() ? await canvas.boundingBox() : null
    if (box) { await canvas.scrollIntoViewIfNeeded(); const b = (await canvas.boundingBox()) ?? box; await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2) }
    texts.push(...await page.evaluate((chartId) => window.__dashboard?.showTips?.(chartId) ?? [], id))
  }
  return texts
}

let s: Session
const dialogs: string[] = []
beforeAll(async () => {
  s = await openSession()
  s.page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss() })
})
afterAll(async () => { await s?.close() })

const imgX = (page: Page) => page.locator('img[src="x"]').count()
const bodyText = (page: Page) => page.evaluate(() => document.body.textContent ?? '')

test('hostile unit names stay text on every route, in tooltips and in the findings list', async () => {
  const names = [HOSTILE.html, HOSTILE.formula, HOSTILE.bidi]
  const b = hostileBundle('xss', names)
  await s.page.goto(appUrl('/?nosample=1'))
  await waitForReady(s.page)
  await uploadFiles(s.page, encodeFiles(b.files, 'utf8'))
  await waitForReports(s.page, b.reports)

  const seen = new Set<string>()
  const look = async () => {
    const text = await bodyText(s.page)
    for (const n of names) if (text.includes(n)) seen.add(n)
    expect(await imgX(s.page)).toBe(0)
    expect(dialogs).toEqual([])
  }

  // The findings list.
  const header = s.page.locator('[data-testid="findings-panel"] .el-collapse-item__header').first()
  if (await header.count()) { await header.click(); await s.page.waitForTimeout(500) }
  await look()

  const hrefs = await navHrefs(s.page)
  expect(hrefs.length).toBeGreaterThan(0)
  const tips: string[] = []
  for (const href of hrefs) {
    await s.page.locator(`nav a[href="${href}"]`).first().click()
    await s.page.waitForSelector('[data-state="ready"], [data-state="error"]', { timeout: WORK_BOUND })
    await s.page.evaluate(() => window.__dashboard?.idle())
    tips.push(...await showAllTips(s.page))
    await look()
  }
  // Back on the overview: its charts' tooltips, and the unit filter's options list.
  await s.page.goto(appUrl('/'))
  await waitForReady(s.page)
  await s.page.evaluate(() => window.__dashboard?.idle())
  tips.push(...await showAllTips(s.page))
  await look()
  const unitSelect = s.page.locator('[data-testid="filter-units"], [data-testid="unit-filter"]').first()
  if (await unitSelect.count()) { await unitSelect.click().catch(() => {}); await s.page.waitForTimeout(500); await look() }

  // each hostile name is shown verbatim in some tooltip
  for (const n of names) expect(tips.some((t) => t.includes(n)), `a tooltip shows ${JSON.stringify(n)} as text`).toBe(true)
  expect(dialogs).toEqual([])
  expect(await imgX(s.page)).toBe(0)
  // The HTML-looking name is shown verbatim as text somewhere (findings, tables, filters).
  expect([...seen], `names found as text: ${[...seen].map((x) => JSON.stringify(x)).join(', ')}`).toContain(HOSTILE.html)
  assertPrivate(s)
})
