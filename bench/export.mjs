/**
 * Export benchmark (not a test): on the sample bundle in Debian's Chromium, time one chart's PNG at
 * 1×/2×/3×, SVG, and a 10-chart briefing pack → PPTX (click → download). Needs dist/ (npm run build).
 * Usage: node bench/export.mjs
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startServer } from './server.mjs'

const CHARTS = ['active-bars', 'active-heatmap', 'outcome-shares-unit', 'outcome-counts-unit', 'outcome-shares-year']
const srv = await startServer({ '/app/': new URL('../dist/', import.meta.url).pathname })
const profile = mkdtempSync(join(tmpdir(), 'gdd-bench-export-'))
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, acceptDownloads: true,
  viewport: { width: 1440, height: 1000 }, locale: 'zh-CN',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
})
const page = ctx.pages()[0] ?? await ctx.newPage()
const results = {}
async function timed(name, click) {
  const t0 = performance.now()
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), click()])
  const size = readFileSync(await d.path()).length
  results[name] = { ms: Math.round(performance.now() - t0), bytes: size }
  console.log(`${name}: ${results[name].ms} ms, ${(size / 1024).toFixed(0)} KiB`)
}
async function menu(id, item) {
  const panel = page.locator(`[data-chart-id="${id}"]`)
  await panel.scrollIntoViewIfNeeded()
  await panel.locator('[data-testid="export-menu"]').click()
  await page.locator(`[data-testid="${item}"]:visible`).click()
}
try {
  await page.goto(`${srv.url}/app/#/`)
  await page.waitForSelector('[data-state="ready"] [data-testid="load-summary"]', { timeout: 180_000 })
  await page.locator('[data-chart-id="active-heatmap"] canvas').first().waitFor()
  for (const id of ['active-heatmap', 'outcome-counts-unit']) {
    for (const k of [1, 2, 3]) await timed(`${id} PNG ${k}x`, () => menu(id, `export-png-${k}x`))
    await timed(`${id} SVG`, () => menu(id, 'export-svg'))
  }
  for (let r = 0; r < 2; r++) for (const id of CHARTS) await menu(id, 'add-to-pack')
  await page.goto(`${srv.url}/app/#/briefing`)
  await page.locator('[data-testid="pack-item"]').nth(9).waitFor()
  await timed('10-chart pack PPTX', () => page.locator('[data-testid="export-pptx"]').click())
  console.log(JSON.stringify(results))
} finally {
  await ctx.close()
  rmSync(profile, { recursive: true, force: true })
  await srv.close()
}
