#!/usr/bin/env node
/**
 * npm run bench — province-scale benchmark in headless Debian Chromium.
 *
 *   node bench/run.mjs [--sizes 1000,10000,50000] [--repeat 3] [--no-build] [--interactions 30] [--no-summarise]
 *   node bench/run.mjs --summarise | --national [--jobs 2] [--threads 1]   (only the native summariser, bench/summarise.mjs)
 *   node bench/run.mjs --attach [--files bench/tmp/x.duckdb,…]   (only a published database opened by ?db=, bench/attach.mjs)
 *
 * For each size: generates a bundle (scripts/lib/generate.mjs, fixed seed), then in fresh browsers
 * measures cold start, the app's full load (file input → validated, findings computed, overview
 * charted) and, in the same browser, DuckDB-WASM's bare read_csv of the same files (the floor),
 * filter → redraw latency, and peak renderer memory. Medians and spread go to
 * bench/results/<date>.json and the table in bench/README.md. Benchmarks are not tests.
 */
import { execSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
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
const server = await startServer({ '/app/': distDir, '/data/': dataDir })
const app = `${server.url}/app/`

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

async function coldStart() {
  const { browser, page } = await launch()
  try {
    const t0 = Date.now()
    await page.goto(`${app}#/?nosample=1`)
    await page.waitForSelector('[data-state]')
    const interactive = Date.now() - t0
    await ready(page)
    const dbReady = Date.now() - t0
    const page2 = await browser.newPage()
    const t1 = Date.now()
    await page2.goto(app)
    await page2.waitForFunction(() => Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports')) > 0 &&
      document.querySelector('[data-state="ready"]'), null, { timeout: 600_000 })
    return { interactive, dbReady, sampleCharted: Date.now() - t1 }
  } finally { await browser.close() }
}

async function loadRun(size, files) {
  const { browser, page, cdp } = await launch()
  try {
    await page.goto(`${app}#/?nosample=1`)
    await ready(page)
    const t0 = Date.now()
    await page.setInputFiles('[data-testid="bundle-input"]', files.map((f) => join(dataDir, String(size), f)))
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports')) === n &&
      document.querySelector('[data-state="ready"]'), size, { timeout: 1_800_000, polling: 50 })
    const load = Date.now() - t0
    const heap = await jsHeapMb(page)
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
      load, floor, ratio: load / floor, filterP50: pct(filterMs, 50), filterP95: pct(filterMs, 95), warmP50: pct(warmMs, 50), warmP95: pct(warmMs, 95),
      drillP50: pct(drillMs, 50), drillP95: pct(drillMs, 95), viewP50: pct(viewMs, 50), viewP95: pct(viewMs, 95),
      heapMb: heap, appPeakMb: appPeak, rendererPeakMb: await rendererPeakMb(cdp),
    }
  } finally { await browser.close() }
}

const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), chromium: execSync(`${CHROMIUM} --version`).toString().trim() }, coldStart: null, sizes: {} }
const cold = []
for (let r = 0; r < repeat; r++) cold.push(await coldStart())
results.coldStart = Object.fromEntries(['interactive', 'dbReady', 'sampleCharted'].map((k) => [k, stat(cold.map((c) => c[k]))]))
console.log('cold start', JSON.stringify(results.coldStart, (k, v) => (k === 'runs' ? undefined : v)))

for (const size of sizes) {
  const out = join(dataDir, String(size))
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const bundle = generateBundle({ reports: size, years: [2019, 2024], seed: 'bench' })
  const names = Object.keys(bundle.files).filter((n) => n.endsWith('.csv'))
  let bytes = 0
  for (const n of names) { writeFileSync(join(out, n), bundle.files[n]); bytes += Buffer.byteLength(bundle.files[n]) }
  const runs = []
  for (let r = 0; r < (size >= 50000 ? Math.min(repeat, 2) : repeat); r++) {
    runs.push(await loadRun(size, names))
    console.log(size, JSON.stringify(runs.at(-1)))
  }
  results.sizes[size] = { mb: bytes / 2 ** 20, ...Object.fromEntries(Object.keys(runs[0]).map((k) => [k, stat(runs.map((x) => x[k]))])) }
}
await server.close()

mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
const file = join(ROOT, 'bench', 'results', `${results.date.slice(0, 10)}.json`)
writeFileSync(file, JSON.stringify(results, null, 2))
const f0 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1))
const rows = Object.entries(results.sizes).map(([n, s]) =>
  `| ${n} | ${f0(s.mb)} MB | ${f0(s.load.median)} ms (±${(s.load.spread * 50).toFixed(0)} %) | ${f0(s.floor.median)} ms | **${s.ratio.median.toFixed(2)}×** | ${f0(s.filterP50.median)} / ${f0(s.filterP95.median)} ms | ${f0(s.warmP50.median)} / ${f0(s.warmP95.median)} ms | ${f0(s.drillP50.median)} / ${f0(s.drillP95.median)} ms | ${f0(s.viewP50.median)} / ${f0(s.viewP95.median)} ms | ${f0(s.appPeakMb.median)} MB (${f0(s.rendererPeakMb.median)} MB) | ${f0(s.heapMb.median)} MB |`)
const table = [
  `Run ${results.date} on ${results.machine.cpus} cores (${results.machine.cpu}), ${results.machine.memGb} GB, ${results.machine.chromium}; medians of ${repeat} fresh browsers (50k: ≤ 2).`,
  '',
  `Cold start: UI interactive ${f0(results.coldStart.interactive.median)} ms · DuckDB ready ${f0(results.coldStart.dbReady.median)} ms · sample charted ${f0(results.coldStart.sampleCharted.median)} ms`,
  '',
  '| reports | bundle | app load (validated + findings + charted) | bare read_csv floor | ratio | filter → redraw p50 / p95 (new filters) | same, filters seen before (query cache) | drill p50 / p95 | view switch p50 / p95 | renderer peak after load (after the floor and interactions) | JS heap |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n')
console.log('\n' + table)
const readme = join(ROOT, 'bench', 'README.md')
const prev = existsSync(readme) ? readFileSync(readme, 'utf8') : ''
const marker = '<!-- results -->'
writeFileSync(readme, (prev.includes(marker) ? prev.slice(0, prev.indexOf(marker)) : prev) + `${marker}\n${table}\n`)
console.log(`\nresults: ${file}`)
if (!args.includes('--no-summarise')) await runSummarise()
