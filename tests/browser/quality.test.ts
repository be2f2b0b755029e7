/**
 * Data-quality view end to end: a small bundle with known rule breaks → findings rows (data-rule,
 * data-unit, data-year), coverage cells (data-status), a review mark kept across a reload, CSV
 * export with BOM and a neutralised formula-like cell, and the per-report view.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { appUrl, assertPrivate, openSession, uploadFiles, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'

const APP = 'unit_code,year,row,natural_person,commercial,research,social_welfare,legal_service,other_org,total'
const ROWS = ['received', 'carried_in', 'granted', 'partial', 'withheld.state_secret', 'withheld.prohibited', 'withheld.security',
  'withheld.third_party', 'withheld.internal', 'withheld.process', 'withheld.enforcement', 'withheld.query', 'unavailable.not_held',
  'unavailable.needs_creation', 'unavailable.unclear', 'rejected.petition', 'rejected.repeat', 'rejected.publication', 'rejected.excessive',
  'rejected.confirmation', 'other.no_correction', 'other.no_fee', 'other.other', 'handled', 'carried_out']
const app = (unit: string, year: number, vals: Record<string, number> = {}, rows: Record<string, string> = {}): string[] =>
  ROWS.map((k) => rows[k] ?? `${unit},${year},${k},${vals[k] ?? 0},0,0,0,0,0,${vals[k] ?? 0}`)

// Q1 2023: flow_identity (received 5 ≠ handled 4) · Q2 2022: missing · Q2 2023: format_year warning
// Q3 2023: a text cell written like a formula (=1+1) → text_cells error
const FILES: Record<string, string> = {
  'reports.csv': ['unit_code,unit_name,parent_code,parent_name,level,year,active_total,format',
    'Q1,青山镇,K,抚远市,乡镇,2022,10,', 'Q1,青山镇,K,抚远市,乡镇,2023,10,', 'Q2,绿水镇,K,抚远市,乡镇,2023,12,2019',
    'Q3,白云乡,K,抚远市,乡镇,2022,11,', 'Q3,白云乡,K,抚远市,乡镇,2023,11,'].join('\n') + '\n',
  'applications.csv': [APP, ...app('Q1', 2022), ...app('Q1', 2023, { received: 5, granted: 4, handled: 4 }),
    ...app('Q3', 2022), ...app('Q3', 2023, {}, { received: 'Q3,2023,received,0,=1+1,0,0,0,0,0' })].join('\n') + '\n',
}
const REPORTS = 5

let s: Session

async function openQuality(): Promise<void> {
  await s.page.goto(appUrl('/quality?nosample=1'))
  // after a reload the app replays the saved bundles first (slow on a busy machine)
  await waitForReady(s.page)
  // read, not waited for: with nothing loaded there is no summary (a wait would sit out Playwright's 30 s default)
  const summary = await s.page.$('[data-testid="load-summary"]')
  const reports = summary ? await summary.getAttribute('data-reports') : null
  if (reports !== String(REPORTS)) {
    // nothing restored from a previous visit: load the bundle (marks are keyed by content, not by load)
    await uploadFiles(s.page, encodeFiles(FILES, 'utf8'))
    expect((await waitForReports(s.page, REPORTS)).reports).toBe(REPORTS)
  }
  await s.page.waitForSelector('[data-testid="view-quality"]')
  await s.page.waitForSelector('tr[data-testid="finding-row"][data-rule="flow_identity"]', { timeout: WORK_BOUND })
}

const row = (rule: string, unit: string, year: number) => `tr[data-testid="finding-row"][data-rule="${rule}"][data-unit="${unit}"][data-year="${year}"]`

beforeAll(async () => {
  s = await openSession()
  await openQuality()
})
afterAll(async () => { await s?.close() })

describe('the data-quality view', () => {
  test('findings rows carry rule, unit and year; counts per severity', async () => {
    expect(await s.page.locator(row('flow_identity', 'Q1', 2023)).count()).toBe(2) // natural_person and total columns
    expect(await s.page.locator(row('text_cells', 'Q3', 2023)).count()).toBe(1)
    expect(await s.page.locator(row('format_year', 'Q2', 2023)).count()).toBe(1)
    expect(Number(await s.page.getAttribute('[data-testid="quality-counts"] [data-severity="error"]', 'data-count'))).toBe(3)
    // rendered as text: the formula-like raw text is visible verbatim in the message
    await expect.poll(() => s.page.locator(row('text_cells', 'Q3', 2023)).innerText()).toContain('=1+1')
  })

  test('coverage cells: ok, missing, warning, error', async () => {
    const status = (u: string, y: number) => s.page.getAttribute(`[data-testid="coverage-cell"][data-unit="${u}"][data-year="${y}"]`, 'data-status')
    expect(await status('Q1', 2022)).toBe('ok')
    expect(await status('Q1', 2023)).toBe('error')
    expect(await status('Q2', 2022)).toBe('missing')
    expect(await status('Q2', 2023)).toBe('warning')
    expect(await status('Q3', 2023)).toBe('error')
    const risk = await s.page.locator('[data-testid="risk-unit"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')))
    expect(risk).toEqual(['Q1', 'Q3', 'Q2'])
  })

  test('a review mark is kept across a reload', async () => {
    const r = s.page.locator(row('text_cells', 'Q3', 2023))
    await r.locator('[data-testid="mark-select"]').click()
    await s.page.locator('.el-select-dropdown__item:visible', { hasText: '待更正' }).click()
    await expect.poll(() => r.locator('[data-mark]').getAttribute('data-mark')).toBe('to_correct')
    const note = r.locator('input[data-testid="mark-note"], [data-testid="mark-note"] input')
    await note.fill('请单位更正为数字')
    await note.press('Enter')
    await note.blur()
    await s.page.reload()
    await openQuality()
    const again = s.page.locator(row('text_cells', 'Q3', 2023))
    await expect.poll(() => again.locator('[data-mark]').getAttribute('data-mark')).toBe('to_correct')
    expect(await again.locator('input[data-testid="mark-note"], [data-testid="mark-note"] input').inputValue()).toBe('请单位更正为数字')
    expect(await s.page.locator(row('flow_identity', 'Q1', 2023)).first().locator('[data-mark]').getAttribute('data-mark')).toBe('none')
  })
  test('CSV export: BOM, marks, neutralised formula-like cell, safe file name', async () => {
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.click('[data-testid="export-findings-csv"]'),
    ])
    expect(download.suggestedFilename()).toMatch(/^[^<>:"/\\|?*]+\.csv$/)
    const bytes = readFileSync(await download.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    const lines = text.split('\r\n')
    expect(lines[0]).toContain('审核标记')
    const textCell = lines.find((l) => l.includes('Q3') && l.includes('待更正'))
    expect(textCell, text.slice(0, 2000)).toBeTruthy()
    expect(textCell).toContain(",'=1+1,")
    expect(textCell).toContain('请单位更正为数字')
    expect(lines.filter((l) => /^[=+\-@]/.test(l) || /,[=+@]/.test(l))).toEqual([])
  })

  test('the per-report view shows the form with the text cell highlighted', async () => {
    await s.page.click(`[data-testid="coverage-cell"][data-unit="Q3"][data-year="2023"]`)
    await s.page.waitForSelector('[data-testid="view-report"][data-unit="Q3"][data-year="2023"]', { timeout: WORK_BOUND })
      .catch((e: unknown) => { throw new Error(`${String(e)}\nurl: ${s.page.url()}\nerrors: ${s.errors.join('\n')}`) })
    const cell = s.page.locator('[data-testid="form-cell"][data-tbl="applications"][data-row="received"][data-col="commercial"]')
    await expect.poll(() => cell.getAttribute('data-kind')).toBe('text')
    expect(await cell.innerText()).toBe('=1+1')
    expect(await cell.getAttribute('data-finding')).toBe('error')
    expect(await cell.getAttribute('title')).toContain('=1+1')
    expect(await s.page.getAttribute('[data-testid="view-report"]', 'data-format')).toBe('2021')
    expect(await s.page.locator('[data-testid="report-sources"] li').count()).toBeGreaterThanOrEqual(2)
    assertPrivate(s)
  })
})
