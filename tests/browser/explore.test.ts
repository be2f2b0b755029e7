/**
 * Explore: on a generated province → city → county → township bundle (≥ 1,000 reports), drill from
 * the top to a township through the children table and back through the breadcrumbs, cross-filter
 * by clicking charts with the mouse (at the pixel ECharts drew the bar / heatmap cell, from
 * `__dashboard.chartPixel`), reopen the copied URL in a fresh browser with the same bundle loaded,
 * and check the figures shown against SQL.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { appUrl, assertPrivate, getOption, openSession, query, twoFrames, uploadFiles, waitForOption, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'

const bundle = generateBundle({ reports: 1200, years: [2019, 2024], seed: 'explore-1200', breaks: false })
const files = encodeFiles(bundle.files, 'utf8')
const SHOTS = process.env.EXPLORE_SHOTS // a folder: write screenshots there

interface ChildAttrs { code: string; self: boolean; reports: number; active: number | null; received: number | null; handled: number | null; gp: number | null }

async function childRows(page: Page): Promise<ChildAttrs[]> {
  return page.$$eval('[data-testid="child-row"]', (els) => els.map((e) => {
    const n = (k: string): number | null => { const v = e.getAttribute(k); return v == null || v === '' ? null : Number(v) }
    return {
      code: e.getAttribute('data-code') ?? '', self: e.getAttribute('data-self') === 'true', reports: Number(e.getAttribute('data-reports')),
      active: n('data-active'), received: n('data-received'), handled: n('data-handled'), gp: n('data-granted-partial'),
    }
  }))
}

/** Wait until the app is idle (no refresh running) and the drill level shown is `code`. */
async function settled(page: Page, drill: string): Promise<void> {
  await page.waitForFunction((d) => {
    const root = document.querySelector('[data-state]')
    const h = document.querySelector('[data-testid="hierarchy-nav"]')
    const busy = document.querySelector('#hier-children')?.getAttribute('aria-busy')
    return root?.getAttribute('data-state') === 'ready' && root.getAttribute('data-querying') === 'false'
      && h?.getAttribute('data-drill') === d && busy === 'false'
  }, drill, { timeout: WORK_BOUND, polling: 100 })
  // every query answered and what they changed drawn (was a fixed 150 ms)
  await page.evaluate(() => window.__dashboard!.idle())
  await twoFrames(page)
}

/** Per child of `parent`, the sums over its descendants in SQL (what the children table must show). */
async function expectedChildren(page: Page, parent: string, where = 'TRUE'): Promise<Map<string, Omit<ChildAttrs, 'code' | 'self'>>> {
  const rows = await query<{ code: string; reports: number; active: number | null; received: number | null; handled: number | null; gp: number | null }>(page, `
    SELECT c.unit_code AS code, count(s.unit_code)::INTEGER AS reports, sum(s.active_total)::DOUBLE AS active,
      sum(s.received)::DOUBLE AS received, sum(s.handled)::DOUBLE AS handled,
      CASE WHEN count(s.granted) + count(s.partial) > 0 THEN (coalesce(sum(s.granted), 0) + coalesce(sum(s.partial), 0))::DOUBLE END AS gp
    FROM units c LEFT JOIN unit_tree t ON t.ancestor_code = c.unit_code LEFT JOIN summary s ON s.unit_code = t.unit_code AND ${where}
    WHERE c.parent_code = '${parent.replace(/'/g, "''")}' GROUP BY c.unit_code`)
  return new Map(rows.map((r) => [r.code, { reports: r.reports, active: r.active, received: r.received, handled: r.handled, gp: r.gp }]))
}

async function kpi(page: Page, id: string): Promise<number> {
  const v = await page.getAttribute(`[data-kpi="${id}"]`, 'data-value')
  return Number(String(v).replace(/[,，\s]/g, ''))
}

/** Where a chart drew a data item, in viewport pixels (the chart scrolled into view first). */
async function itemPixel(page: Page, chartId: string, target: { seriesIndex?: number; dataIndex?: number; value?: number[] }): Promise<{ x: number; y: number; inside: boolean } | null> {
  await page.locator(`[data-chart-id="${chartId}"] canvas`).first().scrollIntoViewIfNeeded()
  // drawn where it is now (no grow-in animation to wait out: the session asks for reduced motion, as helpers.ts says)
  await twoFrames(page)
  return page.evaluate(([id, t]) => window.__dashboard?.chartPixel?.(id as string, t as never) ?? null, [chartId, target] as const)
}

/** A real mouse click (move, then click) on a chart's data item. */
async function clickItem(page: Page, chartId: string, target: { seriesIndex?: number; dataIndex?: number; value?: number[] }, modifiers: ('Control' | 'Meta')[] = []): Promise<void> {
  const pt = await itemPixel(page, chartId, target)
  expect(pt, `${chartId}: ${JSON.stringify(target)} is drawn`).not.toBeNull()
  expect(pt!.inside).toBe(true)
  await page.mouse.move(pt!.x, pt!.y)
  for (const m of modifiers) await page.keyboard.down(m)
  await page.mouse.click(pt!.x, pt!.y)
  for (const m of modifiers) await page.keyboard.up(m)
}

type Axis = { type?: string; data?: string[] }
type BarsOpt = { xAxis: Axis; yAxis: Axis; series: { data: unknown[] }[] }
/** The unit labels of a bar chart: its category axis (horizontal bars put the units on y). */
const unitLabels = (o: BarsOpt): string[] => ([o.xAxis, o.yAxis].find((a) => a?.type === 'category')?.data ?? [])
const numVal = (d: unknown): number | null => {
  const v = d && typeof d === 'object' && !Array.isArray(d) && 'value' in d ? (d as { value: unknown }).value : d
  return typeof v === 'number' ? v : null
}
/** The first series with a drawn bar at category `i`. */
const barSeries = (o: BarsOpt, i: number): number => o.series.findIndex((x) => numVal(x.data[i]) != null)

const hashQuery = (url: string): URLSearchParams => new URLSearchParams(url.slice(url.indexOf('#') + 1).split('?')[1] ?? '')

describe('explore: hierarchy, cross-filter, URL state', () => {
  let s: Session
  let s2: Session | null = null
  let reports = 0
  const path: string[] = [] // province, city, county, township codes
  let copied = ''
  let crossUnit = ''

  beforeAll(async () => {
    s = await openSession()
    await s.page.goto(appUrl('/?nosample=1'))
    await waitForReady(s.page)
    await uploadFiles(s.page, files)
    // generous: loading 1,200 reports is slow on a busy CI machine
    const sum = await waitForReports(s.page, bundle.manifest.counts.reports)
    reports = sum.reports
  })
  afterAll(async () => { await s?.close(); await s2?.close() })

  test('the bundle has ≥ 1,000 reports on four levels', async () => {
    expect(reports).toBeGreaterThanOrEqual(1000)
    const [d] = await query<{ d: number }>(s.page, 'SELECT max(dist)::INTEGER AS d FROM unit_tree')
    expect(d.d).toBeGreaterThanOrEqual(3)
  })

  test('drill down from the top to a township; every children table agrees with SQL', async () => {
    const page = s.page
    await settled(page, '')
    // top: the root(s)
    const top = await childRows(page)
    const [root] = await query<{ code: string }>(page, 'SELECT unit_code AS code FROM units WHERE parent_code IS NULL ORDER BY unit_code LIMIT 1')
    expect(top.map((r) => r.code)).toContain(root.code)
    expect(top.find((r) => r.code === root.code)?.reports).toBe(reports)
    let parent = root.code
    for (let level = 0; level < 4; level++) {
      await page.click(`[data-testid="drill-child"][data-code="${parent}"]`)
      await settled(page, parent)
      path.push(parent)
      expect(hashQuery(page.url()).get('drill')).toBe(parent)
      const shown = (await childRows(page)).filter((r) => !r.self)
      const want = await expectedChildren(page, parent)
      expect(shown.length).toBe(want.size)
      for (const r of shown) expect({ code: r.code, ...want.get(r.code) }).toEqual({ code: r.code, reports: r.reports, active: r.active, received: r.received, handled: r.handled, gp: r.gp })
      // the overview follows the drill level: reports of the drill unit and below
      const [n] = await query<{ n: number }>(page, `SELECT count(*)::INTEGER AS n FROM summary s JOIN unit_tree t ON t.unit_code = s.unit_code WHERE t.ancestor_code = '${parent}'`)
      expect(await kpi(page, 'reports')).toBe(n.n)
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/drill-${level}.png`, fullPage: false })
      if (shown.length === 0) break
      // go on with the child that has the most reports
      parent = [...shown].sort((a, b) => b.reports - a.reports || a.code.localeCompare(b.code))[0].code
    }
    expect(path.length).toBe(4)
    const crumbs = await page.$$eval('[data-testid="crumb"]', (els) => els.map((e) => e.getAttribute('data-code')))
    expect(crumbs).toEqual(['', ...path])
    const [lvl] = await query<{ level: string }>(page, `SELECT level FROM units WHERE unit_code = '${path[3]}'`)
    expect(['乡镇', '街道', '部门']).toContain(lvl.level)
  })

  test('roll up through the breadcrumbs and the up button', async () => {
    const page = s.page
    await page.click(`[data-testid="crumb"][data-code="${path[1]}"]`)
    await settled(page, path[1])
    await page.click('[data-testid="drill-up"]')
    await settled(page, path[0])
    await page.click('[data-testid="crumb"][data-code=""]')
    await settled(page, '')
    expect(hashQuery(page.url()).get('drill')).toBeNull()
    // and down again to the county for the next steps (keyboard: focus + Enter)
    for (const c of path.slice(0, 3)) {
      await page.focus(`[data-testid="drill-child"][data-code="${c}"]`)
      await page.keyboard.press('Enter')
      await settled(page, c)
    }
  })

  test('cross-filter: a mouse click on a bar filters the other charts; on a heatmap cell, unit and year', async () => {
    const page = s.page
    const bars = await getOption<BarsOpt>(page, 'active-bars')
    const label = unitLabels(bars)[0]
    const si = barSeries(bars, 0)
    expect(si).toBeGreaterThanOrEqual(0)
    await clickItem(page, 'active-bars', { seriesIndex: si, dataIndex: 0 })
    await page.waitForSelector('[data-testid="filter-tag"][data-key^="unit:"]')
    crossUnit = (await page.getAttribute('[data-testid="filter-tag"][data-key^="unit:"]', 'data-key'))!.slice(5)
    await settled(page, path[2])
    const [u] = await query<{ name: string }>(page, `SELECT unit_name AS name FROM units WHERE unit_code = '${crossUnit}'`)
    expect(label.startsWith(u.name)).toBe(true)
    // the tag is marked as coming from a chart and links to the unit profile
    const tag = page.locator(`[data-testid="filter-tag"][data-key="unit:${crossUnit}"]`)
    expect(await tag.textContent()).toContain('图表联动')
    expect(await tag.locator('[data-testid="filter-tag-profile"]').getAttribute('href')).toContain(`#/unit/${crossUnit}`)
    // the outcome chart by unit now shows that unit (and below it) only
    const [n] = await query<{ n: number }>(page, `SELECT count(DISTINCT s.unit_code)::INTEGER AS n FROM summary s JOIN unit_tree t ON t.unit_code = s.unit_code WHERE t.ancestor_code = '${crossUnit}'`)
    const outcomes = await getOption<{ yAxis: { data: string[] } | { data: string[] }[] }>(page, 'outcome-counts-unit')
    const cats = Array.isArray(outcomes.yAxis) ? outcomes.yAxis[0].data : outcomes.yAxis.data
    expect(cats.length).toBe(n.n)
    expect(hashQuery(page.url()).getAll('unit')).toEqual([crossUnit])

    // heatmap cell (unit × year) of the picked unit, the latest year it has a value: clicked where it is drawn
    const heat = await getOption<{ xAxis: { data: string[] }; yAxis: { data: string[] }; series: { data: [number, number, unknown][] }[] }>(page, 'active-heatmap')
    const row = heat.yAxis.data.findIndex((l) => l.startsWith(u.name))
    expect(row).toBeGreaterThanOrEqual(0)
    const cell = heat.series[0].data.filter((d) => d[1] === row && typeof d[2] === 'number').sort((a, b) => b[0] - a[0])[0]
    expect(cell).toBeTruthy()
    const year = Number(heat.xAxis.data[cell[0]])
    await clickItem(page, 'active-heatmap', { seriesIndex: 0, value: [cell[0], cell[1]] })
    await page.waitForFunction((y) => new URLSearchParams(location.hash.split('?')[1]).get('years') === `${y}-${y}`, year, { timeout: WORK_BOUND })
    await settled(page, path[2])
    expect(hashQuery(page.url()).getAll('unit')).toEqual([crossUnit])
    const [r] = await query<{ n: number; a: number | null }>(page, `SELECT count(*)::INTEGER AS n, sum(active_total)::DOUBLE AS a FROM summary s JOIN unit_tree t ON t.unit_code = s.unit_code
      WHERE t.ancestor_code = '${crossUnit}' AND s.year = ${year}`)
    expect(await kpi(page, 'reports')).toBe(r.n)
    if (r.a != null) expect(await kpi(page, 'active-total')).toBe(r.a)
    // the bars now draw that year only, and their values add up to what SQL says
    const after = await getOption<BarsOpt>(page, 'active-bars')
    expect(after.series.length).toBe(1)
    const drawn = after.series[0].data.map(numVal).filter((v): v is number => v != null)
    if (r.a != null) expect(drawn.reduce((a, b) => a + b, 0)).toBeCloseTo(r.a, 6)
    else expect(drawn).toEqual([])
    const tags = await page.$$eval('[data-testid="filter-tag"]', (els) => els.map((e) => e.getAttribute('data-key')).sort())
    expect(tags).toEqual(['drill', 'unit:' + crossUnit, 'years'].sort())
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/cross.png`, fullPage: false })
    copied = page.url()
  })

  test('the copied URL reopens the same view and filters once the same bundle is loaded', async () => {
    s2 = await openSession()
    const page = s2.page
    await page.goto(copied)
    await waitForReady(page)
    await uploadFiles(page, files)
    await waitForReports(page, reports)
    await settled(page, path[2])
    const q = hashQuery(page.url())
    expect(q.get('drill')).toBe(path[2])
    expect(q.getAll('unit')).toEqual([crossUnit])
    expect(q.get('years')).toBe(hashQuery(copied).get('years'))
    const tags = await page.$$eval('[data-testid="filter-tag"]', (els) => els.map((e) => e.getAttribute('data-key')).sort())
    expect(tags).toEqual(['drill', 'unit:' + crossUnit, 'years'].sort())
    expect(await kpi(page, 'reports')).toBe(await kpi(s.page, 'reports'))
    expect(await getOption(page, 'active-heatmap').then((o) => JSON.stringify((o as { series: unknown[] }).series[0])))
      .toBe(await getOption(s.page, 'active-heatmap').then((o) => JSON.stringify((o as { series: unknown[] }).series[0])))
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reopened.png`, fullPage: false })
  })
  test('removing the cross-filter tag and "clear all" restore the data', async () => {
    const page = s.page
    await page.click(`[data-testid="filter-tag"][data-key="unit:${crossUnit}"] .el-tag__close`)
    await page.waitForFunction(() => !document.querySelector('[data-testid="filter-tag"][data-key^="unit:"]'))
    expect(hashQuery(page.url()).getAll('unit')).toEqual([])
    await page.click('[data-testid="filter-clear-all"]')
    await settled(page, '')
    expect(await kpi(page, 'reports')).toBe(reports)
    expect(hashQuery(page.url()).get('nosample')).not.toBeNull()
  })

  test('the active view\'s volume charts: a click cross-filters like the overview\'s, a Ctrl-click opens the unit profile', async () => {
    const page = s.page
    await page.evaluate(() => { location.hash = '#/active?nosample=1' })
    await page.waitForSelector('[data-testid="view-active"]')
    // the shared filters bar is there (written once, in the app shell)
    expect(await page.locator('[data-testid="filters"]').count()).toBe(1)
    type Heat = { yAxis: { data: string[] }; series: { data: [number, number, unknown][] }[] }
    // Ctrl-click a heatmap cell in the rows shown (the heatmap scrolls beyond 30): that unit's profile, no filter
    const heat = await waitForOption<Heat>(page, 'active-unit-heatmap', (o) => o.yAxis.data.length > 0)
    const cell = heat.series[0].data.find((d) => d[1] < 30 && typeof d[2] === 'number')!
    expect(cell).toBeTruthy()
    await clickItem(page, 'active-unit-heatmap', { seriesIndex: 0, value: [cell[0], cell[1]] }, ['Control'])
    await page.waitForSelector('[data-testid="view-unit"]', { timeout: WORK_BOUND })
    const opened = (await page.getAttribute('[data-testid="view-unit"]', 'data-unit-code'))!
    const [o] = await query<{ name: string }>(page, `SELECT unit_name AS name FROM units WHERE unit_code = '${opened.replace(/'/g, "''")}'`)
    expect(heat.yAxis.data[cell[1]].startsWith(o.name)).toBe(true)
    expect(hashQuery(page.url()).getAll('unit')).toEqual([])
    expect(await page.locator('[data-testid="filters"]').count()).toBe(1)
    await page.goBack()
    await page.waitForSelector('[data-testid="view-active"]')

    // a plain click on a bar filters every chart to that unit (and below it)
    const bars = await waitForOption<BarsOpt>(page, 'active-unit-bars', (x) => unitLabels(x).length > 1 && barSeries(x, 1) >= 0)
    await clickItem(page, 'active-unit-bars', { seriesIndex: barSeries(bars, 1), dataIndex: 1 })
    await page.waitForSelector('[data-testid="filter-tag"][data-key^="unit:"]')
    const code = (await page.getAttribute('[data-testid="filter-tag"][data-key^="unit:"]', 'data-key'))!.slice(5)
    const [u] = await query<{ name: string }>(page, `SELECT unit_name AS name FROM units WHERE unit_code = '${code}'`)
    expect(unitLabels(bars)[1].startsWith(u.name)).toBe(true)
    const [t] = await query<{ a: number | null }>(page, `SELECT sum(active_total)::DOUBLE AS a FROM summary s JOIN unit_tree t ON t.unit_code = s.unit_code WHERE t.ancestor_code = '${code}'`)
    await waitForOption<{ series: { id?: string; data: unknown[] }[] }>(page, 'active-trend',
      (x) => Math.abs((x.series.find((y) => y.id === 'active_total')?.data ?? []).map(numVal).reduce<number>((a, b) => a + (b ?? 0), 0) - (t.a ?? 0)) < 1e-6)
    // the filter tag's profile link opens that unit's profile
    await page.click(`[data-testid="filter-tag-profile"][data-code="${code}"]`)
    await page.waitForSelector(`[data-testid="view-unit"][data-unit-code="${code}"]`, { timeout: WORK_BOUND })
    await page.click('[data-testid="filter-clear-all"]')
    await page.waitForFunction(() => !document.querySelector('[data-testid="filter-tag"]'))
  })

  test('units of a link that the data does not have are dropped with a note', async () => {
    const page = s.page
    await page.goto(appUrl(`/?nosample=1&unit=NOPE-1&unit=${path[1]}`))
    await waitForReady(page)
    await page.waitForSelector('[data-testid="filter-dropped"]', { timeout: WORK_BOUND })
    expect(await page.textContent('[data-testid="filter-dropped"]')).toContain('NOPE-1')
    await page.waitForFunction(() => !location.hash.includes('NOPE-1'))
    expect(hashQuery(page.url()).getAll('unit')).toEqual([path[1]])
  })

  test('privacy: nothing left 127.0.0.1', () => {
    assertPrivate(s)
    if (s2) assertPrivate(s2)
  })
})
