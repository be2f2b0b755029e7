/**
 * The first view paints before DuckDB is up (issue 19): DuckDB's .wasm is held back until the Overview's KPI cards and
 * charts have painted, so "before the engine" is certain, not a race. Painted from
 * (a) the answers saved beside the saved database (a reload), (b) the sample's answers shipped with the build (a
 * first visit); after the engine takes over, the same numbers and charts. (c) After 清空数据 nothing is painted
 * from the old answers, and the storage holds none.
 */
import { afterAll, describe, expect, test } from 'vitest'
import { type BrowserContext, type Page, type Route } from 'playwright-core'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { appUrl, freshStart, openSession, sampleReportsCsv, uploadFiles, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'
import { bundleFacts } from './bundle-facts'
import { settle } from './persist-helpers'

const CHARTS = ['active-bars', 'active-heatmap', 'outcome-shares-unit', 'outcome-counts-unit', 'outcome-shares-year']
const WASM = /\.wasm(\?.*)?$/

/** What the Overview shows: every KPI card's value and every chart's series as set. */
async function shown(page: Page): Promise<{ kpis: Record<string, string | null>; charts: Record<string, string> }> {
  const kpis: Record<string, string | null> = {}
  for (const el of await page.locator('[data-kpi]').all()) kpis[(await el.getAttribute('data-kpi'))!] = await el.getAttribute('data-value')
  const charts = await page.evaluate((ids) => Object.fromEntries(ids.map((id) =>
    [id, JSON.stringify((window.__dashboard!.getOption(id) as { series?: unknown } | null)?.series ?? null)])), CHARTS)
  return { kpis, charts }
}

/** Hold DuckDB's .wasm (page and worker fetches) until `release()`; `held` = requests held so far. */
async function holdWasm(ctx: BrowserContext): Promise<{ release(): void; held: string[]; done(): Promise<void> }> {
  let release!: () => void
  const released = new Promise<void>((ok) => { release = ok })
  const held: string[] = []
  const hold = async (route: Route): Promise<void> => { held.push(route.request().url()); await released; await route.continue().catch(() => { /* the page is gone (a failed test) */ }) }
  await ctx.route(WASM, hold)
  return { release, held, done: async () => { release(); await ctx.unroute(WASM, hold) } }
}

/** Every value data-painted took on this page (recorded from the first script on). */
const RECORD_PAINTED = `window.__painted = [];
  new MutationObserver(() => { const v = document.querySelector('[data-painted]')?.getAttribute('data-painted');
    if (v && window.__painted.at(-1) !== v) window.__painted.push(v) })
    .observe(document, { subtree: true, attributes: true, attributeFilter: ['data-painted'], childList: true })`
const paintedSeen = (page: Page) => page.evaluate(() => (window as unknown as { __painted: string[] }).__painted)

/** Paint with the engine held back: the Overview's numbers are there while data-state still says loading. */
async function paintedBeforeEngine(page: Page, ctx: BrowserContext, url: string | 'reload', reports: number) {
  const wasm = await holdWasm(ctx)
  try {
    if (url === 'reload') await page.reload()
    else await page.goto(url)
    await page.waitForSelector('[data-painted="saved"]', { timeout: WORK_BOUND })
    expect(await page.getAttribute('[data-state]', 'data-state')).toBe('loading')
    expect(Number(await page.getAttribute('[data-testid="load-summary"]', 'data-reports'))).toBe(reports)
    const early = await shown(page)
    const earlyFindings = await page.getAttribute('[data-testid="load-summary"]', 'data-findings')
    expect(await page.locator('[data-testid="painted-saved"]').count()).toBe(1)
    // the engine was asked for and is still held: nothing of this came from DuckDB
    await expect.poll(() => wasm.held.length, { timeout: WORK_BOUND }).toBeGreaterThan(0)
    expect(await page.getAttribute('[data-state]', 'data-state')).toBe('loading')
    wasm.release()
    await waitForReady(page)
    await page.evaluate(() => window.__dashboard!.idle())
    expect(await page.getAttribute('[data-painted]', 'data-painted')).toBe('live')
    expect(await page.locator('[data-testid="painted-saved"]').count()).toBe(0)
    // the painted page said as many data problems as the live one does (never "0 problems" before the engine)
    expect(earlyFindings).toBe(await page.getAttribute('[data-testid="load-summary"]', 'data-findings'))
    return { early, live: await shown(page) }
  } finally { await wasm.done() }
}

function expectFilled(s: { kpis: Record<string, string | null>; charts: Record<string, string> }): void {
  expect(Object.keys(s.kpis)).toHaveLength(6)
  for (const v of Object.values(s.kpis)) expect(v).toMatch(/\d/)
  for (const id of CHARTS) expect(s.charts[id], id).toMatch(/"data":\[[^\]]/)
}

// One browser: (b) is its first visit; (a, c) start again on an origin with nothing stored (freshStart).
let browser: Session | undefined
async function session(): Promise<Session> {
  if (!browser) {
    browser = await openSession()
    await browser.context.addInitScript(RECORD_PAINTED)
  }
  return browser
}
afterAll(async () => { await browser?.close() })

test('(b) first visit: the sample\'s Overview paints from the shipped answers before DuckDB is up, then the same live', async () => {
  const s = await session()
  const { early, live } = await paintedBeforeEngine(s.page, s.context, appUrl('/'), bundleFacts(sampleReportsCsv()).reportCount)
  expectFilled(early)
  expect(early).toEqual(live)
  expect(await s.page.getAttribute('[data-testid="load-summary"]', 'data-sample')).toBe('true')
  expect(await paintedSeen(s.page)).toEqual(['none', 'saved', 'live'])
})

describe.sequential('(a, c) reload with saved data; after 清空数据 nothing painted', () => {
  const BUNDLE = generateBundle({ reports: 24, years: [2021, 2023], seed: 'paint-24' })
  const REPORTS = BUNDLE.manifest.counts.reports
  let ctx: BrowserContext
  let page: Page

  // (opening a database that does not exist would create it empty, without the app's store: looked up first)
  const answersSaved = () => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'gdd-snapshot') && new Promise<boolean>((resolve, reject) => {
    const r = indexedDB.open('gdd-snapshot')
    r.onerror = () => reject(r.error)
    r.onsuccess = () => {
      const db = r.result
      if (!db.objectStoreNames.contains('parts')) { db.close(); resolve(false); return }
      const g = db.transaction('parts', 'readonly').objectStore('parts').get('answers')
      g.onsuccess = () => { db.close(); resolve(g.result != null) }
      g.onerror = () => reject(g.error)
    }
  }))

  test('(a) reload: the KPI cards and charts paint from the saved answers before DuckDB is up, equal to the live ones', async () => {
    const s = await session()
    await freshStart(s, '/?nosample=1')
    ctx = s.context
    page = s.page
    await settle(page)
    expect(await answersSaved()).toBe(false)
    await uploadFiles(page, encodeFiles(BUNDLE.files, 'utf8'))
    await waitForReports(page, REPORTS)
    await page.waitForSelector('[data-saving="false"]', { timeout: WORK_BOUND })
    await expect.poll(answersSaved, { timeout: WORK_BOUND }).toBe(true)
    const loaded = await shown(page)
    await page.goto(appUrl('/'))
    const { early, live } = await paintedBeforeEngine(page, ctx, 'reload', REPORTS)
    expectFilled(early)
    expect(early).toEqual(live)
    expect(live).toEqual(loaded)
  })

  test('(c) 清空数据: the saved answers are gone and a reload paints nothing from them', async () => {
    await page.click('[data-testid="clear-data"]')
    await page.click('.el-message-box__btns .el-button--primary')
    await page.waitForSelector('[data-testid="empty"]', { timeout: WORK_BOUND })
    expect(await answersSaved()).toBe(false)
    await page.goto(appUrl('/?nosample=1'))
    await page.reload()
    await waitForReady(page)
    expect(await page.locator('[data-testid="load-summary"]').count()).toBe(0)
    expect(await paintedSeen(page)).not.toContain('saved')
    expect(await answersSaved()).toBe(false)
  })
})
