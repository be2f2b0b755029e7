/**
 * Instant reload (issue 19): a reload reopens the saved database instead of replaying the saved CSV files —
 * no CSV file reaches DuckDB, the figures, findings and a review mark are the same. A saved database damaged by hand
 * (a byte of a table's part changed, a table's part deleted) is not opened: the app replays the CSV files, says so
 * in a notice, and shows the same figures; the database is saved again, so the next reload reopens it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { type BrowserContext, type Page } from 'playwright-core'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { launchProfile, appUrl, baseUrl, freshStart, readSummary, sampleReportsCsv, uploadFiles, waitForReports, type LoadSummary, WORK_BOUND } from './helpers'
import { bundleFacts } from './bundle-facts'
import { savedCount, settle } from './persist-helpers'

const BUNDLE = generateBundle({ reports: 46, years: [2021, 2023], seed: 'reload-46' })
const REPORTS = BUNDLE.manifest.counts.reports
const profile = mkdtempSync(join(tmpdir(), 'gdd-reload-'))
let ctx: BrowserContext | null = null

async function launch(): Promise<Page> {
  ctx = await launchProfile(profile)
  return ctx.pages()[0] ?? ctx.newPage()
}
afterAll(async () => { await ctx?.close().catch(() => {}); rmSync(profile, { recursive: true, force: true }) })

const FIGURES = `SELECT unit_code, year, active_total, received, handled, granted, partial, withheld, carried_out
  FROM summary ORDER BY unit_code, year`
const FINDINGS = 'SELECT rule, severity, unit_code, year, line, message FROM findings ORDER BY ALL'

interface Seen { summary: LoadSummary; figures: unknown[]; findings: unknown[]; bars: unknown }

async function seen(page: Page): Promise<Seen> {
  await page.evaluate(() => window.__dashboard!.idle())
  return {
    summary: await waitForReports(page, REPORTS),
    figures: await page.evaluate((sql) => window.__dashboard!.query(sql), FIGURES),
    findings: await page.evaluate((sql) => window.__dashboard!.query(sql), FINDINGS),
    bars: await page.evaluate(() => JSON.stringify((window.__dashboard!.getOption('active-bars') as { series?: unknown }).series)),
  }
}

const restoredFrom = (page: Page) => page.evaluate(() => window.__dashboard!.restoredFrom())
const csvFilesRead = (page: Page) => page.evaluate(() => window.__dashboard!.csvFilesRead())
const replayed = (page: Page) => page.locator('[data-testid="saved-notice"][data-kind="replayed"]')

/** The quality view's first finding row and its mark. */
async function firstMark(page: Page): Promise<{ key: string; mark: string | null }> {
  await page.goto(appUrl('/quality'))
  await settle(page)
  const row = page.locator('tr[data-testid="finding-row"]').first()
  await row.waitFor({ state: 'visible', timeout: WORK_BOUND })
  const key = ['data-rule', 'data-unit', 'data-year'].map((a) => row.getAttribute(a))
  return { key: (await Promise.all(key)).join('|'), mark: await row.locator('[data-mark]').getAttribute('data-mark') }
}

/** Change the saved database from a page of the same origin that is not the app (it must not be running). */
async function tamper(page: Page, how: 'flip' | 'delete'): Promise<void> {
  await page.goto(new URL("not-the-app.txt", baseUrl()).href)
  await page.evaluate(async (mode) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => { const r = indexedDB.open('gdd-snapshot'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error) })
    const get = <T>(key: string) => new Promise<T>((resolve, reject) => { const r = db.transaction('parts').objectStore('parts').get(key); r.onsuccess = () => resolve(r.result as T); r.onerror = () => reject(r.error) })
    // The write awaited to its commit, not to its request's success, which comes first: the navigation that follows
    // would abort a transaction still open, and the damage would silently not be made.
    const write = (change: (os: IDBObjectStore) => void) => new Promise<void>((resolve, reject) => {
      const tx = db.transaction('parts', 'readwrite')
      tx.oncomplete = () => resolve()
      tx.onerror = tx.onabort = () => reject(tx.error)
      change(tx.objectStore('parts'))
    })
    const m = await get<{ tables: { name: string }[] }>('manifest')
    if (!m || !m.tables.some((t) => t.name === 'summary')) throw new Error('no saved database to damage')
    if (mode === 'delete') await write((os) => os.delete('t:findings'))
    else {
      const part = await get<{ key: string; blob: Blob }>('t:summary')
      const bytes = new Uint8Array(await part.blob.arrayBuffer())
      bytes[bytes.length >> 1] ^= 0xff // one byte in the middle of the rows
      await write((os) => os.put({ key: part.key, blob: new Blob([bytes]) }))
    }
    db.close()
  }, how)
}

describe.sequential('reload reopens the saved database (46 reports, a review mark)', () => {
  let page: Page
  let first: Seen
  let mark: { key: string; mark: string | null }

  test('load 46 reports, mark a finding; the bundle and its database are saved', async () => {
    page = await launch()
    await page.goto(appUrl('/?nosample=1'))
    await settle(page)
    await uploadFiles(page, encodeFiles(BUNDLE.files, 'utf8'))
    first = await seen(page)
    expect(first.summary.reports).toBe(REPORTS)
    expect(first.findings.length).toBeGreaterThan(0)
    await page.waitForSelector('[data-saving="false"]', { timeout: WORK_BOUND })
    expect(await savedCount(page)).toBe(1)
    // a review mark on the first finding
    await firstMark(page)
    const row = page.locator('tr[data-testid="finding-row"]').first()
    await row.locator('[data-testid="mark-select"]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '待更正' }).click()
    await expect.poll(() => row.locator('[data-mark]').getAttribute('data-mark')).toBe('to_correct')
    mark = await firstMark(page)
    expect(mark.mark).toBe('to_correct')
  })

  test('reload: the database is reopened, no CSV file is read, the same figures, findings and mark', async () => {
    await page.goto(appUrl('/'))
    await page.reload()
    await settle(page)
    const again = await seen(page)
    expect(await restoredFrom(page)).toBe('database')
    expect(await csvFilesRead(page)).toBe(0)
    expect(again).toEqual(first)
    expect(await page.getAttribute('[data-testid="load-summary"]', 'data-sample')).not.toBe('true')
    expect(await replayed(page).count()).toBe(0)
    expect(await firstMark(page)).toEqual(mark)
    expect(await csvFilesRead(page)).toBe(0)
  })

  for (const how of ['flip', 'delete'] as const) {
    test(`a saved database damaged by hand (${how === 'flip' ? 'a byte of summary changed' : 'the findings part deleted'}): the CSV files are replayed, with a notice, same figures`, async () => {
      await tamper(page, how)
      await page.goto(appUrl('/'))
      await settle(page)
      const again = await seen(page)
      expect(await restoredFrom(page)).toBe('replay')
      expect(await csvFilesRead(page)).toBeGreaterThan(0)
      expect(again).toEqual(first)
      const n = replayed(page)
      await n.waitFor({ state: 'visible', timeout: WORK_BOUND })
      expect(await n.getAttribute('data-reason')).toBe('corrupt')
      expect(await n.textContent()).toContain('已损坏')
      expect(await n.textContent()).toContain('重新载入')
      expect(await firstMark(page)).toEqual(mark)
      // saved again after the replay: the next reload reopens it
      await page.waitForSelector('[data-saving="false"]', { timeout: WORK_BOUND })
      await page.goto(appUrl('/'))
      await page.reload()
      await settle(page)
      expect(await seen(page)).toEqual(first)
      expect(await restoredFrom(page)).toBe('database')
      expect(await csvFilesRead(page)).toBe(0)
    })
  }
})

test('first visit: the sample opens as shipped pre-built (no CSV read), with the same figures and findings as its CSV files', async () => {
  // the browser of the tests above, on an origin with nothing stored (freshStart): a first visit without a new Chromium
  ctx ??= await launchProfile(profile)
  const s = { context: ctx, page: ctx.pages()[0] ?? await ctx.newPage() }
  const reports = bundleFacts(sampleReportsCsv()).reportCount
  await freshStart(s, '/')
  await settle(s.page)
  const shipped = await waitForReports(s.page, reports)
  expect(await restoredFrom(s.page)).toBe('sample')
  expect(await csvFilesRead(s.page)).toBe(0)
  expect(await s.page.getAttribute('[data-testid="load-summary"]', 'data-sample')).toBe('true')
  const q = (sql: string) => s.page.evaluate((x) => window.__dashboard!.query(x), sql)
  const figures = await q(FIGURES)
  const findings = await q(FINDINGS)
  // the same sample from its CSV files
  await s.page.click('[data-testid="load-sample"]') // the sample is shown: no question asked
  await s.page.waitForFunction(() => window.__dashboard!.csvFilesRead() > 0, null, { timeout: WORK_BOUND })
  expect(await waitForReports(s.page, reports)).toEqual(shipped)
  expect(await readSummary(s.page)).toEqual(shipped)
  expect(await q(FIGURES)).toEqual(figures)
  expect(await q(FINDINGS)).toEqual(findings)
})
