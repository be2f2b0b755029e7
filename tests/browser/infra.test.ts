/**
 * The test infrastructure itself: the static server's MIME types, Chromium's CJK font, and the
 * request recorder catching page AND worker requests (the privacy checks rely on it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { foreignRequests, openSession, type Session, WORK_BOUND } from './helpers'
import { startStaticServer, type StaticServer } from './static-server'

let dir: string
let server: StaticServer
let session: Session

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gdd-infra-'))
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>t</title>
<body><span id="t" style="font-size:40px">浓桥镇主动公开</span><span id="l" style="font-size:40px">MMMMMMM</span>
<script type="module" src="./main.mjs"></script>`)
  writeFileSync(join(dir, 'main.mjs'), `
const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })
w.onmessage = (e) => { document.body.dataset.worker = e.data }
fetch('./data.wasm').then((r) => { document.body.dataset.wasm = r.headers.get('content-type') })
`)
  // The worker fetches one local file and tries one foreign host (blocked by --host-resolver-rules).
  writeFileSync(join(dir, 'worker.js'), `
const a = await fetch('./from-worker.txt').then((r) => r.text())
const b = await fetch('http://tracker.invalid/beacon').then(() => 'reached', () => 'blocked')
postMessage(a + '|' + b)
`)
  writeFileSync(join(dir, 'from-worker.txt'), 'ok')
  writeFileSync(join(dir, 'data.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))
  server = await startStaticServer(dir, '/sub/path/')
  session = await openSession({ own: true }) // what a new browser records
})

afterAll(async () => {
  await session?.close()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('browser test infrastructure', () => {
  test('static server: MIME types, sub-path, no escape from the root', async () => {
    const get = (p: string) => fetch(new URL(p, server.url))
    expect((await get('main.mjs')).headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await get('worker.js')).headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await get('data.wasm')).headers.get('content-type')).toBe('application/wasm')
    expect((await get('')).headers.get('content-type')).toMatch(/^text\/html/)
    expect((await get('missing.js')).status).toBe(404)
    expect((await fetch(new URL('/main.mjs', server.url))).status).toBe(404) // outside the mount
    expect((await fetch(`${server.url}..%2F..%2Fetc%2Fpasswd`)).status).not.toBe(200)
  })

  test('recorder sees page and worker requests; foreign hosts never resolve', async () => {
    const { page, requests } = session
    await page.goto(server.url)
    await page.waitForFunction(() => document.body.dataset.worker && document.body.dataset.wasm, null, { timeout: WORK_BOUND })
    expect(await page.evaluate(() => document.body.dataset.worker)).toBe('ok|blocked')
    expect(await page.evaluate(() => document.body.dataset.wasm)).toBe('application/wasm')
    const urls = requests.map((r) => r.url)
    expect(urls).toContain(`${server.url}from-worker.txt`) // a worker's fetch is recorded
    expect(urls.some((u) => u.endsWith('/worker.js'))).toBe(true)
    expect(foreignRequests(requests)).toEqual(['http://tracker.invalid/beacon'])
  })

  test('Chromium renders CJK text with a real CJK font (not tofu)', async () => {
    const { page } = session
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready
      return { cjk: document.fonts.check('40px "Noto Sans CJK SC"'), width: (document.getElementById('t') as HTMLElement).getBoundingClientRect().width }
    })
    expect(fonts.cjk).toBe(true)
    // Seven CJK glyphs at 40px are ~280px wide with a CJK font.
    expect(fonts.width).toBeGreaterThan(200)
  })
})
