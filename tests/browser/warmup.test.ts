/**
 * The warm-up after start-up (issue 19, src/db/warmup.ts): with nothing loaded it runs its dry load and ends done,
 * leaving nothing behind (no data, no CSV file counted); a bundle loaded while it runs stops it and loads exactly as
 * one loaded after it: the same figures and findings, only the user's CSV files counted.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { WORK_BOUND, freshStart, openSession, query, uploadFiles, waitForReady, waitForReports, type Session } from './helpers'

const BUNDLE = generateBundle({ reports: 60, years: [2021, 2023], seed: 'warmup-60' })
const FILES = encodeFiles(BUNDLE.files, 'utf8') as Record<string, Uint8Array>
const CSV_FILES = Object.keys(FILES).filter((p) => p.endsWith('.csv')).length
const REPORTS = BUNDLE.manifest.counts.reports
const FIGURES = 'SELECT unit_code, year, active_total, received, handled, granted FROM summary ORDER BY unit_code, year'
const FINDINGS = 'SELECT rule, severity, unit_code, year, line, message FROM findings ORDER BY ALL'

let s: Session
beforeAll(async () => { s = await openSession() })
afterAll(async () => { await s?.close() })

const warmed = (page: Page) => page.evaluate(() => window.__dashboard!.warmedUp())

/** A first visit without the sample: nothing saved, so nothing loaded. */
async function freshPage(): Promise<void> {
  await freshStart(s, '/?nosample=1')
  await waitForReady(s.page)
}

async function loaded(): Promise<{ figures: unknown[]; findings: unknown[]; csv: number }> {
  await waitForReports(s.page, REPORTS)
  await s.page.evaluate(() => window.__dashboard!.idle())
  return { figures: await query(s.page, FIGURES), findings: await query(s.page, FINDINGS), csv: await s.page.evaluate(() => window.__dashboard!.csvFilesRead()) }
}

let after: Awaited<ReturnType<typeof loaded>>

test('with nothing loaded it runs to its end and leaves nothing: no data, no CSV file counted', async () => {
  await freshPage()
  await s.page.waitForFunction(() => ['done', 'skipped', 'stopped', 'failed'].includes(String(window.__dashboard?.warmedUp())), null, { timeout: WORK_BOUND, polling: 50 })
  expect(await warmed(s.page)).toBe('done')
  expect(await s.page.evaluate(() => window.__dashboard!.csvFilesRead())).toBe(0)
  expect(await query(s.page, "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN ('summary', 'files', 'raw_reports')")).toEqual([{ n: 0 }])
  expect(await s.page.locator('[data-testid="load-summary"]').count()).toBe(0)
  await uploadFiles(s.page, FILES)
  after = await loaded()
  expect(after.csv).toBe(CSV_FILES)
  expect(after.figures.length).toBe(REPORTS)
  expect(after.findings.length).toBeGreaterThan(0)
})

test('a bundle loaded while it runs stops it, and loads the same figures and findings', async () => {
  await freshPage()
  // it starts once the start-up has ended (a second of work at least: the files arrive long before its end)
  await s.page.waitForFunction(() => window.__dashboard?.warmedUp() != null, null, { timeout: WORK_BOUND, polling: 10 })
  expect(await warmed(s.page)).toBe('running')
  await uploadFiles(s.page, FILES)
  expect(await loaded()).toEqual(after)
  expect(await warmed(s.page)).toBe('stopped')
})
