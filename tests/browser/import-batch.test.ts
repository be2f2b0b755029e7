/**
 * Batch import through the Import view: a zip of mixed report files — a PDF (the 浓桥镇 seed
 * printed, read with the self-hosted pdfjs worker), a traditional-character web page, an HTML
 * table page, a Word document, a file that cannot be read — gives one review list (per file the
 * cells read and in doubt, the unreadable file with its reason); with unit codes filled in, the
 * ready reports are accepted in one go and the dashboard holds them with their figures.
 */
import { readFileSync } from 'node:fs'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { reportPdf, rowsFromWordPaste } from '../unit/ingest/report/pdf-writer'
import { appUrl, assertPrivate, openSession, query, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'

const shared = (p: string): string => readFileSync(new URL(`../../../shared/fixtures/reports/${p}`, import.meta.url), 'utf8')
const local = (p: string): string => readFileSync(new URL(`../fixtures/reports/${p}`, import.meta.url), 'utf8')

/** A .docx of text paragraphs (the real 湖东镇 page as a Word document would hold it). */
function docx(lines: string[]): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const body = lines.map((l) => (l.trim() ? `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>` : '<w:p/>')).join('')
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) })
}

const CODES: Record<string, string> = { 浓桥镇: '230883103000', 南山区蛇口街道办事处: '440305002000', 南山区人民政府: '440305000000', 湖东镇: '441581101000' }

let s: Session
let zip: Uint8Array

beforeAll(async () => {
  const seed = shared('nongqiao-2023.txt')
  zip = zipSync({
    '年报/浓桥镇2023年报.pdf': await reportPdf(rowsFromWordPaste(seed), { runningHeader: '浓桥镇人民政府' }),
    '年报/蛇口街道.txt': strToU8(shared('real/06.txt')),
    '年报/南山区.html': strToU8(local('nanshan-2023-spans.html')),
    '年报/湖东镇.docx': docx(shared('real/g08.txt').split('\n')),
    '年报/旧版报告.doc': strToU8('not a report'),
  })
  s = await openSession({ viewport: { width: 1440, height: 1000 } })
  await s.page.goto(appUrl('/import?nosample=1'))
  await s.page.waitForSelector('[data-testid="view-import"]', { timeout: WORK_BOUND })
  await waitForReady(s.page)
})
afterAll(async () => { await s?.close() })

describe('batch import of a zip of mixed report files', () => {
  test('one review list: each report with its cells read and in doubt, the unreadable file with its reason', async () => {
    await s.page.setInputFiles('[data-testid="import-input"]', [{ name: '年报.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) }])
    const items = s.page.locator('[data-testid="import-report"]')
    await expect.poll(() => items.count(), { timeout: WORK_BOUND }).toBe(4)
    const names = await s.page.locator('[data-testid="import-report"] .file').allTextContents()
    expect(names.map((n) => n.trim())).toEqual(['年报.zip/年报/浓桥镇2023年报.pdf', '年报.zip/年报/蛇口街道.txt', '年报.zip/年报/南山区.html', '年报.zip/年报/湖东镇.docx'])
    const counts = (await s.page.locator('[data-testid="import-counts"]').allTextContents()).map((x) => x.trim())
    expect(counts[0]).toBe('读取 200 个单元格 · 存疑 0 个')
    expect(counts[1]).toBe('读取 10 个单元格 · 存疑 0 个')
    const skipped = s.page.locator('[data-testid="import-skipped"]')
    expect(await skipped.count()).toBe(1)
    expect(await skipped.textContent()).toContain('旧版 Word 文档（.doc）无法读取')
  })

  test('the PDF reads like the text: 浓桥镇 2023, 43 items, every cell 0, its source the PDF text by line', async () => {
    await s.page.locator('[data-testid="import-report"]').nth(0).click()
    expect(await s.page.locator('[data-testid="import-unit-name"]').inputValue()).toBe('浓桥镇')
    expect(await s.page.locator('[data-testid="import-year"]').inputValue()).toBe('2023')
    expect(await s.page.locator('[data-testid="import-active-total"]').inputValue()).toBe('43')
    expect(await s.page.locator('[data-testid="import-cell"]').count()).toBe(200)
    expect(await s.page.locator('[data-testid="import-source"]').textContent()).toContain('第二十条第（一）项')
  })

  test('the traditional page is read converted; the source pane shows the original', async () => {
    await s.page.locator('[data-testid="import-report"]').nth(1).click()
    await expect.poll(() => s.page.locator('[data-testid="import-unit-name"]').inputValue()).toBe('南山区蛇口街道办事处')
    expect(await s.page.locator('[data-testid="import-source"]').textContent()).toContain('行政規範性檔案')
    const penalty = s.page.locator('[data-testid="import-cell"][data-key="active|penalty|decisions"]')
    expect(await penalty.textContent()).toContain('61')
  })

  test('with unit codes filled in, the ready reports are accepted in one go and loaded into the dashboard', async () => {
    for (let i = 0; i < 4; i++) {
      await s.page.locator('[data-testid="import-report"]').nth(i).click()
      const name = await s.page.locator('[data-testid="import-unit-name"]').inputValue()
      await s.page.fill('[data-testid="import-unit-code"]', CODES[name])
    }
    const all = s.page.locator('[data-testid="import-accept-all"]')
    await expect.poll(() => all.textContent()).toContain('（4）')
    await all.click()
    const summary = await waitForReports(s.page, 4)
    expect(summary.reports).toBe(4)
    const reports = await query<{ code: string; name: string; year: number; total: number | null }>(s.page,
      'SELECT unit_code AS code, unit_name AS name, year::INTEGER AS year, active_total::DOUBLE AS total FROM reports ORDER BY unit_code')
    expect(reports).toEqual([
      { code: '230883103000', name: '浓桥镇', year: 2023, total: 43 },
      { code: '440305000000', name: '南山区人民政府', year: 2023, total: 3456 },
      { code: '440305002000', name: '南山区蛇口街道办事处', year: 2021, total: 200 },
      { code: '441581101000', name: '湖东镇', year: 2025, total: 67 },
    ])
    const [pen] = await query<{ v: number }>(s.page, "SELECT penalty_decisions::DOUBLE AS v FROM (SELECT decisions AS penalty_decisions FROM active WHERE unit_code = '440305002000' AND item = 'penalty')")
    expect(pen.v).toBe(61)
    const [lic] = await query<{ v: number }>(s.page, "SELECT decisions::DOUBLE AS v FROM active WHERE unit_code = '441581101000' AND item = 'licensing'")
    expect(lic.v).toBe(349)
    await expect.poll(() => s.page.locator('[data-testid="import-status"]').allTextContents()).toEqual(['已接受', '已接受', '已接受', '已接受'])
  })

  test('privacy: nothing left 127.0.0.1 (the PDF worker and its files are the app\'s own)', () => {
    assertPrivate(s)
  })
})
