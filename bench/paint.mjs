#!/usr/bin/env node
/**
 * First paint (issue 19): time to the Overview painted, for a first visit (the sample) and a reload with 46 reports
 * saved, each build in the same run (old → new, alternating), in headless Debian Chromium.
 *
 *   node bench/paint.mjs --new DIST [--old DIST] [--repeat 3]
 *
 * "painted" = the load summary says the reports are there and the Overview's figures are drawn: `data-painted` saved
 * or live (a build without that mark: data-state ready, which is when its charts are drawn). "ready" = data-state
 * ready (the engine and the data really ready). Prints one JSON line per run and the medians.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { generateBundle } from '../scripts/lib/generate.mjs'
import { startServer } from './server.mjs'

const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt }
const repeat = Number(opt('repeat', '3'))
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1']
const builds = [['old', opt('old', null)], ['new', opt('new', null)]].filter(([, d]) => d)
const server = await startServer(Object.fromEntries(builds.map(([l, d]) => [`/${l}/`, resolve(d)])))

const dataDir = mkdtempSync(join(tmpdir(), 'gdd-paint-data-'))
const bundle = generateBundle({ reports: 46, years: [2021, 2023], seed: 'bench-reload' })
const files = Object.keys(bundle.files).filter((n) => n.endsWith('.csv'))
mkdirSync(dataDir, { recursive: true })
for (const n of files) writeFileSync(join(dataDir, n), bundle.files[n])
const reports = bundle.manifest.counts.reports

/** ms from t0 until the Overview is painted and until ready (n: the load summary's report count; 0 = any). */
async function times(page, t0, n) {
  const at = (painted) => page.waitForFunction(([k, p]) => {
    const r = Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports'))
    const shown = ['saved', 'live'].includes(document.querySelector('[data-painted]')?.getAttribute('data-painted') ?? '')
    return (k ? r === k : r > 0) && ((p && shown) || document.querySelector('[data-state="ready"]'))
  }, [n, painted], { timeout: 600_000, polling: 20 }).then(() => Date.now() - t0)
  const [p, r] = await Promise.all([at(true), at(false)])
  return { painted: p, ready: r }
}

async function firstVisit(app) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    const t0 = Date.now()
    await page.goto(app)
    return await times(page, t0, 0)
  } finally { await browser.close() }
}

async function reload(app) {
  const profile = mkdtempSync(join(tmpdir(), 'gdd-paint-reload-'))
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1440, height: 1000 } })
  try {
    const page = ctx.pages()[0] ?? await ctx.newPage()
    await page.goto(`${app}#/?nosample=1`)
    await page.waitForSelector('[data-state="ready"]', { timeout: 600_000 })
    await page.setInputFiles('[data-testid="bundle-input"]', files.map((f) => join(dataDir, f)))
    await times(page, Date.now(), reports)
    await page.waitForSelector('[data-saving="false"]', { timeout: 600_000 })
    await page.waitForTimeout(3000) // the answers are written a second after the figures answered
    await page.goto(`${app}#/`)
    const t0 = Date.now()
    await page.reload()
    return await times(page, t0, reports)
  } finally { await ctx.close(); rmSync(profile, { recursive: true, force: true }) }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const runs = Object.fromEntries(builds.map(([l]) => [l, { first: [], reload: [] }]))
for (let r = 0; r < repeat; r++) {
  for (const [label] of builds) {
    const app = `${server.url}/${label}/`
    const f = await firstVisit(app)
    const rl = await reload(app)
    runs[label].first.push(f)
    runs[label].reload.push(rl)
    console.log(JSON.stringify({ run: r, build: label, firstVisit: f, reload: rl }))
  }
}
for (const [label] of builds) {
  const m = (k, x) => median(runs[label][k].map((v) => v[x]))
  console.log(`${label}: first visit → painted ${m('first', 'painted')} ms, ready ${m('first', 'ready')} ms; reload (46 reports) → painted ${m('reload', 'painted')} ms, ready ${m('reload', 'ready')} ms`)
}
await server.close?.()
rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
