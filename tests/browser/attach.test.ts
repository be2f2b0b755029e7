/**
 * A published database (npm run summarise) opened by URL: `?db=<path>.duckdb` on the app's own origin. The app
 * attaches it read-only (DuckDB-WASM reads it by HTTP range), every figure of the overview equals the native
 * engine's answer to the same query builder on the same file, the first view fetches under 10 % of the file,
 * the page says where the data comes from, and a URL of another origin is refused with a Chinese message.
 *
 * GDD_ATTACH_FILE=<file.duckdb> runs the same checks on another summariser file (e.g. bench/tmp/province-50000.duckdb).
 *
 * The files are built once and cached under tests/.tmp (./published-db.ts, ./national-db.ts), so only the first run pays.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { childrenAggregatesQuery } from '../../src/queries/hierarchy'
import type { OverviewRow } from '../../src/queries/rows'
import type { Filters } from '../../src/queries/types'
import { assertPrivate, openSession, waitForReady, type Session, WORK_BOUND } from './helpers'
import { REPORTS, expectOverviewEqualsNative as expectOverview, nativeOverview, nativeRows, provinceFile, storedStatementsSignature } from './published-db'
import { startStaticServer, type StaticServer } from './static-server'
import { buildNationalFile } from './national-db'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
const DIST = process.env.GDD_DIST ? resolve(process.env.GDD_DIST) : join(ROOT, 'dist')
const MOUNT = '/gov-disclosure/app/'
const DB_PATH = 'data/province.duckdb'
const NATIONAL_PATH = 'data/national.duckdb'
/** 70 provinces × 3,000 reports = 210,000 reports (the issue asks for at least 200,000). */
const COPIES = 70

/** The national file (./national-db.ts), cached by the hash of its builder and of the province file it copies. */
async function nationalFile(province: string): Promise<string> {
  const h = createHash('sha256').update(`copies=${COPIES};${basename(province)}`)
  for (const f of ['tests/browser/national-db.ts', 'src/db/rollups.ts', 'src/db/stored.ts', 'src/db/publish.ts']) h.update(readFileSync(join(ROOT, f)))
  h.update(storedStatementsSignature())
  const out = join(ROOT, 'tests', '.tmp', `attach-national-${h.digest('hex').slice(0, 12)}.duckdb`)
  if (existsSync(out)) return out
  const tmp = `${out}.tmp-${process.pid}`
  rmSync(tmp, { force: true })
  const t0 = Date.now()
  const { reports } = await buildNationalFile(province, tmp, COPIES)
  expect(reports).toBe(REPORTS * COPIES)
  renameSync(tmp, out)
  console.log(`[attach] national file built in ${Date.now() - t0} ms (cached: ${out})`)
  return out
}

let s: Session
let server: StaticServer
let file: string
let fileBytes: number
let national: string

beforeAll(async () => {
  const province = await provinceFile()
  file = process.env.GDD_ATTACH_FILE ?? province
  fileBytes = statSync(file).size
  const list = join(mkdtempSync(join(tmpdir(), 'gdd-dblist-')), 'databases.json')
  writeFileSync(list, JSON.stringify({ databases: [{ path: DB_PATH, label: '测试省', reports: REPORTS, bytes: fileBytes }] }))
  national = await nationalFile(province)
  server = await startStaticServer(DIST, MOUNT, { files: { [DB_PATH]: file, [NATIONAL_PATH]: national, 'databases.json': list } })
  s = await openSession()
})
afterAll(async () => {
  await s?.close()
  await server?.close()
})

const readBytes = (path: string): number => server.bytesSent.get(`${MOUNT}${path}`) ?? 0

/** Open `path` by ?db=, wait for the overview's cards; the time and the bytes of that file fetched for it. */
async function openFirstView(path: string, size: number, name: string): Promise<{ ms: number; bytes: number }> {
  const before = readBytes(path)
  const t0 = Date.now()
  await s.page.goto(`${server.url}?db=${path}#/`)
  await waitForReady(s.page)
  await s.page.waitForSelector('[data-kpi="reports"]')
  const r = { ms: Date.now() - t0, bytes: readBytes(path) - before }
  console.log(`[attach] ${name} ${(size / 1048576).toFixed(1)} MB: first overview ${r.ms} ms, fetched ${(r.bytes / 1048576).toFixed(2)} MB (${(100 * r.bytes / size).toFixed(1)} %)`)
  return r
}

const expectOverviewEqualsNative = (native: OverviewRow, f: Filters = {}): Promise<void> => expectOverview(s.page, native, f)

test('?db= opens the published file by range: overview equals the native engine, a part of the file fetched', async () => {
  const firstView = await openFirstView(DB_PATH, fileBytes, 'province file')
  const native = await nativeOverview(file)
  if (!process.env.GDD_ATTACH_FILE) expect(native.reports).toBe(REPORTS)
  await expectOverviewEqualsNative(native)

  // The bar: the first view fetches under 10 % of the file. ATTACH reads the header and the metadata (one
  // block: the file is written in storage format v1.4.0, src/db/publish.ts), and every statement of the first view
  // is answered from the file's one table of stored answers (src/db/stored.ts): two 256 KB blocks, ~0.66 MB of 8 MB.
  // Before, start-up alone read a dozen tables (45 %). GDD_ATTACH_MAX_SHARE: another bar for a GDD_ATTACH_FILE
  // written before stored answers (it opens, reading more).
  expect(firstView.bytes).toBeGreaterThan(0)
  expect(firstView.bytes).toBeLessThan(fileBytes * (process.env.GDD_ATTACH_MAX_SHARE ? Number(process.env.GDD_ATTACH_MAX_SHARE) : 0.1))
  // The page says where the data comes from; nothing was loaded over it (no sample).
  const source = s.page.locator('[data-testid="data-source"]')
  expect(await source.getAttribute('data-source')).toBe(DB_PATH)
  expect(await source.textContent()).toContain(DB_PATH)
  expect(await s.page.getAttribute('[data-testid="load-summary"]', 'data-reports')).toBe(String(native.reports))
  assertPrivate(s)
})

test('the 打开数据库 dialog lists the published files and opens one', async () => {
  // no sample under the dialog (?nosample): the test needs none, and loading it was a page's work for nothing
  await s.page.goto(`${server.url}#/?nosample=1`)
  await waitForReady(s.page)
  // Without a databases.json the dialog says there is nothing published.
  const missing = (route: import('playwright-core').Route) => route.fulfill({ status: 404, body: 'not found' })
  await s.page.route('**/databases.json', missing)
  await s.page.click('[data-testid="open-database"]')
  expect(await s.page.locator('[data-testid="no-database-list"]').textContent()).toContain('没有发布数据库清单')
  await s.page.keyboard.press('Escape')
  await s.page.locator('[data-testid="no-database-list"]').waitFor({ state: 'hidden' })
  await s.page.unroute('**/databases.json', missing)
  await s.page.click('[data-testid="open-database"]')
  const link = s.page.locator('[data-testid="database-link"]')
  await link.first().waitFor()
  expect(await link.textContent()).toContain('测试省')
  await link.first().click()
  await s.page.waitForURL((u) => u.searchParams.get('db') === DB_PATH)
  await waitForReady(s.page)
  expect(await s.page.getAttribute('[data-testid="data-source"]', 'data-source')).toBe(DB_PATH)
})

test('a database of another origin is refused, in Chinese, before anything is fetched', async () => {
  const before = s.requests.length
  await s.page.goto(`${server.url}?db=${encodeURIComponent('http://127.0.0.2/x.duckdb')}#/`)
  await s.page.waitForSelector('[data-state="error"]', { timeout: WORK_BOUND })
  expect(await s.page.textContent('[data-state]')).toContain('只能打开本网站发布的 .duckdb 文件')
  expect(s.requests.slice(before).filter((r) => new URL(r.url).hostname !== '127.0.0.1')).toEqual([])
})

describe('a national file (210,000 reports)', () => {
  test('opens by ?db=: overview equals the native engine, a part of the file fetched for it', async () => {
    const size = statSync(national).size
    const firstView = await openFirstView(NATIONAL_PATH, size, 'national file')
    const native = await nativeOverview(national)
    expect(native.reports).toBe(REPORTS * COPIES)
    await expectOverviewEqualsNative(native)
    expect(firstView.bytes).toBeGreaterThan(0)
    // The bar: the first view reads the metadata and the file's one table of stored answers (src/db/stored.ts),
    // not the summary of 210,000 reports: 1.6 % measured. Before any stored answers it fetched 22.7 % (33.8 MB of
    // 149 MB); with the per-range answer tables alone 7.7 %.
    expect(firstView.bytes).toBeLessThan(size * 0.1)
    expect(await s.page.getAttribute('[data-testid="data-source"]', 'data-source')).toBe(NATIONAL_PATH)
    assertPrivate(s)
  })

  test('drilled into one province: its figures equal the native engine on the summary', async () => {
    // the first province of the national file (a top-level unit): the drill filter is not a year range, so every
    // figure asks the summary (read by range), and the cards must still equal the ordinary builder's answer
    const [province] = await nativeRows(national, childrenAggregatesQuery({}, null))
    expect(province.children).toBeGreaterThan(0)
    const f: Filters = { drill: province.unitCode }
    const native = await nativeOverview(national, f)
    expect(native.reports).toBe(province.reports)
    expect(native.reports).toBeLessThan(REPORTS * COPIES)
    const before = readBytes(NATIONAL_PATH)
    await s.page.goto(`${server.url}?db=${NATIONAL_PATH}#/?drill=${encodeURIComponent(province.unitCode)}`)
    await waitForReady(s.page)
    await s.page.waitForSelector('[data-kpi="reports"]')
    await s.page.evaluate(() => (window as unknown as { __dashboard: { idle(): Promise<void> } }).__dashboard.idle())
    const size = statSync(national).size
    console.log(`[attach] national file, drilled into ${province.unitName}: fetched ${((readBytes(NATIONAL_PATH) - before) / 1048576).toFixed(2)} MB (${(100 * (readBytes(NATIONAL_PATH) - before) / size).toFixed(1)} %)`)
    await expectOverviewEqualsNative(native, f)
  })
})
