/**
 * Checks off the critical path (issue 19): a bundle's figures are drawn from the committed data while its checks
 * still run — the root says data-charted="true" and data-checking="true", the load summary and the findings panel
 * say 校验中 instead of a count, and data-state is not ready yet. When ready, the findings are in: the same count
 * the app's load gives with both phases in a row (native DuckDB, in Node), and the figures did not change.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { startNativeDuckDb } from '../../src/db/duckdb-native'
import { loadTables } from '../../src/db/load'
import { ingestFiles } from '../../src/ingest'
import { appUrl, openSession, query, readSummary, uploadFiles, waitForReady, waitForReports, type Session } from './helpers'

// Large enough that the checks take a while after the figures' tables are in (they are seconds of a 14 s load at 50k).
const big = generateBundle({ reports: 6000, years: [2019, 2024], seed: 'checking-6000' })
const files = encodeFiles(big.files, 'utf8') as Record<string, Uint8Array>

interface Seen { state: string; charted: string; checking: string; summary: string; findingsChecking: boolean; badge: boolean; bars: string }

let s: Session
beforeAll(async () => {
  s = await openSession()
  s.page.on('crash', () => s.errors.push('renderer crashed'))
})
afterAll(async () => { await s?.close() })

/** The findings count the load gives with phase 1 and phase 2 in a row (what the app showed before the split). */
async function expectedFindings(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'gdd-checking-'))
  const db = await startNativeDuckDb(':memory:', { scratch: join(scratch, 'files') })
  try {
    const res = await ingestFiles(Object.entries(files).map(([path, bytes]) => ({ path, bytes })))
    const sum = await loadTables(db, res.tables)
    return sum.findings + res.findings.filter((f) => f.rule !== 'unrecognised_file' && f.rule !== 'missing_column').length
  } finally {
    await db.close()
    rmSync(scratch, { recursive: true, force: true })
  }
}

test('figures are drawn and findings say 校验中 before ready; when ready the same findings as a load in one go', async () => {
  await s.page.goto(appUrl('/?nosample=1'))
  await waitForReady(s.page)
  // Every change of the root's marks, seen as it happens (a poll could miss a short phase).
  await s.page.evaluate(() => {
    const w = window as unknown as { __seen: Seen[]; __dashboard: { getOption(id: string): { series?: { data?: unknown }[] } | null } }
    w.__seen = []
    const root = document.querySelector('[data-state]')!
    const bars = (): string => JSON.stringify(w.__dashboard.getOption('active-bars')?.series?.map((x) => x.data) ?? null)
    new MutationObserver(() => {
      w.__seen.push({
        state: root.getAttribute('data-state') ?? '', charted: root.getAttribute('data-charted') ?? '', checking: root.getAttribute('data-checking') ?? '',
        summary: document.querySelector('[data-testid="load-summary-text"]')?.textContent ?? '',
        findingsChecking: !!document.querySelector('[data-testid="findings-checking"]'),
        badge: !!document.querySelector('[data-testid="findings-badge"]'),
        bars: bars(),
      })
    }).observe(root, { attributes: true, attributeFilter: ['data-state', 'data-charted', 'data-checking'] })
  })

  await uploadFiles(s.page, files)
  const done = await waitForReports(s.page, big.manifest.counts.reports).catch((e: unknown) => { throw new Error(`${String(e)} ${s.errors.join(' | ')}`) })
  const seen = await s.page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen)
  const finalBars = await s.page.evaluate(() => JSON.stringify((window as unknown as { __dashboard: { getOption(id: string): { series?: { data?: unknown }[] } | null } })
    .__dashboard.getOption('active-bars')?.series?.map((x) => x.data) ?? null))

  // drawn before the checks ended: charted while checking, not ready
  const early = seen.find((x) => x.charted === 'true' && x.checking === 'true')
  expect(early, JSON.stringify(seen.map(({ bars, ...x }) => x))).toBeDefined()
  expect(early!.state).toBe('loading')
  expect(early!.summary).toContain(`已载入 ${big.manifest.counts.reports} 份报告`)
  expect(early!.summary).toContain('校验中')
  expect(early!.findingsChecking).toBe(true)
  expect(early!.badge).toBe(false)
  // the figures drawn then are the final ones
  expect(JSON.parse(early!.bars)).not.toBeNull()
  expect(early!.bars).toBe(finalBars)

  // ready: the checks are in, no 校验中 left, the same findings as one load of both phases
  const root = s.page.locator('[data-state]').first()
  expect(await root.getAttribute('data-checking')).toBe('false')
  expect(await root.getAttribute('data-charted')).toBe('true')
  expect(await s.page.locator('[data-testid="findings-checking"]').count()).toBe(0)
  expect(await s.page.locator('[data-testid="load-summary-text"]').innerText()).not.toContain('校验中')
  // computed after the browser's part: ingest in this process would hold up playwright's messages
  const n = await expectedFindings()
  expect(n).toBeGreaterThan(0)
  expect(done.findings).toBe(n)
  expect((await readSummary(s.page)).findings).toBe(n)
  const [{ c }] = await query<{ c: number }>(s.page, 'SELECT count(*)::INTEGER AS c FROM findings')
  expect(c).toBeGreaterThan(0)
  expect(c).toBeLessThanOrEqual(n)
})
