/**
 * Real bundles are sparse and partial (scripts/lib/sparse.mjs): at 40 and at 300 units, every by-unit chart's
 * export names every unit; yearly figures show the reports behind each year and the like-for-like option keeps
 * the units SQL says; partial outcome groups are missing, not sums; empty charts say why; PPTX pictures fill
 * their slides; printing N charts gives N + 1 pages (the cover), a chart split over pages saying so.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { generateSparseBundle } from '../../scripts/lib/sparse.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { assertPrivate, freshStart, getOption, openSession, query, uploadFiles, waitForOption, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'
import { readPng } from './png'

type Opt = { yAxis?: unknown; xAxis?: unknown; series?: { id?: string; data: unknown[] }[] }
const first = (a: unknown): { type?: string; data?: unknown[] } => (Array.isArray(a) ? a[0] : a) as { type?: string; data?: unknown[] }
const labels = (o: Opt): string[] => (first(o.yAxis).data ?? []).map(String)
const val = (d: unknown): number | null => {
  const v = d && typeof d === 'object' && !Array.isArray(d) && 'value' in d ? (d as { value: unknown }).value : d
  return typeof v === 'number' ? v : null
}
const seriesOf = (o: Opt, id: string) => (o.series ?? []).find((s) => s.id === id)?.data ?? []

async function go(page: Page, hash: string, testId: string): Promise<void> {
  await page.evaluate((h) => { location.hash = h }, hash)
  await page.waitForSelector(`[data-testid="${testId}"]`, { timeout: WORK_BOUND })
  await page.evaluate(() => window.__dashboard!.idle())
}

async function menu(page: Page, chartId: string, item: string): Promise<void> {
  const panel = page.locator(`[data-chart-id="${chartId}"]`)
  await panel.scrollIntoViewIfNeeded()
  await panel.locator('[data-testid="export-menu"]').click()
  await page.locator(`[data-menu-for="${chartId}"] [data-testid="${item}"]`).click()
}

/** Unit names (a label is the name, or "name · parent" when two units share it). */
const nameOf = (label: string): string => label.split(' · ')[0]

// One browser for both sizes; each starts as a first visit (freshStart clears what the other loaded and saved).
let s: Session
beforeAll(async () => { s = await openSession({ viewport: { width: 1366, height: 768 } }) })
afterAll(async () => { await s?.close() })

describe.each([40, 300])('sparse bundle, %i units', (units) => {
  const bundle = generateSparseBundle({ units, seed: `sparse-${units}` })
  beforeAll(async () => {
    await freshStart(s, '/?nosample=1')
    await waitForReady(s.page)
    await uploadFiles(s.page, encodeFiles(bundle.files, 'utf8'))
    await waitForReports(s.page, bundle.manifest.counts.reports)
  })

  test('a chart is above the fold at 1366×768', async () => {
    const box = await s.page.locator('[data-chart-id="active-bars"] canvas').first().boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y + 60).toBeLessThan(768)
  })

  test('every by-unit chart names every unit, in full, and its PNG export draws every name', async () => {
    const page = s.page
    const sqlNames = async (where: string) => (await query<{ n: string }>(page,
      `SELECT arg_max(unit_name, year) AS n FROM summary WHERE ${where} GROUP BY unit_code`)).map((r) => r.n).sort()
    const charts: [string, string, string, string][] = [
      ['#/?nosample=1', 'view-overview', 'active-bars', 'TRUE'],
      ['#/?nosample=1', 'view-overview', 'active-heatmap', 'TRUE'],
      ['#/?nosample=1', 'view-overview', 'outcome-shares-unit', 'has_applications'],
      ['#/?nosample=1', 'view-overview', 'outcome-counts-unit', 'has_applications'],
      ['#/active?nosample=1', 'view-active', 'active-unit-bars', 'TRUE'],
      ['#/applications?nosample=1', 'view-applications', 'disclosure-rate-unit', 'has_applications'],
    ]
    for (const [hash, view, id, where] of charts) {
      await go(page, hash, view)
      const want = await sqlNames(where)
      const o = await waitForOption<Opt>(page, id, (x) => labels(x).length === want.length)
      const got = labels(o)
      expect(got.map(nameOf).sort(), id).toEqual(want)
      // drawn in the export: each label is a drawn text (nothing hidden by a label interval or overlap)
      const drawn = new Set(await page.evaluate((c) => window.__dashboard!.exportTexts!(c), id) ?? [])
      const missing = got.filter((l) => !drawn.has(l))
      expect(missing, `${id}: labels not drawn in the export`).toEqual([])
    }
    // the PNG itself grows with the units (every row at ≥ 20 px)
    await go(page, '#/?nosample=1', 'view-overview')
    const n = labels(await getOption<Opt>(page, 'active-bars')).length
    const panel = page.locator('[data-chart-id="active-bars"]')
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: WORK_BOUND }), panel.locator('[data-testid="export-png"]').click()])
    const png = readPng(readFileSync((await d.path())!))
    expect(png.height / 2).toBeGreaterThanOrEqual(n * 20)
  })
  test('a long by-unit chart draws the rows in view; its scroll bar brings the last units, and a click there picks that unit', async () => {
    const page = s.page
    await go(page, '#/?nosample=1', 'view-overview')
    const o = await getOption<Opt>(page, 'active-bars')
    const full = labels(o)
    const VIEW = 30
    expect(full.length).toBeGreaterThan(VIEW)
    const drawn = (): Promise<string[] | null> => page.evaluate(() => window.__dashboard!.drawnRows!('active-bars'))
    // ECharts holds the rows in view only
    expect(await drawn()).toEqual(full.slice(0, VIEW))
    // the chart's scroll bar to its end: the last rows are drawn
    const bar = page.locator('[data-chart-id="active-bars"] [data-testid="row-scroll"]')
    await bar.evaluate((e) => { e.scrollTop = e.scrollHeight })
    await expect.poll(drawn, { timeout: WORK_BOUND }).toEqual(full.slice(-VIEW))
    // a click on the lowest drawn bar picks the unit of that row of the full option
    const first = full.length - VIEW
    const row = [...Array(VIEW).keys()].map((i) => first + i).reverse().find((r) => (o.series ?? []).some((x) => val(x.data[r]) != null))!
    const si = (o.series ?? []).findIndex((x) => val(x.data[row]) != null)
    const want = ((o.series ?? [])[si].data[row] as { unitCode: string }).unitCode
    const pixel = () => page.evaluate(([i]) => window.__dashboard!.chartPixel!('active-bars', { seriesIndex: i[0], dataIndex: i[1] }), [[si, row - first]] as const)
    await page.evaluate((y) => window.scrollBy(0, y - innerHeight / 2), (await pixel())!.y) // the row into the viewport
    const pt = await pixel()
    expect(pt?.inside).toBe(true)
    await page.mouse.click(pt!.x, pt!.y)
    await page.waitForSelector(`[data-testid="filter-tag"][data-key="unit:${want}"]`, { timeout: WORK_BOUND })
    await page.locator('[data-testid="filter-clear-all"]').click()
    await page.waitForFunction(() => !document.querySelector('[data-testid="filter-tag"]'))
  })

  test('the headline change names a latest year too thin to compare and compares the year SQL says instead', async () => {
    const per = await query<{ year: number; n: number }>(s.page, 'SELECT year::INTEGER AS year, count(*)::INTEGER AS n FROM summary GROUP BY year ORDER BY year')
    const max = Math.max(...per.map((r) => r.n))
    const settled = per.filter((r) => r.n >= Math.min(3, max) && r.n * 2 >= max).at(-1)!.year
    const latest = per.at(-1)!
    const note = s.page.locator('[data-testid="kpi-thin-year"]')
    if (latest.year === settled) { expect(await note.count()).toBe(0); return }
    expect(await note.textContent()).toBe(`${latest.year} 年只有 ${latest.n} 份报告，不足以比较；同比为 ${settled} 年较上年。`)
    for (const c of await s.page.locator('[data-testid="kpi-change"]').allTextContents()) expect(c).toMatch(new RegExp(`^${settled} 年较 ${settled - 1} 年`))
  })

  test('yearly figures show the reports per year; "same units every year" keeps the units SQL says', async () => {
    const page = s.page
    await go(page, '#/active?nosample=1', 'view-active')
    const per = await query<{ year: number; n: number; a: number | null }>(page,
      'SELECT year::INTEGER AS year, count(*)::INTEGER AS n, sum(active_total)::DOUBLE AS a FROM summary GROUP BY year ORDER BY year')
    const trend = await waitForOption<Opt>(page, 'active-trend', (o) => seriesOf(o, 'reports').length === per.length)
    expect(seriesOf(trend, 'reports').map(val)).toEqual(per.map((r) => r.n))
    expect(await page.locator('[data-chart-id="active-trend"] [data-testid="chart-note"]').textContent()).toContain(`${Math.min(...per.map((r) => r.n))}–${Math.max(...per.map((r) => r.n))}`)
    // like for like over two years with reports
    const [y0, y1] = per.slice(-3, -1).map((r) => r.year)
    await go(page, `#/active?nosample=1&years=${y0}-${y1}`, 'view-active')
    const panel = await query<{ u: string }>(page, `SELECT unit_code AS u FROM summary WHERE year BETWEEN ${y0} AND ${y1} GROUP BY unit_code HAVING count(DISTINCT year) = 2`)
    const box = page.locator('[data-testid="filter-panel"]')
    await expect.poll(() => box.getAttribute('data-units')).toBe(String(panel.length))
    expect(await box.textContent()).toContain(String(panel.length))
    await box.click()
    await page.waitForFunction(() => location.hash.includes('panel=1'))
    const want = await query<{ year: number; n: number; a: number | null }>(page, `SELECT year::INTEGER AS year, count(*)::INTEGER AS n, sum(active_total)::DOUBLE AS a
      FROM summary WHERE year BETWEEN ${y0} AND ${y1} AND unit_code IN (${panel.map((p) => `'${p.u}'`).join(',') || "''"}) GROUP BY year ORDER BY year`)
    const o = await waitForOption<Opt>(page, 'active-trend', (x) => JSON.stringify(seriesOf(x, 'reports').map(val)) === JSON.stringify(want.map((r) => r.n)))
    expect(seriesOf(o, 'active_total').map(val)).toEqual(want.map((r) => r.a))
    expect(await page.locator('[data-chart-id="active-trend"] [data-testid="chart-note"]').textContent()).toContain(`${panel.length}`)
    await page.locator('[data-testid="filter-clear-all"]').click()
    await page.waitForFunction(() => !location.hash.includes('panel=1'))
  })
  test('a partial outcome group is missing for its unit, not the sum of the rows that are there', async () => {
    const page = s.page
    await go(page, '#/?nosample=1', 'view-overview')
    // units whose every report with section 三 lacks a group (absent or blank rows)
    const rows: { name: string; g: string }[] = []
    for (const g of ['withheld', 'unavailable', 'rejected', 'other']) {
      for (const r of await query<{ name: string }>(page, `SELECT arg_max(unit_name, year) AS name FROM summary WHERE has_applications
        GROUP BY unit_code HAVING bool_and(${g} IS NULL)`)) rows.push({ name: r.name, g })
    }
    expect(rows.length).toBeGreaterThan(0)
    const o = await getOption<Opt>(page, 'outcome-counts-unit')
    const cats = labels(o)
    for (const r of rows) {
      const i = cats.findIndex((l) => nameOf(l) === r.name)
      expect(i, r.name).toBeGreaterThanOrEqual(0)
      expect(val(seriesOf(o, r.g)[i]), `${r.name} ${r.g}`).toBeNull()
    }
    expect(await page.locator('[data-chart-id="outcome-counts-unit"] [data-testid="chart-note"]').textContent()).toMatch(/缺失行或空白/)
  })

  test('empty charts say why, in words (no bare axes)', async () => {
    const page = s.page
    const [u] = await query<{ code: string }>(page, `SELECT unit_code AS code FROM summary GROUP BY unit_code HAVING NOT bool_or(has_applications) ORDER BY unit_code LIMIT 1`)
    await go(page, `#/applications?nosample=1&unit=${u.code}`, 'view-applications')
    const flow = page.locator('[data-chart-id="applications-flow"]')
    await expect.poll(() => flow.getAttribute('data-empty')).toBe('true')
    expect(await flow.getAttribute('data-empty-reason')).toContain('依申请公开表')
    expect(await flow.locator('canvas').count()).toBe(0)
    await go(page, `#/?nosample=1&unit=${u.code}`, 'view-overview')
    const shares = page.locator('[data-chart-id="outcome-shares-unit"]')
    await expect.poll(() => shares.getAttribute('data-empty')).toBe('true')
    expect((await shares.locator('[data-testid="empty-reason"]').textContent())?.trim().length).toBeGreaterThan(6)
    await page.locator('[data-testid="filter-clear-all"]').click()
    // cleared before the next test: a unit still in the URL is carried to the next route, and that unit has no
    // applications (an empty applications-flow is no page of the printed pack)
    await page.waitForFunction(() => !location.hash.includes('unit='), null, { timeout: WORK_BOUND })
  })

  test('PPTX: chart pictures cover ≥ 80 % of the slide width; a tall chart is split over slides', async () => {
    const page = s.page
    await go(page, '#/?nosample=1', 'view-overview')
    await menu(page, 'active-bars', 'add-to-pack')
    await menu(page, 'outcome-shares-year', 'add-to-pack')
    await go(page, '#/briefing?nosample=1', 'view-briefing')
    await page.locator('[data-testid="pack-item"]').nth(1).waitFor()
    expect(await page.locator('[data-testid="pack-thumb"] img').count()).toBeGreaterThan(0)
    const parts = page.locator('[data-testid="pack-parts"]')
    const slidesOfBars = (await parts.count()) ? Number(await parts.first().getAttribute('data-slides')) : 1
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: WORK_BOUND }), page.locator('[data-testid="export-pptx"]').click()])
    const zip = unzipSync(new Uint8Array(readFileSync((await d.path())!)))
    const pres = strFromU8(zip['ppt/presentation.xml'])
    const slideW = Number(/<p:sldSz cx="(\d+)"/.exec(pres)![1])
    const slides = Object.keys(zip).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    expect(slides.length).toBe(1 + slidesOfBars + 1 + 1)
    for (const p of slides) {
      const xml = strFromU8(zip[p])
      if (!xml.includes('<p:pic>')) continue
      const cx = Number(/<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(xml)![1])
      expect(cx / slideW, p).toBeGreaterThanOrEqual(0.8)
      expect(strFromU8(zip[p.replace('slides/', 'slides/_rels/') + '.rels'])).toContain('notesSlide')
    }
    if (units >= 300) expect(slidesOfBars).toBeGreaterThan(1)
  })
  test('printing N charts gives N + 1 pages (the cover); a split chart says how many pages it takes', async () => {
    const page = s.page
    await go(page, '#/briefing?nosample=1', 'view-briefing')
    await page.locator('[data-testid="pack-clear"]').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await go(page, '#/active?nosample=1', 'view-active')
    for (const id of ['active-trend', 'decisions']) await menu(page, id, 'add-to-pack')
    await go(page, '#/applications?nosample=1', 'view-applications')
    await menu(page, 'applications-flow', 'add-to-pack')
    const pdfPages = async (): Promise<number> => {
      await go(page, '#/print?nosample=1', 'view-print')
      await page.waitForSelector('[data-testid="view-print"][data-ready="true"]', { timeout: WORK_BOUND })
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      if (process.env.SPARSE_OUT) (await import('node:fs')).writeFileSync(`${process.env.SPARSE_OUT}/print-${units}-${Date.now()}.pdf`, pdf)
      return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    }
    expect(await pdfPages()).toBe(3 + 1)
    // a by-unit chart: the pages its part count says
    await go(page, '#/?nosample=1', 'view-overview')
    await menu(page, 'active-bars', 'add-to-pack')
    await go(page, '#/briefing?nosample=1', 'view-briefing')
    const parts = page.locator('[data-testid="pack-parts"]')
    const pages = (await parts.count()) ? Number(await parts.first().getAttribute('data-pages')) : 1
    expect(await pdfPages()).toBe(3 + pages + 1)
    expect(Number(await page.getAttribute('[data-testid="view-print"]', 'data-pages'))).toBe(3 + pages + 1)
  })
  test('privacy: nothing left 127.0.0.1', () => { assertPrivate(s) })
})
