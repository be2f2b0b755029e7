/**
 * Importing a published report: paste the 浓桥镇 2023 report with one cell of 三 written as
 * 详见附表, see it flagged, correct it, enter the unit code, accept — the charts show 浓桥镇 2023
 * with 43 items — then export the bundle zip and load it into a fresh page: the same figures.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { barValues } from './bundle-facts'
import { appUrl, assertPrivate, freshStart, openSession, query, uploadFiles, waitForOption, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'

const REPORT = readFileSync(new URL('../../../shared/fixtures/reports/nongqiao-2023.txt', import.meta.url), 'utf8')
const KEY = 'applications|received|natural_person'
const CODE = '230883103000'
const SUMMARY_SQL = 'SELECT * FROM summary ORDER BY unit_code, year'

/** The report with 一、本年新收…的“自然人” written as 详见附表; returns its (1-based) line. */
function doubtfulReport(): { text: string; line: number } {
  const lines = REPORT.split('\n')
  const i = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'))
  lines[i + 1] = '\t详见附表'
  return { text: lines.join('\n'), line: i + 2 }
}

let s: Session
let summaryRows: Record<string, unknown>[] = []
let zip: Buffer | null = null
let zipName = ''

beforeAll(async () => {
  s = await openSession({ viewport: { width: 1440, height: 1000 } })
  await s.page.goto(appUrl('/import?nosample=1'))
  await s.page.waitForSelector('[data-testid="view-import"]', { timeout: WORK_BOUND })
  await waitForReady(s.page)
})
afterAll(async () => { await s?.close() })

describe('import a published report', () => {
  test('the import view is in the nav and shows without any data loaded', async () => {
    expect(await s.page.locator('a.nav-link', { hasText: '导入年报原文' }).count()).toBe(1)
    expect(await s.page.locator('[data-testid="empty"]').count()).toBe(0)
  })

  test('pasted text is read; the text cell is flagged and editable; clicking it shows its source line', async () => {
    const { text, line } = doubtfulReport()
    await s.page.fill('[data-testid="import-paste"]', text)
    await s.page.click('[data-testid="import-parse"]')
    const cell = s.page.locator(`[data-testid="import-cell"][data-key="${KEY}"]`)
    await cell.waitFor({ timeout: WORK_BOUND })
    expect(await cell.getAttribute('data-flagged')).toBe('true')
    expect(await cell.getAttribute('data-line')).toBe(String(line))
    expect(await s.page.locator('[data-testid="import-cell"][data-flagged="true"]').count()).toBe(1)
    expect(await cell.locator('input').inputValue()).toBe('详见附表')
    // Everything else read as certain numbers: 10 + 175 + 15 cells, none flagged.
    expect(await s.page.locator('[data-testid="import-cell"]').count()).toBe(200)
    await expect.poll(() => s.page.locator('[data-testid="import-status"]').first().textContent()).toContain('待核对 1 个存疑单元格')
    expect(await s.page.locator('[data-testid="import-issue"][data-rule="text_cells"]').count()).toBe(1)
    await s.page.locator('[data-testid="import-unit-name"]').waitFor()
    expect(await s.page.locator('[data-testid="import-unit-name"]').inputValue()).toBe('浓桥镇')
    expect(await s.page.locator('[data-testid="import-year"]').inputValue()).toBe('2023')
    expect(await s.page.locator('[data-testid="import-active-total"]').inputValue()).toBe('43')
    expect(await s.page.locator('[data-testid="import-unit-code"]').inputValue()).toBe('')

    await cell.click({ position: { x: 3, y: 3 } })
    const src = s.page.locator(`[data-testid="source-line"][data-line="${line}"]`)
    await expect.poll(() => src.getAttribute('data-active')).toBe('true')
    expect((await src.textContent())?.includes('详见附表')).toBe(true)
    // Scrolled into the pane's view.
    const visible = await s.page.evaluate((n) => {
      const el = document.querySelector(`[data-testid="source-line"][data-line="${n}"]`) as HTMLElement
      const box = document.querySelector('[data-testid="import-source"]') as HTMLElement
      const a = el.getBoundingClientRect(); const b = box.getBoundingClientRect()
      return a.top >= b.top && a.bottom <= b.bottom
    }, line)
    expect(visible).toBe(true)
  })

  test('accept waits for the unit code and the flagged cell', async () => {
    const accept = s.page.locator('[data-testid="import-accept"]')
    expect(await accept.isDisabled()).toBe(true)
    const problems = await s.page.locator('[data-testid="import-readiness"] [data-problem]').evaluateAll((els) => els.map((e) => e.getAttribute('data-problem')))
    expect(problems).toEqual(['unitCode', 'flagged'])
  })

  test('correcting the cell marks it edited and re-runs the checks', async () => {
    const cell = s.page.locator(`[data-testid="import-cell"][data-key="${KEY}"]`)
    await cell.locator('input').fill('5')
    await cell.locator('input').press('Enter')
    await expect.poll(() => cell.getAttribute('data-edited')).toBe('true')
    expect(await cell.getAttribute('data-flagged')).toBe('false')
    expect(await cell.locator('[data-testid="import-edited-mark"]').textContent()).toBe('已人工修改')
    // 5 new applications but totals of 0: the form's own sums no longer add up — a finding, not a block.
    expect(await s.page.locator('[data-testid="import-issue"][data-rule="text_cells"]').count()).toBe(0)
    expect(await s.page.locator('[data-testid="import-issue"][data-rule="applicant_sum"]').count()).toBe(1)
    await expect.poll(() => s.page.locator('[data-testid="import-status"]').first().textContent()).toContain('待接受')
    const problems = await s.page.locator('[data-testid="import-readiness"] [data-problem]').evaluateAll((els) => els.map((e) => e.getAttribute('data-problem')))
    expect(problems).toEqual(['unitCode', 'breaks'])
  })

  test('with the unit code the report is accepted and loaded into the dashboard', async () => {
    await s.page.fill('[data-testid="import-unit-code"]', CODE)
    await s.page.fill('[data-testid="import-parent-name"]', '抚远市')
    const accept = s.page.locator('[data-testid="import-accept"]')
    await expect.poll(() => accept.isDisabled()).toBe(false)
    await accept.click()
    const summary = await waitForReports(s.page, 1)
    expect(summary.reports).toBe(1)
    await expect.poll(() => s.page.locator('[data-testid="import-report"]').first().getAttribute('data-status')).toBe('accepted')
    await expect.poll(() => s.page.locator('[data-testid="import-status"]').first().textContent()).toContain('已接受')
    const [r] = await query<{ code: string; name: string; year: number; active: number; parent: string; level: string }>(s.page,
      "SELECT unit_code AS code, unit_name AS name, year::INTEGER AS year, active_total::DOUBLE AS active, parent_name AS parent, level FROM reports")
    expect(r).toEqual({ code: CODE, name: '浓桥镇', year: 2023, active: 43, parent: '抚远市', level: '乡镇' })
  })

  test('the overview charts show 浓桥镇 2023 with 43 items', async () => {
    await s.page.evaluate(() => { location.hash = '#/' })
    await s.page.waitForSelector('[data-testid="view-overview"]', { timeout: WORK_BOUND })
    const bars = barValues(await waitForOption(s.page, 'active-bars', (o) => barValues(o).size > 0))
    expect(bars.get('浓桥镇|2023')).toBe(43)
    summaryRows = await query(s.page, SUMMARY_SQL)
    expect(summaryRows).toHaveLength(1)
    expect(summaryRows[0]).toMatchObject({ unit_code: CODE, year: 2023 })
  })

  test('the accepted reports export as a CSV bundle zip (UTF-8 with BOM)', async () => {
    await s.page.evaluate(() => { location.hash = '#/import' })
    const btn = s.page.locator('[data-testid="import-export"]')
    await btn.waitFor({ timeout: WORK_BOUND })
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: WORK_BOUND }), btn.click()])
    zipName = download.suggestedFilename()
    expect(zipName).toMatch(/^政府信息公开年报-导入-\d{8}\.zip$/)
    const path = await download.path()
    zip = readFileSync(path)
    const { unzipSync } = await import('fflate')
    const files = unzipSync(new Uint8Array(zip))
    expect(Object.keys(files).sort()).toEqual(['active.csv', 'applications.csv', 'reports.csv', 'reviews.csv'])
    for (const b of Object.values(files)) expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(files['applications.csv'])).toContain(`${CODE},2023,received,5,0,0,0,0,0,0`)
  })

  test('the zip loaded into a fresh page gives identical figures', async () => {
    expect(zip).not.toBeNull()
    // a new tab on an origin with nothing stored (freshStart), in the same browser: no new Chromium for it
    await freshStart(s, '/?nosample=1')
    await waitForReady(s.page)
    expect(await s.page.locator('[data-testid="load-summary"]').count()).toBe(0)
    await uploadFiles(s.page, { [zipName]: new Uint8Array(zip!) }, 'application/zip')
    await waitForReports(s.page, 1)
    expect(await query(s.page, SUMMARY_SQL)).toEqual(summaryRows)
    const bars = barValues(await waitForOption(s.page, 'active-bars', (o) => barValues(o).size > 0))
    expect(bars.get('浓桥镇|2023')).toBe(43)
  })

  test('privacy: nothing left 127.0.0.1', () => {
    assertPrivate(s) // both pages: the session records every page of its browser
  })
})
