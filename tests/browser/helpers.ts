/**
 * Shared helpers of the browser tests: launch Debian's Chromium through playwright-core (never a
 * downloaded browser), record every request of the page and its workers, and talk to the app
 * through its automation hooks (data-* attributes, window.__dashboard).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'

/**
 * How long a wait for an app state (ready, a load's report count, a chart's option) may take before it is a
 * failure: a bound against a hung page, not an estimate of the work, which on a busy 2-core CI machine can
 * take many times what it takes on a quiet one. Waits end as soon as the state is reached. Every bounded wait of
 * the browser tests uses it, and test/hook bounds are the project's (tests/unit/suite/wait-bounds.test.ts holds that).
 */
export const WORK_BOUND = 600_000

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags from docs/ARCHITECTURE.md: headless, no GPU, and no name resolves except 127.0.0.1. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  // WebAssembly by V8's baseline compiler only: every fresh page compiles DuckDB's code as it first runs, and the
  // optimising tier's background compiles cost more CPU than the tests' small data gives back (browser project
  // 1124 → 963 s). Behaviour is the same; speed is measured by the bench, without this flag.
  '--js-flags=--liftoff-only',
]

export interface RecordedRequest { url: string; from: 'page' | 'worker' | 'context'; method: string }

export interface Session {
  /** The throw-away profile folder (--user-data-dir): finds this browser's processes (tests/browser/renderer.ts). */
  profile: string
  context: BrowserContext
  page: Page
  /** Every request seen so far (page, its workers, service workers), in order. */
  requests: RecordedRequest[]
  /** Console errors and uncaught page errors, for diagnostics in failure messages. */
  errors: string[]
  /** Console log/info/debug lines of the page and its workers (the app writes none: tests/browser/privacy.test.ts). */
  logs: string[]
  close(): Promise<void>
}

export const baseUrl = (): string => inject('baseUrl')

/** App URL for a hash route, e.g. appUrl('/?nosample=1'). */
export function appUrl(hash = '/'): string {
  return `${baseUrl()}#${hash}`
}

/**
 * Debian's Chromium on a profile folder, as every browser test opens it (a persistent context is --user-data-dir).
 * `jsFlags`: V8's flags instead of the suite's baseline-compiler-only (a test of what the optimising tier does).
 */
export function launchProfile(profile: string, opts: { viewport?: { width: number; height: number }; motion?: boolean; jsFlags?: string } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: opts.jsFlags == null ? CHROMIUM_ARGS : [...CHROMIUM_ARGS.filter((a) => !a.startsWith('--js-flags=')), `--js-flags=${opts.jsFlags}`],
    acceptDownloads: true,
    viewport: opts.viewport ?? { width: 1440, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // As a supervisor with reduced motion set: no chart grow-in or spinner frames. Animated frames only repaint,
    // and in software rendering on 2 cores they took a third of a small load's time (`motion: true` keeps them).
    reducedMotion: opts.motion ? 'no-preference' : 'reduce',
  })
}

export interface SessionOptions {
  viewport?: { width: number; height: number }
  motion?: boolean
  /**
   * A Chromium of the session's own, closed with it: for a test that changes the browser itself (routes, permissions,
   * init scripts) or measures its processes. Without it, the session is a fresh tab in a browser kept across the run's
   * files (see openSession).
   */
  own?: boolean
}

/** Browsers kept across the files of the run (the project keeps one worker, isolate: false), one per viewport/motion. */
const kept = new Map<string, Promise<{ profile: string; context: BrowserContext }>>()
/** Kept browsers a session is open in: a second session at the same time (another user's browser) gets its own. */
const busy = new Set<string>()

function keptKey(opts: SessionOptions): string {
  return JSON.stringify([opts.viewport ?? null, Boolean(opts.motion)])
}

async function keptBrowser(key: string, opts: SessionOptions): Promise<{ profile: string; context: BrowserContext }> {
  let k = kept.get(key)
  if (!k) {
    k = (async () => {
      const profile = mkdtempSync(join(inject('keptProfiles'), 'chromium-'))
      const context = await launchProfile(profile, opts)
      context.on('close', () => { kept.delete(key); rmSync(profile, { recursive: true, force: true }) })
      return { profile, context }
    })()
    k.catch(() => kept.delete(key))
    kept.set(key, k)
  }
  return k
}

/**
 * A first visit in Chromium: a new tab on an origin with nothing stored. Requests are recorded at the context (covers
 * pages and service workers) and at each dedicated worker's own events, from the session's start to its close.
 *
 * The browser is kept for the next file's session (a launch and a close cost seconds of the two cores, and its HTTP
 * cache keeps the app's files): every storage of the app's origin is cleared first (freshStart), and closing the
 * session closes its tabs. `own: true` gives a browser and profile of the session's own instead.
 */
export async function openSession(opts: SessionOptions = {}): Promise<Session> {
  const key = keptKey(opts)
  const own = opts.own || busy.has(key)
  let profile: string
  let context: BrowserContext
  if (own) {
    profile = mkdtempSync(join(tmpdir(), 'gdd-chromium-'))
    context = await launchProfile(profile, opts)
  } else {
    busy.add(key)
    ;({ profile, context } = await keptBrowser(key, opts))
  }
  let live = true
  const requests: RecordedRequest[] = []
  const errors: string[] = []
  const logs: string[] = []
  const seen = new WeakSet<object>()
  const record = (from: RecordedRequest['from']) => (r: { url(): string; method(): string }) => {
    if (!live || seen.has(r)) return
    seen.add(r)
    requests.push({ url: r.url(), from, method: r.method() })
  }
  const onRequest = record('context')
  context.on('request', onRequest)
  const watchPage = (p: Page) => {
    p.on('request', record('page'))
    p.on('worker', (w) => {
      // The worker script itself; the worker's own fetches reach page/context 'request' in Chromium
      // (tests/browser/infra.test.ts holds that true).
      if (live) requests.push({ url: w.url(), from: 'worker', method: 'WORKER' })
    })
    // a dedicated worker's console reaches the page's 'console' event in Chromium
    p.on('console', (m) => {
      if (!live) return
      if (m.type() === 'error') errors.push(`console: ${m.text()}`)
      else if (['log', 'info', 'debug'].includes(m.type())) logs.push(m.text())
    })
    p.on('pageerror', (e) => { if (live) errors.push(`pageerror: ${e.message}`) })
  }
  context.on('page', watchPage)
  let page: Page
  if (own) {
    context.pages().forEach(watchPage)
    page = context.pages()[0] ?? (await context.newPage())
  } else {
    page = await context.newPage()
    for (const p of context.pages()) if (p !== page) await p.close()
    await clearOrigin(context, page)
  }
  return {
    profile,
    context,
    page,
    requests,
    errors,
    logs,
    close: async () => {
      if (!live) return
      live = false
      context.off('page', watchPage)
      context.off('request', onRequest)
      if (own) {
        await context.close().catch(() => {})
        rmSync(profile, { recursive: true, force: true })
        return
      }
      // its tabs closed (a blank one keeps the browser for the next file)
      const blank = await context.newPage().catch(() => null)
      for (const p of context.pages()) if (p !== blank) await p.close().catch(() => {})
      busy.delete(key)
    },
  }
}

/** Every storage of the app's origin emptied, as a new profile has none (IndexedDB, localStorage, caches, OPFS…). */
async function clearOrigin(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseUrl()).origin, storageTypes: 'all' })
  await cdp.detach()
}

/**
 * A first visit again in the same browser, for a test that needs no data of the tests before it but no new profile
 * either: the page is replaced by a new tab (its sessionStorage is the tab's), every storage of the app's origin is
 * cleared as a new profile has none (IndexedDB, localStorage, caches, service workers, OPFS), and the app opens at
 * `hash`. A new Chromium and profile cost a launch and a close on top of the page start; here the HTTP cache stays (the
 * .wasm is not fetched again). For a profile's own behaviour (restarts, files on disk) use a new profile.
 */
export async function freshStart(s: { context: BrowserContext; page: Page }, hash: string): Promise<void> {
  const page = await s.context.newPage()
  await s.page.close() // the app's connections to its storage close with it
  s.page = page
  await clearOrigin(s.context, page)
  await page.goto(appUrl(hash))
}

/** URLs that left 127.0.0.1 (data:, blob: and about: never touch the network). */
export function foreignRequests(requests: readonly RecordedRequest[]): string[] {
  return requests
    .map((r) => r.url)
    .filter((u) => {
      if (/^(data|blob|about|chrome-error):/.test(u)) return false
      try { return new URL(u).hostname !== '127.0.0.1' } catch { return true }
    })
}

const READY = '[data-state="ready"]'

/** Wait until the app root says ready (fails fast with the app's error state). */
export async function waitForReady(page: Page, timeout = WORK_BOUND): Promise<void> {
  await page.waitForSelector('[data-state="ready"], [data-state="error"]', { timeout })
  const state = await page.getAttribute('[data-state]', 'data-state')
  if (state === 'error') {
    const text = (await page.textContent('[data-state]'))?.slice(0, 500)
    throw new Error(`app is in the error state: ${text}`)
  }
}

export interface LoadSummary { reports: number; units: number; years: number; findings: number }

export async function readSummary(page: Page): Promise<LoadSummary> {
  const el = page.locator('[data-testid="load-summary"]').first()
  const get = async (a: string) => Number(await el.getAttribute(`data-${a}`))
  return { reports: await get('reports'), units: await get('units'), years: await get('years'), findings: await get('findings') }
}

/** Wait until the app is ready and the summary reports `reports` reports (a load finished). */
export async function waitForReports(page: Page, reports: number, timeout = WORK_BOUND): Promise<LoadSummary> {
  await page
    .waitForFunction(
      (n) => {
        const root = document.querySelector('[data-state]')
        const s = document.querySelector('[data-testid="load-summary"]')
        return root?.getAttribute('data-state') === 'ready' && s?.getAttribute('data-reports') === String(n)
      },
      reports,
      // checked in the page (no round trip) every 50 ms, not 250: each wait ended up to 250 ms after the state
      { timeout, polling: 50 },
    )
    // out of time: the state says why (the app's error, or another count); anything else (a bad call) is the failure
    .catch((e: unknown) => { if (!(e instanceof Error && e.name === 'TimeoutError')) throw e })
  await waitForReady(page, 5_000)
  return readSummary(page)
}

/** Give files to the bundle input, as if a supervisor had picked them. */
export async function uploadFiles(page: Page, files: Record<string, Uint8Array>, mimeType = 'text/csv'): Promise<void> {
  await page.setInputFiles(
    '[data-testid="bundle-input"]',
    Object.entries(files).map(([name, bytes]) => ({ name, mimeType, buffer: Buffer.from(bytes) })),
  )
}

/** The ECharts option of a chart, through the app's hook (functions are dropped in transit). */
export async function getOption<T = Record<string, unknown>>(page: Page, chartId: string): Promise<T> {
  return page.evaluate((id) => {
    const d = (window as unknown as { __dashboard?: { getOption(id: string): unknown } }).__dashboard
    if (!d) throw new Error('window.__dashboard is missing')
    return JSON.parse(JSON.stringify(d.getOption(id) ?? null))
  }, chartId) as Promise<T>
}

/** Run a read-only SQL query through the app's hook. Rows come back as plain objects. */
export async function query<T = Record<string, unknown>>(page: Page, sql: string): Promise<T[]> {
  return page.evaluate(async (q) => {
    const d = (window as unknown as { __dashboard?: { query(sql: string): Promise<unknown> } }).__dashboard
    if (!d) throw new Error('window.__dashboard is missing')
    const rows = await d.query(q)
    return JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)))
  }, sql) as Promise<T[]>
}

/**
 * Two animation frames of the page: what the last state change rendered is painted. For the visible tab only (a hidden
 * tab runs no frames); a state to wait for comes first, this is not a stand-in for one.
 */
export function twoFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))))
}

/** Wait until a chart's option is available and `check` accepts it. */
export async function waitForOption<T = Record<string, unknown>>(page: Page, chartId: string, check: (o: T) => boolean = () => true, timeout = WORK_BOUND): Promise<T> {
  const end = Date.now() + timeout
  let last: T | null = null
  for (;;) {
    last = await getOption<T>(page, chartId).catch(() => null)
    if (last && check(last)) return last
    if (Date.now() > end) throw new Error(`chart ${chartId}: option not ready after ${timeout} ms (last: ${JSON.stringify(last)?.slice(0, 300)})`)
    // every 50 ms, not 250 (as waitForReports): the check is Node's, so each try is a round trip for the option
    await page.waitForTimeout(50)
  }
}

/** The sample bundle as the app loads it: every data/sample/**\/reports.csv, in path order. */
export function sampleReportsCsv(): string[] {
  const root = new URL('../../data/sample/', import.meta.url)
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((d) => new URL(`${d}/reports.csv`, root))
    .filter((u) => existsSync(u))
    .map((u) => readFileSync(u, 'utf8'))
}

/** Chart ids of the dashboard contract. */
export const CHART_IDS = ['active-bars', 'active-heatmap', 'outcome-shares-unit', 'outcome-counts-unit', 'outcome-shares-year'] as const

/** The privacy promise: no request of the page or its workers went anywhere but 127.0.0.1. */
export function assertPrivate(session: Session): void {
  const foreign = foreignRequests(session.requests)
  if (foreign.length) throw new Error(`requests left 127.0.0.1:\n${foreign.join('\n')}`)
}
