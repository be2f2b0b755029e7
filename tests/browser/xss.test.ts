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
/** Move the mouse over every chart canvas on the page (tooltips render on hover). */
async function hoverCharts(page: Page): Promise<number> {
  let n = 0
  const canvases = page.locator('[data-chart-id] canvas')
  const count = await canvases.count()
  for (let i = 0; i < count; i++) {
    const box = await canvases.nth(i).boundingBox().catch(() => null)
    if (!box || box.width < 20 || box.height < 20) continue
    await canvases.nth(i).scrollIntoViewIfNeeded().catch(() => {})
    const b = (await canvases.nth(i).boundingBox()) ?? box
    for (const fx of [0.15, 0.3, 0.45, 0.6, 0.75, 0.9]) {
      for (const fy of [0.3, 0.5, 0.7]) {
        await page.mouse.move(b.x + b.width * fx, b.y + b.height * fy)
        await page.waitForTimeout(40)
        n++
      }
    }
  }
  return n
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
  let hovers = 0
  for (const href of hrefs) {
    await s.page.locator(`nav a[href="${href}"]`).first().click()
    await s.page.waitForTimeout(800)
    await s.page.waitForSelector('[data-state="ready"], [data-state="error"]', { timeout: WORK_BOUND })
    hovers += await hoverCharts(s.page)
    await look()
  }
  // Back on the overview: the bar chart's tooltip, and the unit filter's options list.
  await s.page.goto(appUrl('/'))
  await waitForReady(s.page)
  hovers += await hoverCharts(s.page)
  await look()
  const unitSelect = s.page.locator('[data-testid="filter-units"], [data-testid="unit-filter"]').first()
  if (await unitSelect.count()) { await unitSelect.click().catch(() => {}); await s.page.waitForTimeout(500); await look() }

  expect(hovers).toBeGreaterThan(0)
  expect(dialogs).toEqual([])
  expect(await imgX(s.page)).toBe(0)
  // The HTML-looking name is shown verbatim as text somewhere (findings, tables, filters).
  expect([...seen], `names found as text: ${[...seen].map((x) => JSON.stringify(x)).join(', ')}`).toContain(HOSTILE.html)
  assertPrivate(s)
})
