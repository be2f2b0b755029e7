/**
 * A long load can be cancelled: the button appears after a second, and cancelling leaves the data
 * loaded before (here the sample) exactly as it was, with a notice saying so.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { bundleFacts } from './bundle-facts'
import { appUrl, openSession, query, readSummary, sampleReportsCsv, uploadFiles, waitForReports, type Session, WORK_BOUND } from './helpers'

// Large enough that loading takes well over the second after which cancelling is offered.
const big = generateBundle({ reports: 6000, years: [2019, 2024], seed: 'cancel-6000' })

let s: Session
beforeAll(async () => { s = await openSession() })
afterAll(async () => { await s?.close() })

test('cancel keeps the sample loaded before; the same bundle then loads in full', async () => {
  await s.page.goto(appUrl('/'))
  const sample = await waitForReports(s.page, bundleFacts(sampleReportsCsv()).reportCount)
  const before = await query(s.page, 'SELECT unit_code, year, active_total FROM summary ORDER BY ALL')

  await uploadFiles(s.page, encodeFiles(big.files, 'utf8'))
  const cancel = s.page.locator('[data-testid="load-cancel"]')
  await cancel.waitFor({ state: 'visible', timeout: WORK_BOUND })
  await cancel.click()
  await s.page.locator('[data-testid="load-cancelled"]').waitFor({ state: 'visible', timeout: WORK_BOUND })
  await s.page.waitForSelector('[data-state="ready"]', { timeout: WORK_BOUND })
  expect(await readSummary(s.page)).toEqual(sample)
  expect(await s.page.getAttribute('[data-testid="load-summary"]', 'data-sample')).toBe('true')
  expect(await query(s.page, 'SELECT unit_code, year, active_total FROM summary ORDER BY ALL')).toEqual(before)
  expect(await s.page.locator('[data-testid="load-cancelled"]').innerText()).toContain('已取消载入')

  await uploadFiles(s.page, encodeFiles(big.files, 'utf8'))
  const full = await waitForReports(s.page, big.manifest.counts.reports)
  expect(full.reports).toBe(big.manifest.counts.reports)
  expect(await s.page.locator('[data-testid="load-cancelled"]').count()).toBe(0)
})