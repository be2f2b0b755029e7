/**
 * "Copy image to the clipboard": the chart menu's copy entry puts a PNG on the system clipboard
 * (re-rendered offscreen at 2×, like the PNG 2× download). The context is granted clipboard access
 * for the served origin (127.0.0.1 is a secure context); the test reads the clipboard back with
 * navigator.clipboard.read() and decodes the image/png it finds.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { appUrl, assertPrivate, baseUrl, openSession, sampleReportsCsv, waitForReports, type Session, WORK_BOUND } from './helpers'
import { bundleFacts } from './bundle-facts'
import { readPng } from './png'

let s: Session
beforeAll(async () => {
  s = await openSession({ viewport: { width: 1440, height: 1000 }, own: true }) // grants clipboard permissions
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin })
  await s.page.goto(appUrl('/'))
  await waitForReports(s.page, bundleFacts(sampleReportsCsv()).reportCount)
})
afterAll(async () => { await s?.close() })

interface ClipImage { types: string[]; size: number; width: number; height: number; colours: number; dark: number; error?: string }

/** The clipboard's image/png, decoded in the page: size and a rough "something is drawn". */
async function readClipboardImage(): Promise<ClipImage> {
  return s.page.evaluate(async () => {
    try {
      const items = await navigator.clipboard.read()
      const item = items.find((i) => i.types.includes('image/png'))
      if (!item) return { types: items.flatMap((i) => [...i.types]), size: 0, width: 0, height: 0, colours: 0, dark: 0 }
      const blob = await item.getType('image/png')
      const bmp = await createImageBitmap(blob)
      const c = document.createElement('canvas')
      c.width = bmp.width
      c.height = bmp.height
      const g = c.getContext('2d')!
      g.drawImage(bmp, 0, 0)
      const d = g.getImageData(0, 0, c.width, c.height).data
      const colours = new Set<number>()
      let dark = 0
      for (let i = 0; i < d.length; i += 4 * 97) {
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2])
        if (0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2] < 128) dark++
      }
      return { types: [...item.types], size: blob.size, width: bmp.width, height: bmp.height, colours: colours.size, dark }
    } catch (e) {
      return { types: [], size: 0, width: 0, height: 0, colours: 0, dark: 0, error: String(e) }
    }
  })
}

describe('copy image to the clipboard', () => {
  test('the menu entry puts a 2× PNG of the chart on the clipboard', async () => {
    const id = 'outcome-counts-unit'
    const panel = s.page.locator(`[data-chart-id="${id}"]`)
    await panel.scrollIntoViewIfNeeded()
    await panel.locator('canvas').first().waitFor({ state: 'visible', timeout: WORK_BOUND })

    // The same chart as a PNG 2× download: the clipboard image must have its size.
    await panel.locator('[data-testid="export-menu"]').click()
    const [download] = await Promise.all([
      s.page.waitForEvent('download', { timeout: WORK_BOUND }),
      s.page.locator(`[data-menu-for="${id}"] [data-testid="export-png-2x"]`).click(),
    ])
    const png = readPng(readFileSync((await download.path())!))

    // Something else on the clipboard first, so that a copy that silently does nothing fails.
    await s.page.evaluate(() => navigator.clipboard.writeText('placeholder'))
    await panel.locator('[data-testid="export-menu"]').click()
    await s.page.locator(`[data-menu-for="${id}"] [data-testid="export-copy"]`).click()
    await s.page.locator('.el-message--success').filter({ hasText: /已复制|copied/i }).first().waitFor({ timeout: WORK_BOUND })

    const img = await readClipboardImage()
    expect(img.error, `clipboard read failed: ${img.error}; page errors: ${s.errors.join(' | ')}`).toBeUndefined()
    expect(img.types).toContain('image/png')
    expect(img.size).toBeGreaterThan(10_000)
    expect({ width: img.width, height: img.height }).toEqual({ width: png.width, height: png.height })
    expect(img.width % 2).toBe(0)
    expect(img.colours, 'more than a blank image').toBeGreaterThan(8)
    expect(img.dark, 'text and axes drawn').toBeGreaterThan(20)
  })

  test('privacy: every request stayed on 127.0.0.1', () => {
    assertPrivate(s)
  })
})
