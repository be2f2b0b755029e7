/**
 * A returning supervisor's DuckDB starts from the browser's cache of its compiled code (issue 19): the app hands V8
 * the .wasm response itself (not DuckDB-WASM's progress-wrapped copy, src/db/duckdb-browser.ts), so V8 stores the
 * code it optimised and the next visit deserialises it instead of starting again from the baseline compiler.
 *
 * A browser of its own: V8's optimising tier on (the suite's browsers run the baseline compiler only) and its cache
 * thresholds lowered, so that a short first visit is worth caching (a real one caches after a load's worth of code).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { appUrl, launchProfile, query, waitForReady } from './helpers'

const profile = mkdtempSync(join(tmpdir(), 'gdd-code-cache-'))
let ctx: BrowserContext | null = null
afterAll(async () => {
  await ctx?.close()
  rmSync(profile, { recursive: true, force: true })
})

/** V8's own trace events of one page start, up to ready. */
async function tracedStart(page: Page): Promise<Set<string>> {
  const cdp = await page.context().newCDPSession(page)
  const names = new Set<string>()
  cdp.on('Tracing.dataCollected', (e) => { for (const ev of e.value as { name: string }[]) names.add(ev.name) })
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8.wasm'] } })
  await page.goto(appUrl('/?nosample=1'))
  await waitForReady(page)
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok))
  await cdp.send('Tracing.end')
  await complete
  await cdp.detach()
  return names
}

test("a second visit deserialises DuckDB's compiled code from the browser's cache", async () => {
  ctx = await launchProfile(profile, { jsFlags: '--wasm-caching-threshold=1 --wasm-caching-timeout-ms=1' })
  const first = await ctx.newPage()
  const seen = await tracedStart(first)
  expect(seen.has('wasm.StartStreamingCompilation')).toBe(true) // compiled from the network, the first time
  // a few statements: code is optimised, and V8 writes the module to the cache
  for (let i = 0; i < 5; i++) await query(first, `SELECT count(*) AS n FROM range(${100_000 + i}) t(x) WHERE x % 7 = 3`)
  await first.close()
  // V8 writes the cache in the background: a visit may come before it; a few visits, never a guessed wait
  let cached = false
  for (let visit = 0; visit < 5 && !cached; visit++) {
    const page = await ctx.newPage()
    cached = (await tracedStart(page)).has('wasm.Deserialize')
    await page.close()
  }
  expect(cached).toBe(true)
})
