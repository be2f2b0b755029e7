/**
 * What a supervisor does around the charts: a click cross-filters with the usual semantics (the clicked chart
 * keeps its other bars and highlights the pick, the others filter); a second bundle asks "replace or add"; a
 * file that is not a table is a notice beside the data (not an error page, not a finding); the findings badge
 * takes the colour of the worst severity.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { generateSparseBundle } from '../../scripts/lib/sparse.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { bundleFacts } from './bundle-facts'
import { appUrl, assertPrivate, openSession, query, readSummary, uploadFiles, waitForOption, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'

const bundle = generateSparseBundle({ units: 40, seed: 'interaction-40' })
const other = generateSparseBundle({ units: 12, seed: 'interaction-12' })
type Opt = { yAxis?: { data?: string[] }; series?: { id?: string; data: unknown[] }[] }
const enc = (t: string): Uint8Array => new TextEncoder().encode(t)

describe('interaction on a sparse bundle', () => {
  let s: Session
  beforeAll(async () => {
    s = await openSession({ viewport: { width: 1366, height: 900 } })
    await s.page.goto(appUrl('/?nosample=1'))
    await waitForReady(s.page)
    await uploadFiles(s.page, encodeFiles(bundle.files, 'utf8'))
    await waitForReports(s.page, bundle.manifest.counts.reports)
  })
  afterAll(async () => { await s?.close() })

  test('a click keeps the clicked chart\'s bars (the pick highlighted) and filters the others', async () => {
    const page = s.page
    const before = await waitForOption<Opt>(page, 'outcome-counts-unit', (o) => (o.yAxis?.data?.length ?? 0) > 3)
    const n = before.yAxis!.data!.length
    const item = (before.series![0].data[2] as { unitCode: string })
    expect(await page.evaluate(([p]) => window.__dashboard!.chartClick!('outcome-counts-unit', p as never), [{ seriesType: 'bar', dataIndex: 2, data: item }])).toBe(true)
    await page.waitForFunction(() => location.hash.includes('pick=outcome-counts-unit'))
    await page.evaluate(() => window.__dashboard!.idle())
    // the clicked chart: every unit still there, the others dimmed
    const after = await waitForOption<Opt>(page, 'outcome-counts-unit', (o) => JSON.stringify(o).includes('"opacity":0.3'))
    expect(after.yAxis!.data!.length).toBe(n)
    const dimmed = (after.series![0].data as { unitCode: string; itemStyle?: { opacity?: number } }[])
    expect(dimmed.filter((d) => d.itemStyle?.opacity == null).map((d) => d.unitCode)).toEqual([item.unitCode])
    // the other charts: that unit only
    const bars = await waitForOption<Opt>(page, 'active-bars', (o) => o.yAxis?.data?.length === 1)
    const [u] = await query<{ name: string }>(page, `SELECT unit_name AS name FROM units WHERE unit_code = '${item.unitCode}'`)
    expect(bars.yAxis!.data![0].startsWith(u.name)).toBe(true)
    expect(await page.locator('[data-testid="filter-tag"][data-key^="unit:"]').textContent()).toContain('图表联动')
    await page.click('[data-testid="filter-clear-all"]')
    await waitForOption<Opt>(page, 'active-bars', (o) => (o.yAxis?.data?.length ?? 0) > 1)
    expect(page.url()).not.toContain('pick=')
  })

  test('the findings badge takes the colour of the worst severity', async () => {
    const [w] = await query<{ sev: string }>(s.page, `SELECT CASE WHEN bool_or(severity = 'error') THEN 'error' WHEN bool_or(severity = 'warning') THEN 'warning' ELSE 'info' END AS sev FROM findings`)
    expect(await s.page.getAttribute('[data-testid="findings-badge"]', 'data-severity')).toBe(w.sev)
  })

  test('a file that is not a table: a notice beside the data, no error page, not counted as a finding', async () => {
    const page = s.page
    const before = await readSummary(page)
    await uploadFiles(page, { 'notes.csv': enc('名称,备注\n甲,乙\n') })
    const notice = page.locator('[data-testid="rejected-notice"]')
    await notice.waitFor({ timeout: WORK_BOUND })
    expect(await notice.textContent()).toContain('notes.csv')
    expect(await page.getAttribute('[data-state]', 'data-state')).toBe('ready')
    expect(await page.locator('[data-testid="error"]').count()).toBe(0)
    expect(await page.locator('[data-testid="filters"]').count()).toBe(1)
    expect(await readSummary(page)).toEqual(before)
  })

  test('a second bundle: asked first whether to add or replace; "replace" leaves only the new bundle', async () => {
    const page = s.page
    // add (the answer given by the dialog's primary button)
    await page.click('[data-testid="pick-files"]')
    const dialog = page.locator('.load-mode-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain(String(bundle.manifest.counts.reports))
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.locator('.el-button--primary').click()])
    await chooser.setFiles(Object.entries(encodeFiles(other.files, 'utf8')).map(([name, b]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(b) })))
    // added: the reports of both (a unit-year given twice counts once)
    const sum = bundleFacts([bundle.files['reports.csv'], other.files['reports.csv']]).reportCount
    const both = await waitForReports(page, sum)
    expect(both.reports).toBe(sum)
    // replace
    await page.click('[data-testid="pick-files"]')
    await dialog.waitFor()
    const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), dialog.locator('.el-message-box__btns .el-button:not(.el-button--primary)').click()])
    await chooser2.setFiles(Object.entries(encodeFiles(other.files, 'utf8')).map(([name, b]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(b) })))
    const only = await waitForReports(page, other.manifest.counts.reports)
    expect(only.reports).toBe(other.manifest.counts.reports)
    const [f] = await query<{ n: number }>(page, 'SELECT count(*)::INTEGER AS n FROM files')
    expect(f.n).toBe(Object.keys(other.files).length)
    // closing the dialog loads nothing
    await page.click('[data-testid="pick-files"]')
    await dialog.waitFor()
    await dialog.locator('.el-message-box__headerbtn').click()
    await dialog.waitFor({ state: 'hidden' })
    expect((await readSummary(page)).reports).toBe(other.manifest.counts.reports)
  })

  test('privacy: nothing left 127.0.0.1', () => { assertPrivate(s) })
})
