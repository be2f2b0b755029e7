/**
 * A published database opened from the user's disk (issue 20): the 打开数据库 dialog's file input takes a `.duckdb`
 * written by the summariser; the app registers it as a file handle (read by range from the file), attaches it
 * read-only in a fresh engine, and the overview's figures equal the native engine's on the same file. Hostile files
 * (empty, not DuckDB, cut short, a newer DuckDB's, not the summariser's) are refused with a message naming the file
 * and what is wrong, and the data shown before stays. After a reload the page says the file must be picked again.
 *
 * One browser session; the province file is the one tests/browser/attach.test.ts uses (built once, cached).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { appUrl, assertPrivate, openSession, query, readSummary, waitForReady, type Session, WORK_BOUND } from './helpers'
import { REPORTS, expectOverviewEqualsNative, nativeOverview, provinceFile } from './published-db'
import { hostileDatabases } from '../helpers/hostile-db'

const NAME = '测试省.duckdb'
let s: Session
let file: string
let work: string
let bad: Record<string, string>

beforeAll(async () => {
  file = await provinceFile()
  work = mkdtempSync(join(tmpdir(), 'gdd-local-db-'))
  const bytes = await hostileDatabases(new Uint8Array(readFileSync(file)), join(work, 'people.duckdb'))
  bad = Object.fromEntries(Object.entries(bytes).map(([k, b]) => {
    const path = join(work, `${k}.duckdb`)
    writeFileSync(path, b)
    return [k, path]
  }))
  s = await openSession()
})
afterAll(async () => {
  await s?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

/** Pick `path` (shown to the app as `name`) in the dialog's file input. */
async function pick(path: string, name: string): Promise<void> {
  await s.page.click('[data-testid="open-database"]')
  await s.page.setInputFiles('[data-testid="database-file"]', { name, mimeType: 'application/octet-stream', buffer: readFileSync(path) })
}

test('hostile files are refused with a located message, the data shown before stays', async () => {
  await s.page.goto(appUrl('/'))
  await waitForReady(s.page)
  const before = await readSummary(s.page)
  expect(before.reports).toBeGreaterThan(0)
  const cases: [string, RegExp][] = [
    ['empty', /“empty\.duckdb”：文件是空的/],
    ['text', /“text\.duckdb”：它不是 DuckDB 数据库文件/],
    ['truncated', /“truncated\.duckdb”：文件不完整（文件头表明应有 \d+ 字节，实际只有 \d+ 字节）/],
    ['newer', /文件由 DuckDB v1\.5\.0 写出，本看板的引擎是 v1\.4\.3/],
    ['notSummary', /“notSummary\.duckdb”：它不是看板汇总工具（npm run summarise）写出的数据库（缺少表 manifest, summary/],
  ]
  for (const [k, message] of cases) {
    await pick(bad[k], `${k}.duckdb`)
    await s.page.waitForSelector('[data-testid="error-message"]', { timeout: WORK_BOUND })
    expect(await s.page.textContent('[data-testid="error-message"]')).toMatch(message)
    // nothing was attached over the data shown before: the same counts, no data source line
    await s.page.waitForSelector('[data-state="error"]')
    expect(await readSummary(s.page)).toEqual(before)
    expect(await s.page.locator('[data-testid="data-source"]').count()).toBe(0)
  }
  // the engine still answers on the data shown before (it was not replaced)
  const [{ n }] = await query<{ n: number }>(s.page, 'SELECT count(*)::INTEGER AS n FROM summary')
  expect(n).toBe(before.reports)
})

test('a summariser file picked from disk: the overview equals the native engine, the page names the file', async () => {
  const t0 = Date.now()
  await pick(file, NAME)
  await s.page.waitForSelector(`[data-testid="data-source"][data-local="true"]`, { timeout: WORK_BOUND })
  await waitForReady(s.page)
  await s.page.waitForSelector('[data-kpi="reports"]')
  console.log(`[attach-local] ${(readFileSync(file).length / 1048576).toFixed(1)} MB file picked → overview ready in ${Date.now() - t0} ms`)
  const native = await nativeOverview(file)
  expect(native.reports).toBe(REPORTS)
  await expectOverviewEqualsNative(s.page, native)
  const source = s.page.locator('[data-testid="data-source"]')
  expect(await source.getAttribute('data-source')).toBe(NAME)
  const text = await source.textContent()
  expect(text).toContain(`本机的数据库文件 ${NAME}`)
  expect(text).toContain(`${REPORTS} 份年报`)
  expect(text).toContain('汇总自：bundle')
  expect((await readSummary(s.page)).reports).toBe(REPORTS)

  // a reload cannot reopen it (no URL, no access kept): the page says so, and shows the tab's own data
  await s.page.reload()
  await waitForReady(s.page)
  expect(await s.page.textContent('[data-testid="pick-again"]')).toContain(`“${NAME}”`)
  expect(await s.page.locator('[data-testid="data-source"]').count()).toBe(0)

  // picked again and cleared: the file is left, the tab is empty (issue 20: no longer refused as read-only)
  await pick(file, NAME)
  await s.page.waitForSelector(`[data-testid="data-source"][data-local="true"]`, { timeout: WORK_BOUND })
  await waitForReady(s.page)
  await s.page.click('[data-testid="clear-data"]')
  await s.page.click('.el-message-box__btns .el-button--primary')
  await s.page.waitForSelector('[data-testid="empty"]', { timeout: WORK_BOUND })
  expect(await s.page.locator('[data-testid="data-source"]').count()).toBe(0)
  expect(await s.page.locator('[data-testid="pick-again"]').count()).toBe(0)
  const [{ n }] = await query<{ n: number }>(s.page, 'SELECT count(*)::INTEGER AS n FROM summary')
  expect(n).toBe(0)
  assertPrivate(s)
})
