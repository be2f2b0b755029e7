/**
 * Briefing export: PNG at 1×/2×/3× (re-rendered offscreen), SVG (well-formed, text stays text),
 * CSV (BOM, formula-looking cells neutralised), xlsx (values match the chart), a 5-chart pack →
 * PPTX (title slide + 5 chart slides + sources slide), and CJK glyphs drawn in the PNG title.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { unzipSync, strFromU8 } from 'fflate'
import ExcelJS from 'exceljs'
import type { Download, Page } from 'playwright-core'
import { CHART_IDS, appUrl, assertPrivate, freshStart, getOption, openSession, sampleReportsCsv, uploadFiles, waitForOption, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'
import { bundleFacts } from './bundle-facts'
import { readPng } from './png'
import { optionToTable, xlsxCell } from '../../src/export/table'

const HOSTILE = '=HYPERLINK("x")'
const OUT = process.env.BRIEFING_OUT ?? '/tmp/briefing-test'

/** The demo sample with one unit renamed to a formula. */
function hostileBundle(): Record<string, Uint8Array> {
  const dir = new URL('../../data/sample/demo/', import.meta.url)
  const files: Record<string, Uint8Array> = {}
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    let text = readFileSync(new URL(f, dir), 'utf8')
    if (f === 'reports.csv' || f === 'units.csv') text = text.replaceAll(',东城街道,', `,"${HOSTILE.replaceAll('"', '""')}",`)
    files[f] = new TextEncoder().encode(text)
  }
  return files
}

async function bytesOf(d: Download): Promise<Buffer> {
  return readFileSync((await d.path())!)
}

async function fromMenu(page: Page, chartId: string, item: string): Promise<Download> {
  const panel = page.locator(`[data-chart-id="${chartId}"]`)
  await panel.scrollIntoViewIfNeeded()
  await panel.locator('[data-testid="export-menu"]').click()
  const entry = page.locator(`[data-menu-for="${chartId}"] [data-testid="${item}"]`)
  const errors: string[] = []
  const onErr = (m: { type(): string; text(): string }) => { if (m.type() === 'error') errors.push(m.text()) }
  page.on('console', onErr)
  try {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WORK_BOUND }), entry.click()])
    return download
  } catch (e) {
    throw new Error(`${item}: no download (${String(e).slice(0, 80)}); console: ${errors.join(' | ')}; messages: ${await page.locator('.el-message').allTextContents()}`)
  } finally {
    page.off('console', onErr)
  }
}

async function menuClick(page: Page, chartId: string, item: string): Promise<void> {
  const panel = page.locator(`[data-chart-id="${chartId}"]`)
  await panel.scrollIntoViewIfNeeded()
  await panel.locator('[data-testid="export-menu"]').click()
  await page.locator(`[data-menu-for="${chartId}"] [data-testid="${item}"]`).click()
}

/** Dark-pixel statistics of a band of a PNG (decoded by the browser). */
async function band(page: Page, png: Buffer, y0: number, y1: number): Promise<{ dark: number; mask: string; width: number }> {
  return page.evaluate(async ({ b64, y0, y1 }) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.width; c.height = y1 - y0
    const g = c.getContext('2d')!
    g.drawImage(img, 0, -y0)
    const d = g.getImageData(0, 0, c.width, c.height).data
    let dark = 0
    let mask = ''
    for (let y = 0; y < c.height; y += 2) {
      for (let x = 0; x < c.width; x += 2) {
        const i = (y * c.width + x) * 4
        const on = 0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2] < 128
        if (on) dark++
        mask += on ? '1' : '0'
      }
    }
    return { dark, mask, width: img.width }
  }, { b64: png.toString('base64'), y0, y1 })
}

function hamming(a: string, b: string): number {
  let n = 0
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) n++
  return n + Math.abs(a.length - b.length)
}

// One browser for both parts; the hostile-name part starts as a first visit (freshStart: nothing of the first part).
let s: Session
beforeAll(async () => { s = await openSession({ viewport: { width: 1440, height: 1000 } }) })
afterAll(async () => { await s?.close() })

describe('briefing export (sample bundle)', () => {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    await s.page.goto(appUrl('/'))
    await waitForReports(s.page, bundleFacts(sampleReportsCsv()).reportCount)
  })

  test('PNG 1×/2×/3×: re-rendered at scale × the export size', async () => {
    const id = 'active-bars'
    const box = (await s.page.locator(`[data-chart-id="${id}"] canvas`).first().boundingBox())!
    const sizes: { width: number; height: number }[] = []
    for (const k of [1, 2, 3]) {
      const t0 = Date.now()
      const d = await fromMenu(s.page, id, `export-png-${k}x`)
      const buf = await bytesOf(d)
      console.log(`[bench] ${id} PNG ${k}×: ${Date.now() - t0} ms (click → download), ${buf.length} bytes`)
      expect(d.suggestedFilename()).toMatch(/^[^\\/:*?"<>|]+_\d{4}-\d{2}-\d{2}\.png$/)
      const png = readPng(buf)
      expect(png.distinctBytes).toBeGreaterThan(16)
      // and the browser decodes it, at the size its header says
      expect((await band(s.page, buf, 0, 2)).width).toBe(png.width)
      sizes.push({ width: png.width, height: png.height })
      if (k === 2) writeFileSync(`${OUT}/bars-2x.png`, buf)
    }
    const [one, two, three] = sizes
    expect(two.width).toBe(one.width * 2)
    expect(three.width).toBe(one.width * 3)
    expect(two.height).toBe(one.height * 2)
    expect(three.height).toBe(one.height * 3)
    // The export size is the on-screen chart width (960–1600 px) and height plus room for the caption.
    expect(one.width).toBeGreaterThanOrEqual(Math.min(Math.max(box.width, 960), 1600) - 2)
    expect(one.width).toBeLessThanOrEqual(Math.max(box.width, 960) + 2)
    expect(one.height).toBeGreaterThanOrEqual(box.height)
    expect(one.height).toBeLessThanOrEqual(Math.max(560, box.height + 200))
  })

  test('SVG: well-formed XML with the Chinese title as <text> and a CJK font stack', async () => {
    const d = await fromMenu(s.page, 'outcome-shares-year', 'export-svg')
    expect(d.suggestedFilename()).toMatch(/\.svg$/)
    const svg = (await bytesOf(d)).toString('utf8')
    const parsed = await s.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
      const err = doc.getElementsByTagName('parsererror')[0]
      return {
        error: err ? err.textContent : null,
        root: doc.documentElement.nodeName,
        texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? ''),
        fonts: [...doc.getElementsByTagName('text')].map((t) => `${t.getAttribute('style') ?? ''} ${t.getAttribute('font-family') ?? ''}`),
      }
    }, svg)
    expect(parsed.error).toBeNull()
    expect(parsed.root).toBe('svg')
    expect(parsed.texts).toContain('各年度申请办理结果构成（占办理总数）')
    expect(parsed.fonts.join(' ')).toContain('Microsoft YaHei')
    expect(parsed.fonts.join(' ')).toContain('SimSun')
    writeFileSync(`${OUT}/shares-year.svg`, svg)
  })

  test('PNG 2× with a Chinese title: glyphs drawn in the title band (not blank, not tofu)', async () => {
    const id = 'outcome-counts-unit'
    async function withTitle(title: string): Promise<Buffer> {
      await menuClick(s.page, id, 'export-caption')
      const dlg = s.page.locator('[data-testid="caption-dialog"]:visible, .el-dialog:visible').first()
      await dlg.locator('input[data-testid="caption-title"], [data-testid="caption-title"] input').first().fill(title)
      await dlg.locator('input[data-testid="caption-subtitle"], [data-testid="caption-subtitle"] input').first().fill('')
      await dlg.locator('[data-testid="caption-apply"]').click()
      await s.page.locator('.el-dialog:visible').waitFor({ state: 'hidden' })
      const [d] = await Promise.all([
        s.page.waitForEvent('download', { timeout: WORK_BOUND }),
        s.page.locator(`[data-chart-id="${id}"] [data-testid="export-png"]`).click(),
      ])
      return bytesOf(d)
    }
    const cjk = await withTitle('政府信息公开年度报告')
    // Unassigned code points: drawn as .notdef (tofu) boxes by every font.
    const tofu = await withTitle('\u0378\u0379\u0380\u0381\u0382\u0383\u038B\u038D\u03A2\u0530')
    const other = await withTitle('依申请公开办理结果分析')
    writeFileSync(`${OUT}/title-cjk-2x.png`, cjk)
    writeFileSync(`${OUT}/title-tofu-2x.png`, tofu)
    // Title: top 12 px, 18 px type → rows 20–70 at 2×.
    const a = await band(s.page, cjk, 20, 70)
    const b = await band(s.page, tofu, 20, 70)
    const c = await band(s.page, other, 20, 70)
    expect(a.dark, 'ink in the title band').toBeGreaterThan(300)
    expect(hamming(a.mask, b.mask), 'differs from tofu boxes').toBeGreaterThan(a.dark / 4)
    expect(hamming(a.mask, c.mask), 'different characters draw differently').toBeGreaterThan(a.dark / 4)
  })

  test('a 5-chart pack → PPTX: title slide, one slide per chart with image + caption, sources slide', async () => {
    for (const id of CHART_IDS) await menuClick(s.page, id, 'add-to-pack')
    await s.page.goto(appUrl('/briefing'))
    await s.page.locator('[data-testid="pack-item"]').nth(4).waitFor()
    expect(await s.page.locator('[data-testid="pack-item"]').count()).toBe(5)
    // Reorder: move the 2nd up, then back down.
    await s.page.locator('[data-testid="pack-up"]').nth(1).click()
    expect(await s.page.locator('[data-testid="pack-item"]').first().getAttribute('data-pack-chart')).toBe(CHART_IDS[1])
    await s.page.locator('[data-testid="pack-down"]').nth(0).click()
    expect(await s.page.locator('[data-testid="pack-item"]').first().getAttribute('data-pack-chart')).toBe(CHART_IDS[0])
    const titles = await s.page.locator('input[data-testid="pack-caption-title"], [data-testid="pack-caption-title"] input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
    const t0 = Date.now()
    const [d] = await Promise.all([
      s.page.waitForEvent('download', { timeout: WORK_BOUND }),
      s.page.locator('[data-testid="export-pptx"]').click(),
    ])
    const buf = await bytesOf(d)
    console.log(`[bench] 5-chart PPTX: ${Date.now() - t0} ms, ${buf.length} bytes`)
    writeFileSync(`${OUT}/pack-5.pptx`, buf)
    expect(d.suggestedFilename()).toMatch(/\.pptx$/)
    const zip = unzipSync(new Uint8Array(buf))
    const slides = Object.keys(zip).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
      .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]))
    expect(slides.length).toBe(7)
    const esc = (x: string) => x.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    for (let i = 0; i < 5; i++) {
      const xml = strFromU8(zip[slides[i + 1]])
      expect(xml, `slide ${i + 2} has a picture`).toContain('<p:pic>')
      expect(xml, `slide ${i + 2} has the caption`).toContain(esc(titles[i]))
      const rels = strFromU8(zip[slides[i + 1].replace('slides/', 'slides/_rels/') + '.rels'])
      const media = /Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)?.[1]
      expect(media, `slide ${i + 2} image`).toBeTruthy()
      const png = readPng(Buffer.from(zip[`ppt/media/${media}`]))
      expect(png.width).toBeGreaterThanOrEqual(960 * 3)
      expect(png.distinctBytes, `slide ${i + 2} image is not blank`).toBeGreaterThan(16)
    }
    const last = strFromU8(zip[slides[6]])
    expect(last).toContain('数据质量提示')
    expect(last).toContain('数据来源')
    // The pack survives a reload (localStorage).
    await s.page.reload()
    await waitForReady(s.page)
    await s.page.locator('[data-testid="pack-item"]').nth(4).waitFor()
    expect(await s.page.locator('[data-testid="pack-item"]').count()).toBe(5)
  })

  test('print view: one page per chart, images rendered', async () => {
    await s.page.goto(appUrl('/print'))
    await s.page.waitForSelector('[data-testid="view-print"][data-ready="true"]', { timeout: WORK_BOUND })
    expect(await s.page.locator('[data-testid="print-page"]').count()).toBe(5)
    expect(await s.page.locator('[data-testid="print-page"] img').count()).toBe(5)
    await s.page.emulateMedia({ media: 'print' })
    expect(await s.page.locator('.app-header').isVisible()).toBe(false)
    await s.page.emulateMedia({ media: 'screen' })
  })

  test('bench: one chart PNG 2× and a 10-chart pack (PPTX) on the sample bundle', async () => {
    await s.page.goto(appUrl('/'))
    await waitForReady(s.page)
    const t1 = Date.now()
    const [d1] = await Promise.all([
      s.page.waitForEvent('download', { timeout: WORK_BOUND }),
      s.page.locator('[data-chart-id="active-heatmap"] [data-testid="export-png"]').click(),
    ])
    await bytesOf(d1)
    const one = Date.now() - t1
    for (const id of CHART_IDS) await menuClick(s.page, id, 'add-to-pack') // 5 + 5 = 10
    await s.page.goto(appUrl('/briefing'))
    await s.page.locator('[data-testid="pack-item"]').nth(9).waitFor()
    const t2 = Date.now()
    const [d2] = await Promise.all([
      s.page.waitForEvent('download', { timeout: WORK_BOUND }),
      s.page.locator('[data-testid="export-pptx"]').click(),
    ])
    const buf = await bytesOf(d2)
    const ten = Date.now() - t2
    console.log(`[bench] one chart PNG 2× (heatmap): ${one} ms; 10-chart PPTX: ${ten} ms, ${(buf.length / 1e6).toFixed(1)} MB`)
    expect(Object.keys(unzipSync(new Uint8Array(buf))).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).length).toBe(12)
  })

  test('a pack item exports the same after a reload: formatters come back (percent axis, short labels)', async () => {
    // The live option has formatter functions; the stored snapshot (JSON) does not — unless restored.
    await s.page.goto(appUrl('/'))
    await waitForReady(s.page)
    const ids = ['outcome-shares-unit', 'active-bars'] as const
    for (const id of ids) await menuClick(s.page, id, 'add-to-pack')
    await s.page.goto(appUrl('/briefing'))
    const items = s.page.locator('[data-testid="pack-item"]')
    await items.nth(11).waitFor()
    const n = await items.count()

    async function svgTexts(index: number): Promise<string[]> {
      const [d] = await Promise.all([
        s.page.waitForEvent('download', { timeout: WORK_BOUND }),
        items.nth(index).locator('[data-testid="pack-export-svg"]').click(),
      ])
      const svg = (await bytesOf(d)).toString('utf8')
      return s.page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
        if (doc.getElementsByTagName('parsererror').length) throw new Error('SVG not well-formed')
        return [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '')
      }, svg)
    }
    const before = [await svgTexts(n - 2), await svgTexts(n - 1)]
    // outcome shares: the value axis is labelled in percent ("20%"), never as raw ratios ("0.2")
    expect(before[0].filter((x) => /^\d+%$/.test(x)).length, before[0].join(' | ')).toBeGreaterThanOrEqual(3)
    expect(before[0].some((x) => /^0\.\d+$/.test(x))).toBe(false)

    await s.page.reload()
    await waitForReady(s.page)
    await items.nth(n - 1).waitFor()
    expect(await items.count()).toBe(n)
    const after = [await svgTexts(n - 2), await svgTexts(n - 1)]
    expect(after[0]).toEqual(before[0])
    expect(after[1]).toEqual(before[1])
    expect(after[0].some((x) => /^0\.\d+$/.test(x)), 'raw ratios after reload').toBe(false)

    // leave the pack as it was for the other tests
    await items.nth(n - 1).locator('[data-testid="pack-remove"]').click()
    await items.nth(n - 2).locator('[data-testid="pack-remove"]').click()
    await expect.poll(() => items.count()).toBe(n - 2)
  })

  test('privacy: every request stayed on 127.0.0.1', () => {
    assertPrivate(s)
  })
})

describe('data export with a hostile unit name', () => {
  beforeAll(async () => {
    await freshStart(s, '/?nosample=1')
    await waitForReady(s.page)
    await uploadFiles(s.page, hostileBundle())
    await waitForOption(s.page, 'active-bars', (o) => JSON.stringify(o).includes('HYPERLINK'))
  })

  test('CSV: UTF-8 BOM, the formula-looking name is neutralised', async () => {
    const d = await fromMenu(s.page, 'active-bars', 'export-csv')
    expect(d.suggestedFilename()).toMatch(/\.csv$/)
    const buf = await bytesOf(d)
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = buf.toString('utf8').slice(1)
    writeFileSync(`${OUT}/bars.csv`, buf)
    expect(text).toContain(`"'=HYPERLINK(""x"")`)
    // No field starts with a formula character.
    for (const line of text.split('\r\n')) {
      for (const f of line.split(',')) expect(f.replace(/^"/, '')).not.toMatch(/^[=+@]/)
    }
  })

  test('xlsx: values match the chart, numbers stay numbers, the name is neutralised', async () => {
    const option = await getOption(s.page, 'active-bars')
    const table = optionToTable(option, { category: '类别', series: '系列', value: '数值' })
    const d = await fromMenu(s.page, 'active-bars', 'export-xlsx')
    expect(d.suggestedFilename()).toMatch(/\.xlsx$/)
    const buf = await bytesOf(d)
    writeFileSync(`${OUT}/bars.xlsx`, buf)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buf as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual(table.columns.map((c) => c.label))
    expect(ws.rowCount).toBe(table.rows.length + 1)
    table.rows.forEach((r, i) => {
      const got = (ws.getRow(i + 2).values as unknown[]).slice(1)
      const want = table.columns.map((c) => xlsxCell(r[c.key]))
      // exceljs leaves trailing empty cells out
      expect(got.map((v) => v ?? null).concat(Array(want.length).fill(null)).slice(0, want.length)).toEqual(want)
    })
    const names = table.rows.map((r) => String(r.category))
    const hostile = names.findIndex((n) => n.includes('HYPERLINK'))
    expect(hostile).toBeGreaterThanOrEqual(0)
    const cell = ws.getRow(hostile + 2).getCell(1)
    expect(String(cell.value).startsWith("'=")).toBe(true)
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    const nums = (ws.getRow(2).values as unknown[]).slice(2).filter((v) => v != null)
    expect(nums.every((v) => typeof v === 'number')).toBe(true)
  })

  test('privacy: every request stayed on 127.0.0.1', () => {
    assertPrivate(s)
  })
})
