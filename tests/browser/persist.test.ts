/**
 * Loaded data survives a reload and a browser restart (IndexedDB of the bundle's source files,
 * src/persist), a load cut short by closing the page leaves the previous data intact, "清空数据"
 * really empties the browser storage, and a full storage gives a notice while the session goes on.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { type BrowserContext, type Page } from 'playwright-core'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import {
  launchProfile, appUrl, foreignRequests, freshStart, readSummary, uploadFiles, waitForReady, waitForReports,
  type LoadSummary, WORK_BOUND,
} from './helpers'
import { savedCount, settle } from './persist-helpers'

const A = generateBundle({ reports: 48, years: [2021, 2023], seed: 'persist-a' })
const B = generateBundle({ reports: 900, years: [2019, 2024], seed: 'persist-b-big' })
const profile = mkdtempSync(join(tmpdir(), 'gdd-persist-'))
const urls: string[] = []
let ctx: BrowserContext | null = null

async function launch(): Promise<Page> {
  ctx = await launchProfile(profile)
  ctx.on('request', (r) => urls.push(r.url()))
  return ctx.pages()[0] ?? ctx.newPage()
}
async function closeBrowser(): Promise<void> { await ctx?.close().catch(() => {}); ctx = null }

afterAll(async () => { await closeBrowser(); rmSync(profile, { recursive: true, force: true }) })

describe.sequential('persistence across reloads and restarts (one browser profile)', () => {
  let first: LoadSummary
  let page: Page

  test('load a bundle through the input', async () => {
    page = await launch()
    await page.goto(appUrl('/?nosample=1'))
    await settle(page)
    await uploadFiles(page, encodeFiles(A.files, 'utf8'))
    first = await waitForReports(page, A.manifest.counts.reports)
    expect(first.reports).toBe(A.manifest.counts.reports)
    // charts come first; the copy to IndexedDB finishes after them
    await page.waitForSelector('[data-saving="false"]', { timeout: WORK_BOUND })
    expect(await savedCount(page)).toBe(1)
  })

  test('reload: same figures without re-uploading, and no sample', async () => {
    await page.goto(appUrl('/')) // no ?nosample: the saved bundle must win over the sample
    await page.reload()
    await settle(page)
    const again = await waitForReports(page, first.reports)
    expect(again).toEqual(first)
    expect(await page.getAttribute('[data-testid="load-summary"]', 'data-sample')).not.toBe('true')
    expect(await savedCount(page)).toBe(1) // replaying does not save again
  })

  test('close the browser, relaunch with the same profile: still there', async () => {
    await closeBrowser()
    page = await launch()
    await page.goto(appUrl('/'))
    await settle(page)
    expect(await waitForReports(page, first.reports)).toEqual(first)
  })

  test('a second upload cut short by closing the page leaves the first bundle intact', async () => {
    await uploadFiles(page, encodeFiles(B.files, 'utf8'))
    await page.waitForSelector('[data-state="loading"]', { timeout: WORK_BOUND })
    await closeBrowser() // mid-load: the second bundle was never saved
    page = await launch()
    await page.goto(appUrl('/'))
    await settle(page)
    expect(await waitForReports(page, first.reports)).toEqual(first)
    expect(await savedCount(page)).toBe(1)
  })

  test('清空数据 empties the browser storage: after a reload nothing of it comes back', async () => {
    await page.click('[data-testid="clear-data"]')
    await page.click('.el-message-box__btns .el-button--primary')
    await page.waitForSelector('[data-testid="empty"]', { timeout: WORK_BOUND })
    expect(await savedCount(page)).toBe(0)
    await page.goto(appUrl('/?nosample=1'))
    await page.reload()
    await waitForReady(page)
    expect(await page.locator('[data-testid="empty"]').count()).toBe(1)
    expect(await page.locator('[data-testid="load-summary"]').count()).toBe(0)
    // Without ?nosample the sample may load, but never the cleared bundle.
    await page.goto(appUrl('/'))
    await page.reload()
    await waitForReady(page)
    const s = await readSummary(page)
    expect(s.reports).not.toBe(first.reports)
    expect(await page.getAttribute('[data-testid="load-summary"]', 'data-sample')).toBe('true')
    expect(await savedCount(page)).toBe(0) // the sample is never saved
  })

  test('privacy: every request stayed on 127.0.0.1', () => {
    expect(foreignRequests(urls.map((url) => ({ url, from: 'context' as const, method: 'GET' })))).toEqual([])
  })
})

test('storage full (QuotaExceededError): a Chinese notice, and the session keeps working', async () => {
  // the browser of the tests above, on an origin with nothing stored (freshStart), its pages failing to save
  const first = ctx ? ctx.pages()[0] ?? await ctx.newPage() : await launch()
  const s = { context: first.context(), page: first }
  await s.context.addInitScript(() => {
    const add = IDBObjectStore.prototype.add
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'bundles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return add.apply(this, args)
    }
  })
  await freshStart(s, '/?nosample=1')
  await waitForReady(s.page)
  await uploadFiles(s.page, encodeFiles(A.files, 'utf8'))
  const sum = await waitForReports(s.page, A.manifest.counts.reports)
  expect(sum.reports).toBe(A.manifest.counts.reports)
  const notice = s.page.locator('[data-testid="storage-notice"]')
  await notice.waitFor({ state: 'visible', timeout: WORK_BOUND })
  expect(await notice.textContent()).toContain('浏览器存储空间不足，本次数据仅保存在当前页面，刷新后需重新载入')
  expect(await s.page.getAttribute('[data-state]', 'data-state')).toBe('ready')
  expect(await s.page.locator('[data-chart-id="active-bars"]').count()).toBeGreaterThan(0)
})
