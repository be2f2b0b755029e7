/**
 * Start-up: the app shell (header, loader, language switch, status) is there and usable while DuckDB-WASM is
 * still starting — it does not wait for the engine. The .wasm is held back until the checks are done, so
 * "still starting" is certain, not a race.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Route } from 'playwright-core'
import { appUrl, assertPrivate, openSession, waitForReady, type Session, WORK_BOUND } from './helpers'

let s: Session
beforeAll(async () => { s = await openSession({ own: true }) }) // routes the .wasm
afterAll(async () => { await s?.close() })

test('while DuckDB starts: shell rendered, loading shown, language switch works; then ready', async () => {
  let release!: () => void
  const released = new Promise<void>((ok) => { release = ok })
  const held: string[] = []
  // context.route also covers the DuckDB worker's own fetch of the .wasm.
  const hold = async (route: Route): Promise<void> => {
    held.push(route.request().url())
    await released
    await route.continue()
  }
  await s.context.route(/\.wasm(\?.*)?$/, hold)
  try {
    await s.page.goto(appUrl('/?nosample=1'))
    await s.page.waitForSelector('[data-state]')
    expect(await s.page.getAttribute('[data-state]', 'data-state')).toBe('loading')
    await expect.poll(() => held.length, { timeout: WORK_BOUND }).toBeGreaterThan(0)
    expect(await s.page.getAttribute('[data-state]', 'data-state')).toBe('loading')
    expect(await s.page.locator('[data-testid="bundle-input"]').count()).toBe(1)
    expect(await s.page.locator('[data-testid="pick-files"]').isVisible()).toBe(true)

    // The language switch is a real radio group (not bare <el-radio-*> elements) and switches the UI now.
    const sw = s.page.locator('[data-testid="lang-switch"]')
    expect(await sw.locator('input[type="radio"]').count()).toBe(2)
    await sw.getByText('English').click()
    await s.page.waitForFunction(() => document.documentElement.lang === 'en')
    expect(await s.page.locator('header').getByText('Overview').count()).toBeGreaterThan(0)
    await sw.getByText('中文').click()
    await s.page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    expect(await s.page.getAttribute('[data-state]', 'data-state')).toBe('loading')
    release()
    await waitForReady(s.page)
  } finally {
    release()
    await s.context.unroute(/\.wasm(\?.*)?$/, hold)
  }
  expect(await s.page.locator('[data-testid="pick-files"]').isEnabled()).toBe(true)
  assertPrivate(s)
})
