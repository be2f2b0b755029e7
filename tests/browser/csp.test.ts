/**
 * The Content-Security-Policy of index.html forbids remote origins and inline script, and the app
 * still fully works under it: loading the sample, every route of the nav and a PNG export raise no
 * CSP violation (page or worker). A <script> arriving as text in a data cell never executes, and the
 * whole session's requests (page and workers) stay on 127.0.0.1.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { appUrl, assertPrivate, baseUrl, openSession, sampleReportsCsv, uploadFiles, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'
import { bundleFacts } from './bundle-facts'
import { hostileBundle, navHrefs } from './hostile-bundle'

let s: Session
const cspConsole: string[] = []
const isCsp = (t: string) => /Content Security Policy|Content-Security-Policy|violates/i.test(t)

beforeAll(async () => {
  s = await openSession()
  await s.page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
    })
  })
  s.page.on('console', (m) => { if (isCsp(m.text())) cspConsole.push(`page ${m.type()}: ${m.text()}`) })
  s.page.on('worker', (w) => w.on('console', (m) => { if (isCsp(m.text())) cspConsole.push(`worker ${m.type()}: ${m.text()}`) }))
})
afterAll(async () => { await s?.close() })

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? [])

/** The root of a nav route's view ('#/' is the overview; the drafted document's root is briefing-doc). */
function viewRoot(href: string): string {
  const name = href.replace(/^#\//, '').split('?')[0] || 'overview'
  return `[data-testid="${name === 'document' ? 'briefing-doc' : `view-${name}`}"]`
}

async function visitAll(page: Page): Promise<string[]> {
  const hrefs = await navHrefs(page)
  for (const href of hrefs) {
    await page.locator(`nav a[href="${href}"]`).first().click()
    // the route's view is drawn, its queries answered and every image loaded or failed (an <img onerror> of a data
    // cell has fired): the states an 800 ms sleep per route stood for
    await page.waitForSelector(viewRoot(href), { timeout: WORK_BOUND })
    await page.evaluate(() => window.__dashboard!.idle())
    await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: WORK_BOUND })
    await page.waitForSelector('[data-state="ready"], [data-state="error"]', { timeout: WORK_BOUND })
    expect(await page.getAttribute('[data-state]', 'data-state'), href).toBe('ready')
  }
  return hrefs
}

test('the served page carries the policy', async () => {
  const html = await (await fetch(baseUrl())).text()
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
  const dir = new Map(meta.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]))
  expect(dir.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
  expect(dir.get('object-src')).toEqual(["'none'"])
  expect(dir.get('base-uri')).toEqual(["'self'"])
  expect(dir.get('form-action')).toEqual(["'none'"])
  for (const k of ['default-src', 'connect-src', 'worker-src', 'img-src', 'style-src']) {
    expect(dir.get(k)?.[0], k).toBe("'self'")
    expect(dir.get(k)!.every((v) => /^'|^(blob|data):$/.test(v)), `${k}: no remote origins`).toBe(true)
  }
})

test('sample, every route and a PNG export: no CSP violation', async () => {
  const facts = bundleFacts(sampleReportsCsv())
  await s.page.goto(appUrl('/'))
  await waitForReports(s.page, facts.reportCount)
  const hrefs = await visitAll(s.page)
  expect(hrefs.length).toBeGreaterThan(0)
  await s.page.goto(appUrl('/'))
  await waitForReady(s.page)
  const panel = s.page.locator('[data-chart-id="active-heatmap"]')
  await panel.waitFor({ state: 'visible', timeout: WORK_BOUND })
  await Promise.all([s.page.waitForEvent('download', { timeout: WORK_BOUND }), panel.locator('[data-testid="export-png"]').click()])
  await s.page.waitForTimeout(500)
  expect(await violations(s.page)).toEqual([])
  expect(cspConsole).toEqual([])
})

test('a <script> in a data cell is text: it never runs', async () => {
  const b = hostileBundle('csp-script', ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=2">'])
  await uploadFiles(s.page, encodeFiles(b.files, 'utf8'))
  await waitForReports(s.page, b.reports)
  const header = s.page.locator('[data-testid="findings-panel"] .el-collapse-item__header').first()
  if (await header.count()) await header.click()
  await visitAll(s.page)
  expect(await s.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(await violations(s.page)).toEqual([])
})

test('the policy is enforced: an inline script added at run time is refused', async () => {
  const ran = await s.page.evaluate(async () => {
    const el = document.createElement('script')
    el.textContent = 'window.__inline = 1'
    document.body.appendChild(el)
    await new Promise((r) => setTimeout(r, 100))
    return (window as unknown as { __inline?: number }).__inline
  })
  expect(ran).toBeUndefined()
  expect((await violations(s.page)).some((v) => v.startsWith('script-src'))).toBe(true)
})

test('privacy: the whole session (load, every route, export, upload) requested only 127.0.0.1', () => {
  assertPrivate(s)
  expect(s.requests.some((r) => r.url.endsWith('.wasm'))).toBe(true)
  expect(s.requests.some((r) => r.from === 'worker')).toBe(true)
})
