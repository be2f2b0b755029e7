/**
 * Data never leaves the tab: across a whole session (first visit with the sample, an upload in
 * GB18030, a PNG export) no request of the page or of any worker goes anywhere but 127.0.0.1,
 * and the recorder demonstrably saw the workers' and the WebAssembly requests; nothing is written to the console.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { appUrl, baseUrl, foreignRequests, openSession, sampleReportsCsv, uploadFiles, waitForReports, type Session, WORK_BOUND } from './helpers'
import { bundleFacts } from './bundle-facts'

let s: Session
beforeAll(async () => { s = await openSession() })
afterAll(async () => { await s?.close() })

test('a whole session: sample, GB18030 upload, export — only 127.0.0.1', async () => {
  const sample = bundleFacts(sampleReportsCsv())
  await s.page.goto(appUrl('/'))
  await waitForReports(s.page, sample.reportCount)
  const { files, manifest } = generateBundle({ reports: 60, years: [2020, 2023], seed: 'privacy' })
  await uploadFiles(s.page, encodeFiles(files, 'gb18030'))
  // Real reports replace the fictional sample (never mixed with it).
  const after = await waitForReports(s.page, manifest.counts.reports)
  expect(after.reports).toBe(manifest.counts.reports)
  const panel = s.page.locator('[data-chart-id="active-heatmap"]')
  await Promise.all([s.page.waitForEvent('download', { timeout: WORK_BOUND }), panel.locator('[data-testid="export-png"]').click()])
  await s.page.waitForTimeout(500)

  const urls = s.requests.map((r) => r.url)
  expect(foreignRequests(s.requests)).toEqual([])
  // The recorder really saw the app's own traffic: its .wasm and at least one worker.
  expect(urls.some((u) => u.startsWith(baseUrl()) && u.endsWith('.wasm'))).toBe(true)
  expect(s.requests.some((r) => r.from === 'worker')).toBe(true)
  // Nor does it land in the console: the app and its DuckDB worker write no log lines (statements and names
  // would be in them), so a profiling hook left in the worker's start-up shows here.
  expect(s.logs).toEqual([])
})
