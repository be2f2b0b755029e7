/**
 * DuckDB-WASM failing to start (its .wasm blocked) ends in the error state with a clear Chinese
 * message and a retry button — not a spinner forever; once the .wasm is reachable again, retry
 * brings the app to ready.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { appUrl, assertPrivate, openSession, waitForReady, type Session, WORK_BOUND } from './helpers'

/**
 * The start has failed (the .wasm refused or served wrong): end its wait as its one-minute timeout would, by the
 * automation-only event of src/composables/useEngine, instead of waiting the minute out (twice per run).
 */
async function expireStartOnceFailed(page: Page, failed: () => boolean): Promise<void> {
  await expect.poll(failed, { timeout: WORK_BOUND, interval: 100 }).toBe(true)
  await page.evaluate(() => window.dispatchEvent(new Event('gdd:engine-start-timeout')))
}

let s: Session
beforeAll(async () => { s = await openSession({ own: true }) }) // routes the .wasm
afterAll(async () => { await s?.close() })

test('blocked .wasm → error with message and retry; unblocked → retry → ready', async () => {
  const blocked: string[] = []
  // context.route also covers the DuckDB worker's own fetch of the .wasm.
  const handler = async (route: import('playwright-core').Route) => { blocked.push(route.request().url()); await route.abort('blockedbyclient') }
  await s.context.route(/\.wasm(\?.*)?$/, handler)
  await s.page.goto(appUrl('/?nosample=1'))
  await expireStartOnceFailed(s.page, () => blocked.length > 0)
  await s.page.waitForSelector('[data-state="error"]', { timeout: WORK_BOUND })
  expect(blocked.length).toBeGreaterThan(0)
  const msg = (await s.page.textContent('[data-testid="error-message"]')) ?? ''
  expect(msg).toContain('数据库引擎启动失败')
  expect(await s.page.locator('[data-testid="retry"]').isVisible()).toBe(true)
  // No spinner left claiming to load.
  expect(await s.page.getAttribute('[data-state]', 'data-state')).toBe('error')

  await s.context.unroute(/\.wasm(\?.*)?$/, handler)
  await s.page.click('[data-testid="retry"]')
  await waitForReady(s.page)
  expect(await s.page.locator('[data-testid="error"]').count()).toBe(0)
  assertPrivate(s)
})

test('.wasm served with the wrong MIME type → error (bounded by the start-up timeout), not loading forever', async () => {
  const page = await s.context.newPage()
  let served = 0
  await s.context.route(/\.wasm(\?.*)?$/, async (route) => {
    const res = await route.fetch()
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'text/plain' } })
    served++
  })
  try {
    await page.goto(appUrl('/?nosample=1'))
    await expireStartOnceFailed(page, () => served > 0)
    const state = await page.waitForFunction(() => {
      const v = document.querySelector('[data-state]')?.getAttribute('data-state')
      return v === 'error' || v === 'ready' ? v : null
    }, null, { timeout: WORK_BOUND, polling: 500 }).then((h) => h.jsonValue())
    // Either DuckDB falls back to a non-streaming instantiate (ready) or the timeout turns the hang
    // into the error state with its message; never "loading" forever.
    if (state === 'error') {
      expect((await page.textContent('[data-testid="error-message"]')) ?? '').toContain('数据库引擎')
      expect(await page.locator('[data-testid="retry"]').isVisible()).toBe(true)
    } else expect(state).toBe('ready')
  } finally {
    await s.context.unrouteAll({ behavior: 'ignoreErrors' })
    await page.close()
  }
})