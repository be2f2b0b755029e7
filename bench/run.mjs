#!/usr/bin/env node
/**
 * npm run bench — province-scale benchmark in headless Debian Chromium.
 *
 *   node bench/run.mjs [--sizes 1000,10000,50000] [--repeat 3] [--no-build] [--interactions 30] [--no-summarise] [--base REF|none]
 *   node bench/run.mjs --summarise | --national [--jobs 2] [--threads 1]   (only the native summariser, bench/summarise.mjs)
 *   node bench/run.mjs --attach [--files bench/tmp/x.duckdb,…]   (only a published database opened by ?db=, bench/attach.mjs)
 *
 * `--base` (default 4f49170, the commit issue 19 measured): that commit is built too (git archive into bench/tmp,
 * this checkout's node_modules) and every figure is measured for both builds in the same run, old beside new.
 * For each size: generates a bundle (scripts/lib/generate.mjs, fixed seed), then in fresh browsers
 * measures cold start, the app's load at two moments (file input → the overview's figures drawn from the committed
 * data while the checks run; → ready: validated, findings computed, overview charted) and, in the same browser, DuckDB-WASM's bare read_csv of the same files (the floor),
 * filter → redraw latency, and peak renderer memory. Medians and spread go to
 * bench/results/<date>.json and the table in bench/README.md. Benchmarks are not tests.
 */
import { execSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { generateBundle } from '../scripts/lib/generate.mjs'
import { startServer } from './server.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt }
const sizes = opt('sizes', '1000,10000,50000').split(',').map(Number)
const repeat = Number(opt('repeat', '3'))
const interactions = Number(opt('interactions', '30'))
// A supervisor picks files in the file dialog: the timed loads start this long after the page is ready (or once the
// page's warm-up after start-up has ended, if later: src/db/warmup.ts), for every build alike.
const pickMs = Number(opt('pick', '3000'))
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1']

// The native summariser's part (bench/summarise.mjs): alone with --summarise/--national, after the browser part otherwise.
const SUM_ARGS = ['--national', '--national-reports', '--provinces', '--jobs', '--threads']
const sumArgs = args.flatMap((a, i) => (SUM_ARGS.includes(a) ? [a, ...(a === '--national' ? [] : [args[i + 1]])] : []))
const runSummarise = () => new Promise((ok) => spawn(process.execPath, [join(ROOT, 'bench/summarise.mjs'), ...sumArgs], { stdio: 'inherit' }).on('exit', ok))
if (args.includes('--summarise') || args.includes('--national')) process.exit(await runSummarise())
// The published-database part (bench/attach.mjs): alone with --attach [--files a.duckdb,…].
if (args.includes('--attach')) {
  const rest = args.filter((a) => a !== '--attach')
  process.exit(await new Promise((ok) => spawn(process.execPath, [join(ROOT, 'bench/attach.mjs'), ...rest], { stdio: 'inherit' }).on('exit', ok)))
}

const dataDir = join(ROOT, 'bench', 'tmp')
mkdirSync(dataDir, { recursive: true })
// Its own build folder, so that a bench never races a test run over dist/.
const distDir = join(dataDir, 'dist')
if (!args.includes('--no-build') || !existsSync(distDir)) execSync(`npx vite build --outDir ${distDir} --emptyOutDir`, { cwd: ROOT, stdio: 'inherit' })
const baseRef = opt('base', '4f49170')
/** The base commit built from its own sources (git archive), with this checkout's node_modules. */
function buildBase(ref) {
  const out = join(dataDir, `dist-base-${ref.replace(/[^\w.-]/g, '_')}`)
  if (args.includes('--no-build') && existsSync(out)) return out
  // outside the checkout: its .ts files must not join this one's type check
  const src = join(tmpdir(), 'gdd-bench-base-src')
  rmSync(src, { recursive: true, force: true })
  mkdirSync(src, { recursive: true })
  execSync(`git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(src)}`, { cwd: ROOT, shell: '/bin/bash', stdio: 'inherit' })
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'))
  execSync(`npx vite build --outDir ${out} --emptyOutDir`, { cwd: src, stdio: 'inherit' })
  return out
}
const baseDist = baseRef && baseRef !== 'none' ? buildBase(baseRef) : null
const server = await startServer({ '/app/': distDir, '/data/': dataDir, ...(baseDist ? { '/base/': baseDist } : {}) })
/** The builds measured, old first: every figure is taken for each in this one run. */
const BUILDS = [...(baseDist ? [['old', `${server.url}/base/`]] : []), ['new', `${server.url}/app/`]]
// The same builds served as a real deployment serves them (cacheable assets), for the returning visit only.
const cachingServer = await startServer({ '/app/': distDir, '/data/': dataDir, ...(baseDist ? { '/base/': baseDist } : {}) }, { cacheAssets: true })
const cachedApp = (app) => app.replace(server.url, cachingServer.url)

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] }
const spread = (xs) => (xs.length > 1 ? (Math.max(...xs) - Math.min(...xs)) / median(xs) : 0)
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), spread: spread(xs), runs: xs })

async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS })
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  const cdp = await browser.newBrowserCDPSession()
  return { browser, page, cdp }
}

/** Peak resident memory (VmHWM) of the renderer processes, in MB. */
async function rendererPeakMb(cdp) {
  const info = await cdp.send('SystemInfo.getProcessInfo')
  let peak = 0
  for (const p of info.processInfo) {
    if (p.type !== 'renderer') continue
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))
      if (m) peak = Math.max(peak, Number(m[1]) / 1024)
    } catch { /* process gone */ }
  }
  return peak
}

async function jsHeapMb(page) {
  const s = await page.context().newCDPSession(page)
  await s.send('Performance.enable')
  const { metrics } = await s.send('Performance.getMetrics')
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20
}

const ready = (page, timeout = 600_000) => page.waitForSelector('[data-state="ready"]', { timeout })
/**
 * The Overview painted with `n` reports (0: any): from saved answers before DuckDB is up (`data-painted`, issue 19) or
 * live; a build without that mark counts ready (when its charts are drawn).
 */
const painted = (page, n) => page.waitForFunction((k) => {
  const r = Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports'))
  const mark = document.querySelector('[data-painted]')?.getAttribute('data-painted')
  return (k ? r === k : r > 0) && (mark === 'saved' || mark === 'live' || document.querySelector('[data-state="ready"]'))
}, n, { timeout: 600_000, polling: 20 })

/** The page's warm-up after start-up (src/db/warmup.ts) has ended; at once for a build without one. */
const warmUpEnded = (page) => page.waitForFunction(() => !['running', null].includes(window.__dashboard.warmedUp?.() ?? 'none'), null,
  { timeout: 60_000, polling: 50 })

async function coldStart(app) {
  const { browser, page } = await launch()
  try {
    const t0 = Date.now()
    await page.goto(`${app}#/?nosample=1`)
    await page.waitForSelector('[data-state]')
    const interactive = Date.now() - t0
    await ready(page)
    const dbReady = Date.now() - t0
    // this page's warm-up after start-up (src/db/warmup.ts) would share the CPU with the next page's start
    await warmUpEnded(page)
    const page2 = await browser.newPage()
    const t1 = Date.now()
    await page2.goto(app)
    const [samplePainted, sampleCharted] = await Promise.all([painted(page2, 0).then(() => Date.now() - t1), page2.waitForFunction(() => Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports')) > 0 &&
      document.querySelector('[data-state="ready"]'), null, { timeout: 600_000 }).then(() => Date.now() - t1)])
    return { interactive, dbReady, sampleCharted, samplePainted }
  } finally { await browser.close() }
}

/**
 * The bundle of `size` reports put in the file input of a ready page, timed at two moments (issue 19): the figures
 * drawn from the committed data while the checks still run (`data-charted`; a build without that mark draws them
 * when ready), then ready with the findings in.
 */
async function timedLoad(page, size, files, pick = pickMs) {
  if (pick > 0) {
    await page.waitForTimeout(pick)
    await warmUpEnded(page)
  }
  const t0 = Date.now()
  const chartedAt = page.waitForFunction((n) => Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports')) === n &&
    document.querySelector('[data-charted="true"], [data-state="ready"]'), size, { timeout: 1_800_000, polling: 50 }).then(() => Date.now() - t0)
  await page.setInputFiles('[data-testid="bundle-input"]', files.map((f) => join(dataDir, String(size), f)))
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports')) === n &&
    document.querySelector('[data-state="ready"]'), size, { timeout: 1_800_000, polling: 50 })
  return { load: Date.now() - t0, charted: await chartedAt }
}

async function loadRun(app, size, files, pick = pickMs) {
  const { browser, page, cdp } = await launch()
  try {
    await page.goto(`${app}#/?nosample=1`)
    await ready(page)
    const { load, charted } = await timedLoad(page, size, files, pick)
    if (pick === 0) return { load, charted }
    const heap = await jsHeapMb(page)
    // DuckDB's own memory (the wasm heap's buffer manager), apart from the JS heap
    // rows in all tables (the saved database is kept up to src/db/snapshot.ts KEEP_MAX_ROWS)
    const dbRows = await page.evaluate(async () => Number((await window.__dashboard.query(
      'SELECT sum(estimated_size)::DOUBLE AS n FROM duckdb_tables()'))[0]?.n ?? 0)).catch(() => NaN)
    const duckdbMb = await page.evaluate(async () => Number((await window.__dashboard.query(
      'SELECT (sum(memory_usage_bytes) / 1048576)::DOUBLE AS mb FROM duckdb_memory()'))[0]?.mb ?? 0)).catch(() => NaN)
    // the app's own peak, before the floor starts a second DuckDB engine in the same renderer
    const appPeak = await rendererPeakMb(cdp)
    const floor = await page.evaluate((urls) => window.__dashboard.benchFloor(urls), files.map((f) => `/data/${size}/${f}`))
    // Interaction: filter changes over years and top-level units, each until every chart query answered.
    const { years, units, drills } = await page.evaluate(async () => ({
      years: (await window.__dashboard.query('SELECT DISTINCT year FROM summary ORDER BY year')).map((r) => Number(r.year)),
      units: (await window.__dashboard.query('SELECT unit_code FROM units WHERE parent_code IS NULL OR parent_code NOT IN (SELECT unit_code FROM units) LIMIT 5')).map((r) => String(r.unit_code)),
      // second-level units with children (cities of the province): a drill from the top
      drills: (await window.__dashboard.query(`SELECT u.unit_code FROM units u WHERE u.parent_code IN (SELECT unit_code FROM units WHERE parent_code IS NULL)
        AND EXISTS (SELECT 1 FROM units c WHERE c.parent_code = u.unit_code) ORDER BY u.unit_code LIMIT 5`)).map((r) => String(r.unit_code)),
    }))
    // Each sequence twice: with the query cache emptied before every change (filters never seen before), then kept
    // (the sequence repeats filters, so most changes answer from memory).
    const filterAt = (i) => {
      const a = years[i % years.length]
      return i % 3 === 0 ? {} : i % 3 === 1 ? { yearFrom: a, yearTo: years[years.length - 1] } : { unitCodes: [units[i % units.length]] }
    }
    const filterMs = []
    for (let i = 0; i < interactions; i++) filterMs.push(await page.evaluate((ff) => window.__dashboard.timeFilters(ff, true), filterAt(i)))
    const warmMs = []
    for (let i = 0; i < interactions; i++) warmMs.push(await page.evaluate((ff) => window.__dashboard.timeFilters(ff, false), filterAt(i)))
    // Drill-down from the top to a unit with children and back; view switches over the analysis views.
    const drillMs = []
    for (let i = 0; i < 10; i++) {
      const f = i % 2 === 0 && drills.length ? { drill: drills[(i >> 1) % drills.length] } : {}
      drillMs.push(await page.evaluate((ff) => window.__dashboard.timeFilters(ff, true), f))
    }
    const viewMs = []
    const views = [['#/active', 'view-active'], ['#/applications', 'view-applications'], ['#/reviews', 'view-reviews'], ['#/', 'view-overview']]
    for (let i = 0; i < 8; i++) viewMs.push(await page.evaluate(([h, id]) => window.__dashboard.timeView(h, id), views[i % views.length]))
    return {
      load, charted, floor, ratio: load / floor, chartedRatio: charted / floor, filterP50: pct(filterMs, 50), filterP95: pct(filterMs, 95), warmP50: pct(warmMs, 50), warmP95: pct(warmMs, 95),
      drillP50: pct(drillMs, 50), drillP95: pct(drillMs, 95), viewP50: pct(viewMs, 50), viewP95: pct(viewMs, 95),
      heapMb: heap, duckdbMb, dbRows, appPeakMb: appPeak, rendererPeakMb: await rendererPeakMb(cdp),
    }
  } finally { await browser.close() }
}

/**
 * A returning supervisor (another day): a first browser on a profile loads the bundle, the origin's storage is cleared
 * (no saved data; the HTTP cache is kept: the app's files and V8's compiled wasm) and the browser is closed; a new
 * browser on the same profile times the same load. A new browser, not a new tab: a tab may share the first one's
 * renderer process, whose compiled modules are reused in memory whatever the disk cache holds.
 */
async function returningRun(app, size, files) {
  const profile = mkdtempSync(join(tmpdir(), 'gdd-bench-returning-'))
  const origin = new URL(app).origin
  try {
    let timed = null
    for (let visit = 0; visit < 2; visit++) {
      const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1440, height: 1000 } })
      try {
        const page = ctx.pages()[0] ?? await ctx.newPage()
        await page.goto(`${app}#/?nosample=1`)
        await ready(page)
        timed = await timedLoad(page, size, files)
        // V8 writes a module's compiled code to the cache a while after it was optimised
        await page.waitForTimeout(3000)
        const cdp = await ctx.newCDPSession(page)
        await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb,local_storage,file_systems,cache_storage,service_workers' })
      } finally { await ctx.close() }
    }
    return timed
  } finally { rmSync(profile, { recursive: true, force: true }) }
}

/** Saved data of 46 reports (a real county's year): load it in a profile, then time a reload → charts. */
const RELOAD_REPORTS = 46
const reloadDir = join(dataDir, 'reload46')
rmSync(reloadDir, { recursive: true, force: true })
mkdirSync(reloadDir, { recursive: true })
const reloadBundle = generateBundle({ reports: RELOAD_REPORTS, years: [2021, 2023], seed: 'bench-reload' })
const reloadFiles = Object.keys(reloadBundle.files).filter((n) => n.endsWith('.csv'))
for (const n of reloadFiles) writeFileSync(join(reloadDir, n), reloadBundle.files[n])
const reloadN = reloadBundle.manifest.counts.reports

const charted = (page, n) => page.waitForFunction((k) => Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports')) === k &&
  document.querySelector('[data-state="ready"]'), n, { timeout: 600_000, polling: 50 })

async function reloadRun(app) {
  const profile = mkdtempSync(join(tmpdir(), 'gdd-bench-reload-'))
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1440, height: 1000 } })
  try {
    const page = ctx.pages()[0] ?? await ctx.newPage()
    await page.goto(`${app}#/?nosample=1`)
    await ready(page)
    await page.setInputFiles('[data-testid="bundle-input"]', reloadFiles.map((f) => join(reloadDir, f)))
    await charted(page, reloadN)
    await page.waitForSelector('[data-saving="false"]', { timeout: 600_000 })
    await page.goto(`${app}#/`)
    await page.waitForTimeout(2000) // the figures' answers are kept a second after they answered
    const t0 = Date.now()
    await page.reload()
    const [shown, ms] = await Promise.all([painted(page, reloadN).then(() => Date.now() - t0), charted(page, reloadN).then(() => Date.now() - t0)])
    // where it went (new build only): DuckDB's start, and reopening the saved database
    const parts = await page.evaluate(() => ({ from: window.__dashboard.restoredFrom?.() ?? null, reopenMs: window.__dashboard.reopenMs?.() ?? null }))
    console.log('reload', app, ms, 'ms', 'painted', shown, 'ms', JSON.stringify(parts))
    return { ms, painted: shown }
  } finally { await ctx.close(); rmSync(profile, { recursive: true, force: true }) }
}

const results = { date: new Date().toISOString(), base: baseDist ? baseRef : null, pickMs, machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), chromium: execSync(`${CHROMIUM} --version`).toString().trim() }, builds: {} }
for (const [label, app] of BUILDS) {
  const cold = []
  for (let r = 0; r < repeat; r++) cold.push(await coldStart(app))
  const reloads = []
  // a reload as from a real server: the app's files (and V8's compiled wasm) come from the browser's cache
  for (let r = 0; r < repeat; r++) reloads.push(await reloadRun(cachedApp(app)))
  results.builds[label] = {
    coldStart: Object.fromEntries(['interactive', 'dbReady', 'sampleCharted', 'samplePainted'].map((k) => [k, stat(cold.map((c) => c[k]))])),
    reload46: stat(reloads.map((r) => r.ms)),
    reload46Painted: stat(reloads.map((r) => r.painted)),
    sizes: {},
  }
  console.log(label, 'cold start', JSON.stringify(results.builds[label].coldStart, (k, v) => (k === 'runs' ? undefined : v)), 'reload 46', JSON.stringify(reloads))
}

for (const size of sizes) {
  const out = join(dataDir, String(size))
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const bundle = generateBundle({ reports: size, years: [2019, 2024], seed: 'bench' })
  const names = Object.keys(bundle.files).filter((n) => n.endsWith('.csv'))
  let bytes = 0
  for (const n of names) { writeFileSync(join(out, n), bundle.files[n]); bytes += Buffer.byteLength(bundle.files[n]) }
  for (const [label, app] of BUILDS) {
    const runs = []
    for (let r = 0; r < (size >= 50000 ? Math.min(repeat, 2) : repeat); r++) {
      runs.push(await loadRun(app, size, names))
      console.log(label, size, JSON.stringify(runs.at(-1)))
    }
    results.builds[label].sizes[size] = { mb: bytes / 2 ** 20, ...Object.fromEntries(Object.keys(runs[0]).map((k) => [k, stat(runs.map((x) => x[k]))])) }
    if (size === sizes[0]) {
      // the files put the moment the page is ready (a warm-up, if any, is stopped by them)
      const now = []
      for (let r = 0; r < repeat; r++) now.push(await loadRun(app, size, names, 0))
      console.log(label, size, 'immediate', JSON.stringify(now))
      results.builds[label].sizes[size].immediate = { load: stat(now.map((x) => x.load)), charted: stat(now.map((x) => x.charted)) }
      const back = []
      for (let r = 0; r < repeat; r++) back.push(await returningRun(cachedApp(app), size, names))
      console.log(label, size, 'returning', JSON.stringify(back))
      results.builds[label].sizes[size].returning = { load: stat(back.map((x) => x.load)), charted: stat(back.map((x) => x.charted)) }
    }
  }
}
await server.close()
await cachingServer.close()

mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
// a second run on the same day gets its own file (-2, -3…): results are never overwritten
const resultsFile = (n) => join(ROOT, 'bench', 'results', `${results.date.slice(0, 10)}${n > 1 ? `-${n}` : ''}.json`)
let runNo = 1
while (existsSync(resultsFile(runNo))) runNo++
const file = resultsFile(runNo)
writeFileSync(file, JSON.stringify(results, null, 2))
const f0 = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–')
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`
/** "old → new" when the base was measured, else the new figure. */
const both = (get, fmt) => BUILDS.map(([label]) => { try { return fmt(get(results.builds[label])) } catch { return '–' } }).join(' → ')
const lines = []
for (const size of sizes) {
  const at = (b) => b.sizes[size]
  lines.push(`| ${size.toLocaleString('en')}-report load → ready, findings in, vs bare read_csv (floor) | ${both((b) => at(b), (s) => `${sec(s.load.median)} vs ${sec(s.floor.median)}, **${s.ratio.median.toFixed(1)}×**`)} | ${size >= 50000 ? '≤ 1.3×' : size >= 10000 ? '≤ 1.3×–3×' : '≤ 3×'} |`)
  lines.push(`| ${size.toLocaleString('en')}-report load → figures drawn (findings still checking) vs floor | ${both((b) => at(b), (s) => `${sec((s.charted ?? s.load).median)} vs ${sec(s.floor.median)}, **${(s.chartedRatio ?? s.ratio).median.toFixed(1)}×**`)} | ${size >= 50000 ? '≤ 1.3×' : size >= 10000 ? '≤ 1.3×–3×' : '≤ 3×'} |`)
  if (size === sizes[0]) {
    lines.push(`| ${size.toLocaleString('en')}-report load, files put the moment the page is ready → ready / drawn vs floor | ${both((b) => at(b), (s) => `${sec(s.immediate.load.median)} / ${sec(s.immediate.charted.median)}, **${(s.immediate.load.median / s.floor.median).toFixed(1)}× / ${(s.immediate.charted.median / s.floor.median).toFixed(1)}×**`)} | ≤ 3× |`)
    lines.push(`| returning visit (browser restarted, no saved data), ${size.toLocaleString('en')}-report load → ready / drawn vs floor | ${both((b) => at(b), (s) => `${sec(s.returning.load.median)} / ${sec(s.returning.charted.median)}, **${(s.returning.load.median / s.floor.median).toFixed(1)}× / ${(s.returning.charted.median / s.floor.median).toFixed(1)}×**`)} | ≤ 3× |`)
  }
  lines.push(`| filter → every chart redrawn, ${size.toLocaleString('en')}, p95 (new filters) | ${both((b) => at(b).filterP95.median, (x) => `${f0(x)} ms`)} | ≤ 100 ms |`)
  lines.push(`| renderer peak after the ${size.toLocaleString('en')} load (DuckDB / JS heap) | ${both((b) => at(b), (s) => `${f0(s.appPeakMb.median)} MB (${f0(s.duckdbMb.median)} / ${f0(s.heapMb.median)} MB)`)} | ≤ 1.0 GB |`)
}
lines.push(`| first visit → the sample's charts | ${both((b) => b.coldStart.sampleCharted.median, sec)} | ≤ 4 s |`)
lines.push(`| reload with ${reloadN} reports saved → charts | ${both((b) => b.reload46.median, sec)} | ≤ 1.5 s |`)
// painted from saved answers before DuckDB is up (issue 19); "charts" above is the live data ready
lines.push(`| first visit → the sample's charts painted (shipped answers) | ${both((b) => b.coldStart.samplePainted.median, sec)} | ≤ 4 s |`)
lines.push(`| reload with ${reloadN} reports saved → charts painted (saved answers) | ${both((b) => b.reload46Painted.median, sec)} | ≤ 1.5 s |`)
const table = [
  `Run ${results.date} on ${results.machine.cpus} cores (${results.machine.cpu}), ${results.machine.memGb} GB, ${results.machine.chromium}; medians of ${repeat} fresh browsers (50k: ≤ 2)${baseDist ? `; old = ${baseRef}, new = this checkout, both measured in this run` : ''}; files put ${pickMs / 1000} s after the page is ready (once its warm-up ended, if later) unless said.`,
  '',
  `| | ${baseDist ? 'old → new' : 'now'} | target |`,
  '|---|---|---|',
  ...lines,
  '',
  `Cold start (new): UI interactive ${f0(results.builds.new.coldStart.interactive.median)} ms · DuckDB ready ${f0(results.builds.new.coldStart.dbReady.median)} ms.`,
].join('\n')
console.log('\n' + table)
const readme = join(ROOT, 'bench', 'README.md')
const prev = existsSync(readme) ? readFileSync(readme, 'utf8') : ''
const marker = '<!-- results -->'
writeFileSync(readme, (prev.includes(marker) ? prev.slice(0, prev.indexOf(marker)) : prev) + `${marker}\n${table}\n`)
console.log(`\nresults: ${file}`)
if (!args.includes('--no-summarise')) await runSummarise()
