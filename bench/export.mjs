#!/usr/bin/env node
/**
 * Export benchmark (not a test): on the sample bundle in Debian's Chromium, time per chart PNG at
 * 1×/2×/3×, SVG, CSV and xlsx, and a 10-chart briefing pack → PPTX, from the click on the menu item
 * to the file being handed to the browser (in-page: the click event → the download link's click),
 * and to playwright's download event. Medians of several runs; the first (cold) run is reported too.
 *
 *   node bench/export.mjs [--dist DIR] [--no-build] [--runs 5] [--pack-runs 3] [--charts a,b] [--profile]
 *                         [--json FILE --no-readme] [--baseline FILE]
 *
 * Without --dist it builds into bench/tmp/dist-export (or reuses it with --no-build); GDD_DIST works too.
 * Results: bench/results/export-<date>.json (or --json FILE) and the "Export" section of bench/README.md
 * (not with --no-readme). --baseline FILE: an earlier run's JSON (e.g. of another build, measured just
 * before on the same machine) shown as "before → after".
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { startServer } from './server.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt }
const runs = Number(opt('runs', '5'))
const packRuns = Number(opt('pack-runs', '3'))
const CHARTS = opt('charts', 'active-bars,active-heatmap,outcome-counts-unit,outcome-shares-year').split(',')
const PACK = ['active-bars', 'active-heatmap', 'outcome-shares-unit', 'outcome-counts-unit', 'outcome-shares-year']
const FORMATS = [
  ['PNG 1x', 'export-png-1x'], ['PNG 2x', 'export-png-2x'], ['PNG 3x', 'export-png-3x'],
  ['SVG', 'export-svg'], ['CSV', 'export-csv'], ['xlsx', 'export-xlsx'],
]
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1']

let distDir = opt('dist', process.env.GDD_DIST)
if (distDir) distDir = resolve(distDir)
else {
  distDir = join(ROOT, 'bench', 'tmp', 'dist-export')
  if (!args.includes('--no-build') || !existsSync(join(distDir, 'index.html'))) {
    execSync(`npx vite build --outDir ${distDir} --emptyOutDir`, { cwd: ROOT, stdio: 'inherit' })
  }
}
if (!existsSync(join(distDir, 'index.html'))) throw new Error(`no build in ${distDir}`)
const baseline = opt('baseline') ? JSON.parse(readFileSync(opt('baseline'), 'utf8')) : null

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const stat = (xs) => ({ median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)), runs: xs.map(Math.round) })

/** In the page: the time of the last trusted click, and of each download link's click (the file is ready). */
function instrument() {
  window.__bench = { click: 0, downloads: [] }
  document.addEventListener('click', (e) => { if (e.isTrusted) window.__bench.click = performance.now() }, true)
  const orig = HTMLAnchorElement.prototype.click
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) window.__bench.downloads.push({ at: performance.now(), name: this.download })
    return orig.call(this)
  }
}

const srv = await startServer({ '/app/': distDir })
const profile = mkdtempSync(join(tmpdir(), 'gdd-bench-export-'))
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, acceptDownloads: true,
  viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', args: FLAGS,
})
await ctx.addInitScript(instrument)
const page = ctx.pages()[0] ?? await ctx.newPage()
const errors = []
page.on('pageerror', (e) => errors.push(e.message))
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })

/** Click (via `click`), wait for the download; → { inPage, event, bytes }. */
async function timed(click) {
  const n0 = await page.evaluate(() => window.__bench.downloads.length)
  const t0 = performance.now()
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()])
  const event = performance.now() - t0
  const path = await d.path()
  const bytes = readFileSync(path).length
  const inPage = await page.evaluate((n) => {
    const b = window.__bench
    const last = b.downloads[b.downloads.length - 1]
    return b.downloads.length > n ? last.at - b.click : NaN
  }, n0)
  await d.delete().catch(() => {})
  return { inPage, event, bytes }
}

async function openMenu(id) {
  const panel = page.locator(`[data-chart-id="${id}"]`)
  await panel.scrollIntoViewIfNeeded()
  await panel.locator('[data-testid="export-menu"]').click()
  const item = page.locator(`[data-menu-for="${id}"] [data-testid="export-png-1x"]`)
  await item.waitFor({ state: 'visible' })
}

async function menuItem(id, item) {
  // success toasts of earlier exports may cover the menu: drop them
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((e) => e.remove()))
  await openMenu(id)
  // The dropdown's show animation: let it settle so the click lands on the item.
  await page.waitForTimeout(150)
  return page.locator(`[data-menu-for="${id}"] [data-testid="${item}"]`)
}

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), chromium: execSync(`${CHROMIUM} --version`).toString().trim() },
  dist: distDir, runs, packRuns, charts: {}, pack: null, errors,
}
try {
  await page.goto(`${srv.url}/app/#/`)
  await page.waitForSelector('[data-state="ready"] [data-testid="load-summary"]', { timeout: 180_000 })
  for (const id of PACK) await page.locator(`[data-chart-id="${id}"] canvas`).first().waitFor({ timeout: 60_000 })
  await page.waitForTimeout(1000)

  for (const id of CHARTS) {
    results.charts[id] = {}
    for (const [label, item] of FORMATS) {
      const xs = []
      let first = null
      let bytes = 0
      for (let r = 0; r < runs; r++) {
        const el = await menuItem(id, item)
        const m = await timed(() => el.click({ timeout: 20_000 }))
        if (r === 0) first = m
        xs.push(m); bytes = m.bytes
        await page.waitForTimeout(100)
      }
      const row = { inPage: stat(xs.map((x) => x.inPage)), event: stat(xs.map((x) => x.event)), first: Math.round(first.inPage), bytes }
      results.charts[id][label] = row
      console.log(`${id.padEnd(22)} ${label.padEnd(7)} median ${String(row.inPage.median).padStart(5)} ms in page (download event ${row.event.median} ms; first ${row.first} ms; runs ${row.inPage.runs.join('/')}) ${(bytes / 1024).toFixed(0)} KiB`)
    }
  }

  // 10-chart pack: the 5 overview charts twice.
  const packXs = []
  for (let r = 0; r < packRuns; r++) {
    await page.goto(`${srv.url}/app/#/`)
    await page.waitForSelector('[data-state="ready"] [data-testid="load-summary"]', { timeout: 180_000 })
    // an empty pack: the pack lives in memory too, so reload after clearing its storage
    await page.evaluate(() => localStorage.removeItem('gdd.briefingPack.v1'))
    await page.reload()
    await page.waitForSelector('[data-state="ready"] [data-testid="load-summary"]', { timeout: 180_000 })
    for (const id of PACK) await page.locator(`[data-chart-id="${id}"] canvas`).first().waitFor({ timeout: 60_000 })
    for (let k = 0; k < 2; k++) {
      for (const id of PACK) {
        const el = await menuItem(id, 'add-to-pack')
        await el.click()
      }
    }
    await page.goto(`${srv.url}/app/#/briefing`)
    try {
      await page.locator('[data-testid="pack-item"]').nth(9).waitFor({ timeout: 60_000 })
    } catch (e) {
      const shot = join(ROOT, 'bench', 'tmp', 'export-pack-failed.png')
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {})
      throw new Error(`the pack has ${await page.locator('[data-testid="pack-item"]').count()} items, not 10 (screenshot ${shot}): ${e}`)
    }
    if (args.includes('--profile') && r === packRuns - 1) {
      const cdp = await ctx.newCDPSession(page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
      const m = await timed(() => page.locator('[data-testid="export-pptx"]').click())
      const { profile: prof } = await cdp.send('Profiler.stop')
      mkdirSync(join(ROOT, 'bench', 'tmp', 'prof'), { recursive: true })
      writeFileSync(join(ROOT, 'bench', 'tmp', 'prof', 'pptx.cpuprofile'), JSON.stringify(prof))
      packXs.push(m)
    } else {
      packXs.push(await timed(() => page.locator('[data-testid="export-pptx"]').click()))
    }
    const phases = await page.evaluate(() => Object.fromEntries(['gdd:pptx-images', 'gdd:pptx-write'].map((n) => [n.slice(9), Math.round(performance.getEntriesByName(n).at(-1)?.duration ?? NaN)])))
    packXs.at(-1).phases = phases
    console.log(`10-chart PPTX run ${r + 1}: ${Math.round(packXs.at(-1).inPage)} ms in page (event ${Math.round(packXs.at(-1).event)} ms; images ${phases.images} ms, pptxgenjs write ${phases.write} ms) ${(packXs.at(-1).bytes / 1e6).toFixed(1)} MB`)
  }
  results.pack = { inPage: stat(packXs.map((x) => x.inPage)), event: stat(packXs.map((x) => x.event)), bytes: packXs.at(-1).bytes, phases: packXs.map((x) => x.phases) }
} finally {
  await ctx.close()
  rmSync(profile, { recursive: true, force: true })
  await srv.close()
}

if (errors.length) console.log('page errors:', errors.slice(0, 5))
if (baseline) results.baseline = { date: baseline.date, dist: baseline.dist, charts: baseline.charts, pack: baseline.pack }
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
const file = opt('json') ? resolve(opt('json')) : join(ROOT, 'bench', 'results', `export-${results.date.slice(0, 10)}.json`)
writeFileSync(file, JSON.stringify(results, null, 2))

// The "Export" section of bench/README.md (between its markers; the rest of the file is left alone).
const labels = FORMATS.map(([l]) => l)
const cell = (id, l) => {
  const now = results.charts[id][l].inPage.median
  const before = baseline?.charts?.[id]?.[l]?.inPage?.median
  return before != null ? `${before} → **${now}**` : `${now}`
}
const rows = Object.keys(results.charts).map((id) => `| ${id} | ${labels.map((l) => cell(id, l)).join(' | ')} |`)
const packLine = (p) => `**${p.inPage.median} ms** median of ${p.inPage.runs.length} (${p.inPage.runs.join(' / ')} ms), ${(p.bytes / 1e6).toFixed(1)} MB`
const table = [
  `Run ${results.date} on ${results.machine.cpus} cores (${results.machine.cpu}), ${results.machine.chromium.replace(/^.*?(Chromium [\d.]+).*$/s, '$1')}; sample bundle;`,
  `medians of ${runs} runs in ms, click on the menu item → file handed to the browser (measured in the page)${baseline ? `; "before → after": the build before this work, measured just before on the same machine (${baseline.date})` : ''}.`,
  '',
  `| chart | ${labels.join(' | ')} |`,
  `|---|${labels.map(() => '---:').join('|')}|`,
  ...rows,
  '',
  `10-chart briefing pack → PPTX (3× images): ${baseline?.pack ? `before ${packLine(baseline.pack)}; after ` : ''}${packLine(results.pack)}.`,
  `Targets: one chart < 300 ms, 10-chart pack < 5000 ms. JSON: \`bench/results/${file.split('/').pop()}\`.`,
].join('\n')
console.log('\n' + table)
if (!args.includes('--no-readme')) {
  const readme = join(ROOT, 'bench', 'README.md')
  const prev = existsSync(readme) ? readFileSync(readme, 'utf8') : ''
  const START = '<!-- export-results -->'
  const END = '<!-- /export-results -->'
  if (prev.includes(START) && prev.includes(END)) {
    writeFileSync(readme, prev.slice(0, prev.indexOf(START) + START.length) + '\n' + table + '\n' + prev.slice(prev.indexOf(END)))
  } else console.log(`bench/README.md has no ${START} … ${END} section: table not written there`)
}
console.log(`\nresults: ${file}`)
