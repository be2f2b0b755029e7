/**
 * A CSV bundle added over a published database (issue 20: this year's new reports over last year's province file).
 * The province file is opened by ?db=, a small bundle is picked (add) and cancelled (the file is shown as before), then
 * picked again: the file's data is copied into the tab and the bundle loaded on top. The load summary counts both, the status area names the file and the added files, the
 * overview's card counts both, a report already in the file is a duplicate naming the file; the address loses ?db=
 * and a reload shows the same data, still saying where it came from.
 *
 * One browser session; the province file is the one tests/browser/attach.test.ts uses (built once, cached).
 */
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { assertPrivate, openSession, query, readSummary, uploadFiles, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'
import { PROVINCE_SEED, REPORTS, provinceFile } from './published-db'
import { startStaticServer, type StaticServer } from './static-server'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
const DIST = process.env.GDD_DIST ? resolve(process.env.GDD_DIST) : join(ROOT, 'dist')
const MOUNT = '/gov-disclosure/app/'
const DB_PATH = 'data/province.duckdb'
/** New reports of another province. */
const ADDED = 30

let s: Session
let server: StaticServer

beforeAll(async () => {
  server = await startStaticServer(DIST, MOUNT, { files: { [DB_PATH]: await provinceFile() } })
  s = await openSession()
})
afterAll(async () => {
  await s?.close()
  await server?.close()
})

/** The bundle: another province's new reports, plus two of the file's reports again (duplicates). */
function bundle(): Record<string, Uint8Array> {
  const old = generateBundle({ reports: REPORTS, seed: PROVINCE_SEED }).files['reports.csv'].trim().split('\n')
  const oldProv = old[1].slice(0, 2)
  const b = generateBundle({ reports: ADDED, seed: 'attach-add', provCode: oldProv === '09' ? '08' : '09' })
  const enc = (t: string) => new TextEncoder().encode(t)
  return {
    ...Object.fromEntries(Object.entries(b.files).map(([n, t]) => [n, enc(t)])),
    'again-reports.csv': enc([old[0], old[1], old[2]].join('\n') + '\n'),
  }
}

test('a bundle added over ?db=: both counted, both named, kept across a reload', async () => {
  const t0 = Date.now()
  await s.page.goto(`${server.url}?db=${DB_PATH}#/`)
  await waitForReady(s.page)
  await s.page.waitForSelector('[data-kpi="reports"]')
  const files = bundle()
  // cancelled before it commits (the copy and the load are one transaction): the published file is shown as before
  await uploadFiles(s.page, files)
  const cancel = s.page.locator('[data-testid="load-cancel"]')
  await cancel.waitFor({ state: 'visible', timeout: WORK_BOUND })
  await cancel.click()
  await s.page.locator('[data-testid="load-cancelled"]').waitFor({ state: 'visible', timeout: WORK_BOUND })
  await waitForReady(s.page)
  expect((await readSummary(s.page)).reports).toBe(REPORTS)
  expect(await query(s.page, 'SELECT count(*)::INTEGER AS n FROM summary')).toEqual([{ n: REPORTS }])
  const source = s.page.locator('[data-testid="data-source"]')
  expect(await source.getAttribute('data-source')).toBe(DB_PATH)
  expect(await source.getAttribute('data-layer')).toBeNull() // the file itself, not a copy
  expect(new URL(s.page.url()).searchParams.get('db')).toBe(DB_PATH)

  const t1 = Date.now()
  await uploadFiles(s.page, files) // set on the input directly: added to what is shown (no question)
  const sum = await waitForReports(s.page, REPORTS + ADDED)
  expect(sum.reports).toBe(REPORTS + ADDED)
  const t2 = Date.now()

  const attrs = async () => ({
    path: await source.getAttribute('data-source'), layer: await source.getAttribute('data-layer'),
    base: await source.getAttribute('data-base-reports'), files: await source.getAttribute('data-added-files'),
    added: await source.getAttribute('data-added-reports'),
  })
  const expected = { path: DB_PATH, layer: 'copied', base: String(REPORTS), files: String(Object.keys(files).length), added: String(ADDED) }
  expect(await attrs()).toEqual(expected)
  const text = await source.textContent()
  expect(text).toContain(`数据库 ${DB_PATH}（${REPORTS} 份年报，已复制到本标签页）`)
  expect(text).toContain(`追加的 ${Object.keys(files).length} 个文件（新增 ${ADDED} 份年报）`)
  expect(await s.page.getAttribute('[data-kpi="reports"]', 'data-value')).toBe(new Intl.NumberFormat('zh-CN').format(REPORTS + ADDED))
  // the two reports already in the file: a duplicate naming the file as the source
  const dup = await query<{ message: string }>(s.page, "SELECT message FROM findings WHERE rule = 'duplicate'")
  expect(dup.map((r) => r.message).join()).toMatch(/again-reports\.csv 中 2 行与 province\.duckdb\/[^ ]*reports\.csv 中已载入的数据重复/)
  // the data is the tab's own now: the address no longer opens the file alone, the engine let it go
  expect(new URL(s.page.url()).searchParams.get('db')).toBeNull()
  expect(await query(s.page, "SELECT database_name FROM duckdb_databases() WHERE database_name = 'published'")).toEqual([])

  await s.page.waitForSelector('[data-saving="false"]', { timeout: WORK_BOUND })
  const t3 = Date.now()
  await s.page.reload()
  expect((await waitForReports(s.page, REPORTS + ADDED)).reports).toBe(REPORTS + ADDED)
  console.log(`[attach-add] open ${t1 - t0} ms, copy + add ${t2 - t1} ms, saved ${t3 - t2} ms, reload ${Date.now() - t3} ms`)
  await source.waitFor({ timeout: WORK_BOUND })
  expect(await attrs()).toEqual(expected)
  assertPrivate(s)
})
