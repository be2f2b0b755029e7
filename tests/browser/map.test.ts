/**
 * Issue 21 — the township map with the sample: the sample boundaries load with the sample data, every sample
 * township and subdistrict is matched, the choropleth's values equal SQL, a real click on a township cross-filters,
 * the map exports to a 2× PNG that names the townships and goes into the briefing pack; a projected-metres file gets
 * a clear message and the map stays; a user's file survives a reload.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { appUrl, assertPrivate, getOption, openSession, query, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'

const GEO = readFileSync(new URL('../../data/sample/map/demo-county.geojson', import.meta.url), 'utf8')
type Item = { name: string; unitCode: string; value: number; selected?: boolean }
type MapOpt = { series: { type: string; map: string; data: Item[] }[] }

describe('township map on the sample', () => {
  let s: Session
  beforeAll(async () => {
    s = await openSession({ viewport: { width: 1366, height: 900 } })
    await s.page.goto(appUrl('/'))
    await waitForReady(s.page)
    await waitForReports(s.page, 65)
    await s.page.evaluate(() => { location.hash = '#/map' })
    await s.page.waitForSelector('[data-testid="view-map"][data-matched="12"]', { timeout: WORK_BOUND })
    await s.page.waitForSelector('[data-chart-id="township-map"] canvas', { timeout: WORK_BOUND })
    await s.page.evaluate(() => window.__dashboard!.idle())
  })
  afterAll(async () => { await s?.close() })

  test('every sample township and subdistrict is matched; the values equal SQL', async () => {
    const page = s.page
    expect(await page.getAttribute('[data-testid="view-map"]', 'data-unmatched')).toBe('0')
    expect(await page.locator('[data-testid="map-unmatched"]').count()).toBe(0)
    const towns = await query<{ unit_code: string; unit_name: string; v: number | null }>(page, `SELECT u.unit_code, u.unit_name,
      (SELECT sum(s.active_total)::DOUBLE FROM summary s WHERE s.unit_code = u.unit_code) AS v
      FROM units u WHERE u.level IN ('乡镇', '街道') AND u.unit_code LIKE '990101%' ORDER BY u.unit_code`)
    expect(towns).toHaveLength(12)
    const opt = await getOption<MapOpt>(page, 'township-map')
    const data = opt.series[0].data
    expect(opt.series[0].type).toBe('map')
    expect(data.map((d) => d.unitCode).sort()).toEqual(towns.map((t) => t.unit_code))
    for (const t of towns) {
      const d = data.find((x) => x.unitCode === t.unit_code)!
      expect(d.name).toBe(t.unit_name)
      expect(d.value).toBe(t.v)
    }
  })

  test('a click on a township cross-filters; the map keeps its townships and highlights the pick', async () => {
    const page = s.page
    // 青山镇 is the 4th cell of the sample grid: its centre in longitude/latitude
    const f = JSON.parse(GEO).features[3]
    const ring = f.geometry.coordinates[0] as [number, number][]
    const centre = [(ring[0][0] + ring[2][0]) / 2, (ring[0][1] + ring[2][1]) / 2]
    const px = await page.evaluate((v) => window.__dashboard!.chartPixel!('township-map', { seriesIndex: 0, value: v }), centre)
    expect(px).not.toBeNull()
    await page.mouse.click(px!.x, px!.y)
    await page.waitForFunction(() => location.hash.includes('unit=990101101000') && location.hash.includes('pick=township-map'), null, { timeout: WORK_BOUND })
    await page.evaluate(() => window.__dashboard!.idle())
    const opt = await getOption<MapOpt>(page, 'township-map')
    expect(opt.series[0].data).toHaveLength(12)
    expect(opt.series[0].data.find((d) => d.selected)?.unitCode).toBe('990101101000')
    if (process.env.EXPLORE_SHOTS) await page.locator('[data-testid="view-map"]').screenshot({ path: `${process.env.EXPLORE_SHOTS}/map-picked.png` })
    // another view filters to the township
    await page.evaluate(() => { location.hash = location.hash.replace('#/map', '#/') })
    await page.waitForSelector('[data-chart-id="active-bars"] canvas', { timeout: WORK_BOUND })
    await page.evaluate(() => window.__dashboard!.idle())
    const bars = await getOption<{ yAxis: { data: unknown[] }[] | { data: unknown[] } }>(page, 'active-bars')
    const y = Array.isArray(bars.yAxis) ? bars.yAxis[0] : bars.yAxis
    expect(y.data.map(String)).toEqual(['青山镇'])
    await page.evaluate(() => { location.hash = '#/map' })
    await page.waitForSelector('[data-chart-id="township-map"] canvas', { timeout: WORK_BOUND })
  })

  test('the map exports to a 2× PNG naming the townships, and into the briefing pack', async () => {
    const page = s.page
    const panel = page.locator('[data-chart-id="township-map"]')
    const box = (await panel.locator('canvas').first().boundingBox())!
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: WORK_BOUND }), panel.locator('[data-testid="export-png"]').click()])
    const png = readFileSync((await d.path())!)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.floor(box.width) * 2 - 2)
    const texts = (await page.evaluate(() => window.__dashboard!.exportTexts!('township-map'))) ?? []
    for (const n of ['青山镇', '东城街道', '云岭乡']) expect(texts.join('|')).toContain(n)
    await panel.locator('[data-testid="export-menu"]').click()
    await page.locator('[data-menu-for="township-map"] [data-testid="add-to-pack"]').click()
    await page.evaluate(() => { location.hash = '#/briefing' })
    await page.waitForSelector('[data-testid="pack-item"][data-pack-chart="township-map"] img', { timeout: WORK_BOUND })
    const w = await page.locator('[data-testid="pack-item"][data-pack-chart="township-map"] img').evaluate((img) => (img as HTMLImageElement).naturalWidth)
    expect(w).toBeGreaterThan(100)
  })

  test('a projected-metres file gets a clear message and the map stays; a user file survives a reload', async () => {
    const page = s.page
    await page.evaluate(() => { location.hash = '#/map' })
    await page.waitForSelector('[data-testid="view-map"][data-matched="12"]', { timeout: WORK_BOUND })
    const metres = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '青山镇' },
      geometry: { type: 'Polygon', coordinates: [[[500000, 3100000], [501000, 3100000], [501000, 3101000], [500000, 3100000]]] } }] })
    await page.setInputFiles('[data-testid="geojson-input"]', { name: 'metres.geojson', mimeType: 'application/json', buffer: Buffer.from(metres) })
    const err = page.locator('[data-testid="map-message"][data-kind="error"]')
    await err.waitFor({ timeout: WORK_BOUND })
    expect(await err.innerText()).toContain('投影坐标（米），不是经纬度')
    expect(await page.getAttribute('[data-testid="view-map"]', 'data-matched')).toBe('12')
    // the user's own boundaries: one township renamed so it no longer matches
    const mine = GEO.replace('"name":"龙泉镇"', '"name":"不存在镇"')
    await page.setInputFiles('[data-testid="geojson-input"]', { name: 'my-county.geojson', mimeType: 'application/json', buffer: Buffer.from(mine) })
    await page.waitForSelector('[data-testid="view-map"][data-matched="11"][data-unmatched="1"]', { timeout: WORK_BOUND })
    expect(await page.locator('[data-testid="map-unmatched"]').innerText()).toContain('不存在镇')
    // after a reload, straight to the pack: its map item draws (the boundaries are registered at start-up)
    await page.evaluate(() => { location.hash = '#/briefing' })
    await page.reload()
    await waitForReady(page)
    const thumb = page.locator('[data-testid="pack-item"][data-pack-chart="township-map"] img')
    await thumb.waitFor({ timeout: WORK_BOUND })
    expect(await thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100)
    await page.evaluate(() => { location.hash = '#/map' })
    await page.waitForSelector('[data-testid="view-map"][data-matched="11"]', { timeout: WORK_BOUND })
    expect(await page.locator('.map-view .src').innerText()).toContain('my-county.geojson')
    assertPrivate(s)
  })
})
