#!/usr/bin/env node
/**
 * npm run bench -- --attach [--files a.duckdb,b.duckdb] [--repeat 3] [--interactions 20] [--no-build]
 *
 * The browser part of issue 20: a published database (npm run summarise) opened with `?db=`, read by range.
 * Per file, in fresh browsers: attach → first overview drawn, bytes of the file fetched for it, filter → redraw
 * p50/p95 (new filters, query cache emptied), bytes after the filters, renderer peak. Default file: the 50k
 * province of bench/summarise.mjs (bench/tmp/province-50000.duckdb). Results: bench/results/attach-<date>.json
 * and the table between the attach-results markers of bench/README.md. Benchmarks are not tests.
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { basename, join, relative, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { startServer } from './server.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt }
const dataDir = join(ROOT, 'bench', 'tmp')
const files = opt('files', join(dataDir, 'province-50000.duckdb')).split(',').map((f) => resolve(f))
const repeat = Number(opt('repeat', '3'))
const interactions = Number(opt('interactions', '20'))
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1']
for (const f of files) if (!f.startsWith(dataDir + '/') || !existsSync(f)) throw new Error(`${f}: must exist under bench/tmp (npm run bench -- --summarise writes province-50000.duckdb)`)

const distDir = join(dataDir, 'dist')
if (!args.includes('--no-build') || !existsSync(distDir)) execSync(`npx vite build --outDir ${distDir} --emptyOutDir`, { cwd: ROOT, stdio: 'inherit' })
const server = await startServer({ '/app/': distDir, '/data/': dataDir })

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] }
const median = (xs) => pct(xs, 50)

async function rendererPeakMb(cdp) {
  let peak = 0
  for (const p of (await cdp.send('SystemInfo.getProcessInfo')).processInfo) {
    if (p.type !== 'renderer') continue
    try { const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8')); if (m) peak = Math.max(peak, Number(m[1]) / 1024) } catch { /* gone */ }
  }
  return peak
}

async function run(file) {
  const rel = relative(dataDir, file)
  const served = `/data/${rel}`
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    const cdp = await browser.newBrowserCDPSession()
    const before = server.bytes(served)
    const t0 = Date.now()
    // The app lives under /app/: the file is ../data/<rel> on the same origin.
    await page.goto(`${server.url}/app/?db=${encodeURIComponent(`../data/${rel}`)}#/`)
    await page.waitForSelector('[data-state="ready"] [data-kpi="reports"], [data-state="error"]', { timeout: 600_000 })
    if (await page.$('[data-state="error"]')) throw new Error(`${rel}: ${(await page.textContent('[data-state]'))?.slice(0, 300)}`)
    const firstMs = Date.now() - t0
    const firstBytes = server.bytes(served) - before
    const years = (await page.evaluate(() => window.__dashboard.query('SELECT DISTINCT year FROM summary ORDER BY year'))).map((r) => Number(r.year))
    const units = (await page.evaluate(() => window.__dashboard.query('SELECT unit_code FROM units WHERE parent_code IS NULL LIMIT 5'))).map((r) => String(r.unit_code))
    const filterAt = (i) => (i % 3 === 0 ? {} : i % 3 === 1 ? { yearFrom: years[i % years.length], yearTo: years.at(-1) } : { unitCodes: [units[i % units.length]] })
    const filterMs = []
    for (let i = 0; i < interactions; i++) filterMs.push(await page.evaluate((ff) => window.__dashboard.timeFilters(ff, true), filterAt(i)))
    return { firstMs, firstBytes, afterFiltersBytes: server.bytes(served) - before, filterP50: pct(filterMs, 50), filterP95: pct(filterMs, 95), rendererPeakMb: await rendererPeakMb(cdp) }
  } finally { await browser.close() }
}

const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, memGb: Math.round(totalmem() / 2 ** 30) }, files: {} }
for (const f of files) {
  const runs = []
  for (let r = 0; r < repeat; r++) { runs.push(await run(f)); console.log(basename(f), JSON.stringify(runs.at(-1))) }
  results.files[basename(f)] = { mb: statSync(f).size / 2 ** 20, ...Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((x) => x[k]))])), runs }
}
await server.close()

mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
writeFileSync(join(ROOT, 'bench', 'results', `attach-${results.date.slice(0, 10)}.json`), JSON.stringify(results, null, 2))
const mb = (b) => (b / 2 ** 20).toFixed(1)
const table = [
  `Run ${results.date}, ${results.machine.cpus} cores; medians of ${repeat} fresh browsers; \`?db=\` read by range (bench/attach.mjs).`,
  '',
  '| file | size | attach → first overview | fetched for it | filter → redraw p50 / p95 | fetched after filters | renderer peak |',
  '|---|---|---|---|---|---|---|',
  ...Object.entries(results.files).map(([n, s]) => `| ${n} | ${s.mb.toFixed(1)} MB | ${Math.round(s.firstMs)} ms | ${mb(s.firstBytes)} MB (${(100 * s.firstBytes / 2 ** 20 / s.mb).toFixed(1)} %) | ${Math.round(s.filterP50)} / ${Math.round(s.filterP95)} ms | ${mb(s.afterFiltersBytes)} MB | ${s.rendererPeakMb.toFixed(0)} MB |`),
].join('\n')
console.log('\n' + table)
const readme = join(ROOT, 'bench', 'README.md')
const prev = readFileSync(readme, 'utf8')
const [open, close] = ['<!-- attach-results -->', '<!-- /attach-results -->']
const block = `${open}\n${table}\n${close}`
// Before run.mjs's `<!-- results -->` tail (which it rewrites), like the summariser's block.
writeFileSync(readme, prev.includes(open) ? prev.slice(0, prev.indexOf(open)) + block + prev.slice(prev.indexOf(close) + close.length)
  : prev.replace('<!-- results -->', `${block}\n\n<!-- results -->`))
