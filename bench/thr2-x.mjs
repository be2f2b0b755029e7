import { chromium } from 'playwright-core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const url = process.argv[2]
const ARGS = ['--headless','--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync', ...(process.env.XF ? process.env.XF.split(' ') : [])]
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'fl-')), { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', reducedMotion: 'reduce' })
let page = ctx.pages()[0] ?? await ctx.newPage()
await page.goto(url); await page.waitForSelector('[data-state="ready"]', { timeout: 120000 })
const p2 = await ctx.newPage(); await page.close(); page = p2
const cdp0 = await ctx.newCDPSession(page); await cdp0.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'all' }); await cdp0.detach()
const browser = ctx.browser()
const cdp = await ctx.newCDPSession(page)
const events = []
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value))
const done = new Promise((r) => cdp.on('Tracing.tracingComplete', r))
await cdp.send('Tracing.start', { categories: 'toplevel,disabled-by-default-devtools.timeline,devtools.timeline,v8,v8.wasm', transferMode: 'ReportEvents' })
const t0 = Date.now()
await page.goto(url); await page.waitForSelector('[data-state="ready"]', { timeout: 120000 })
console.log('ready', Date.now() - t0)
await cdp.send('Tracing.end'); await done
const threads = new Map(); const procs = new Map()
for (const e of events) { if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name); if (e.name === 'process_name') procs.set(e.pid, e.args.name) }
// top-level tasks only (not nested): per thread, sum of tdur of X events that are not inside another on the same thread
const byThread = new Map()
const per = new Map()
for (const e of events) { if (e.ph !== 'X' || !e.dur) continue; const k = `${e.pid}:${e.tid}`; (per.get(k) ?? per.set(k, []).get(k)).push(e) }
for (const [k, list] of per) {
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  let end = -1, cpu = 0, wall = 0
  for (const e of list) { if (e.ts >= end) { end = e.ts + e.dur; wall += e.dur; cpu += e.tdur ?? e.dur } }
  const name = `${procs.get(Number(k.split(':')[0])) ?? '?'}/${threads.get(k) ?? k}`
  byThread.set(name, [(byThread.get(name)?.[0] ?? 0) + cpu, (byThread.get(name)?.[1] ?? 0) + wall])
}
const wn = new Map(); for (const e of events) if (/wasm/i.test(e.name) && e.ph === "X") wn.set(e.name, (wn.get(e.name) ?? 0) + (e.dur ?? 0)); console.log([...wn].map(([k, v]) => k + " " + Math.round(v / 1000)).join("\n"))
for (const [k, [c, w]] of [...byThread].sort((a, b) => b[1][0] - a[1][0]).slice(0, 16)) console.log(String(Math.round(c / 1000)).padStart(6), 'ms cpu', String(Math.round(w / 1000)).padStart(6), 'ms wall', k)
await ctx.close()
