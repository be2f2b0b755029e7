import { chromium } from 'playwright-core'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const url = process.argv[2]
const busy = () => { const [, u, n, s, i, w, q, sq, st] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).map(Number); return [u + n + s + q + sq + st, u + n + s + q + sq + st + i + w] }
const sets = JSON.parse(process.env.SETS)
const res = {}
for (let round = 0; round < Number(process.env.R || 2); round++) for (const [name, flags] of Object.entries(sets)) {
  const ARGS = ['--headless','--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync', ...flags]
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'fl-')), { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', reducedMotion: 'reduce' })
  let page = ctx.pages()[0] ?? await ctx.newPage()
  await page.goto(url); await page.waitForSelector('[data-state="ready"]', { timeout: 120000 })
  const walls = []; const b0 = busy()
  for (let k = 0; k < Number(process.env.N || 4); k++) {
    const t0 = Date.now()
    const p2 = await ctx.newPage(); await page.close(); page = p2
    const cdp = await ctx.newCDPSession(page); await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'all' }); await cdp.detach()
    await page.goto(url); await page.waitForSelector('[data-state="ready"]', { timeout: 120000 })
    walls.push(Date.now() - t0)
  }
  const b1 = busy()
  await ctx.close()
  ;(res[name] ??= []).push({ walls, cpu: ((b1[0] - b0[0]) / 100 / walls.length).toFixed(2) })
}
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(10), v.map((x) => `wall ${x.walls.join('/')} cpu/start ${x.cpu}s`).join(' | '))
