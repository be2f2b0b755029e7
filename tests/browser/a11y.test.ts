/**
 * Accessibility: axe-core (injected from node_modules, no network) on every route of the app with
 * the sample loaded; no serious or critical violation. Routes that exist at run time are taken
 * from the nav (views are added over time) plus the unit profile when the router has it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { appUrl, openSession, query, type Session, twoFrames, waitForReady, WORK_BOUND } from './helpers'

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // The app's CSP forbids inline scripts (addScriptTag({ content })): evaluate the source through
    // the devtools protocol instead, which CSP does not govern.
    await page.addScriptTag({ content: AXE }).catch(() => page.evaluate(`${AXE}\n;void 0`))
  }
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe
    const r = await a.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 40).map((n) => ({ target: n.target, html: n.html.slice(0, 160) })) }))
  })
}

async function settle(page: Page): Promise<void> {
  await waitForReady(page)
  await page.waitForFunction(() => document.querySelector('[data-state]')?.getAttribute('data-querying') === 'false', null, { timeout: WORK_BOUND })
  // every view query answered, every loading mask gone (one over a panel lowers its text contrast; it is removed when
  // its fade-out ends), then two painted frames: the states a fixed 800 ms stood for
  await page.evaluate(() => window.__dashboard?.idle())
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask'), null, { timeout: WORK_BOUND, polling: 50 })
  await twoFrames(page)
}

describe('accessibility (axe-core)', () => {
  let s: Session
  const routes: string[] = []
  beforeAll(async () => {
    s = await openSession()
    await s.page.goto(appUrl('/'))
    await s.page.waitForFunction(() => Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports') ?? 0) > 0, null, { timeout: WORK_BOUND })
    await settle(s.page)
    const hrefs = await s.page.$$eval('nav a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')!.slice(1)))
    routes.push(...new Set(hrefs.map((h) => h.split('?')[0])))
    // the unit profile is reached from charts, not the nav: test it when the router has it
    const [u] = await query<{ code: string }>(s.page, 'SELECT unit_code AS code FROM summary ORDER BY active_total DESC NULLS LAST LIMIT 1')
    await s.page.goto(appUrl(`/unit/${encodeURIComponent(u.code)}`))
    await settle(s.page)
    if (new URL(s.page.url()).hash.startsWith('#/unit/')) routes.push(`/unit/${encodeURIComponent(u.code)}`)
  })
  afterAll(async () => { await s?.close() })

  test('the nav lists the overview and the SQL console', () => {
    expect(routes).toContain('/')
    expect(routes).toContain('/sql')
  })

  test('no serious or critical violation on any route', async () => {
    const found: string[] = []
    for (const r of routes) {
      await s.page.goto(appUrl(r))
      await settle(s.page)
      if (process.env.EXPLORE_SHOTS) await s.page.screenshot({ path: `${process.env.EXPLORE_SHOTS}/route-${r.replace(/\W+/g, '_')}.png` })
      const serious = async () => (await axe(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')
      // A busy machine can catch a panel between two states (colours mid-update); what is judged is the route's
      // settled state: a violation must still be there after the page settles once more.
      let bad = await serious()
      if (bad.length) { await settle(s.page); bad = await serious() }
      for (const v of bad) found.push(`${r}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html}`).join('\n')}`)
    }
    if (found.length) console.log(found.join('\n'))
    if (process.env.A11Y_REPORT) writeFileSync(process.env.A11Y_REPORT, found.join('\n'))
    expect(found, found.join('\n')).toEqual([])
  })
  test('keyboard: the drill buttons, filter controls and SQL console are reachable by Tab', async () => {
    await s.page.goto(appUrl('/'))
    await settle(s.page)
    const reached = new Set<string>()
    for (let i = 0; i < 60; i++) {
      await s.page.keyboard.press('Tab')
      const id = await s.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        return el?.closest('[data-testid]')?.getAttribute('data-testid') ?? ''
      })
      if (id) reached.add(id)
    }
    expect([...reached]).toEqual(expect.arrayContaining(['drill-child', 'filter-units']))
  })
})
