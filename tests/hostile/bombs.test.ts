/**
 * Budgets of the Office readers (src/ingest/budget.ts, limits in src/ingest/limits.ts): the docx bombs of the
 * report importer, and the xlsx/zip checks on their own — each refused before the expensive work with a Chinese
 * message naming the limit; files within the budgets read as before.
 */
import { strToU8, zipSync } from 'fflate'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { checkDocxBudget, xlsxBudgetProblem } from '../../src/ingest/budget'
import { BudgetExceeded, LIMITS } from '../../src/ingest/limits'
import { docxToHtml } from '../../src/ingest/report'
import { readReportBytes } from '../../src/composables/useReportImport/read'
import { docxBomb, docxDeepBomb, docxLyingBomb, docxManyElements, xlsxSharedStringsBomb } from '../fixtures/hostile/bombs'

function refusal(f: () => unknown): BudgetExceeded {
  try { f() } catch (e) { if (e instanceof BudgetExceeded) return e; throw e }
  throw new Error('not refused')
}

describe('docx bombs (report importer)', () => {
  const bomb = docxBomb()
  it('~400 MB of paragraphs: refused from the declared size, before inflating', () => {
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024)
    const r = refusal(() => docxToHtml(bomb))
    expect(r.limit).toBe('docxXmlBytes')
    expect(r.message).toMatch(/^该 Word 文件的正文（word\/document\.xml）解压后有 39\d\.\d MB，超过上限 16\.0 MB.*压缩炸弹/)
  })

  it('the same bomb declaring 100 KB: stopped while streaming, at the byte budget', () => {
    const r = refusal(() => docxToHtml(docxLyingBomb()))
    expect(r.limit).toBe('docxXmlBytes')
    expect(r.message).toMatch(/至少有 16\.\d MB.*上限 16\.0 MB/)
  })

  it('100,000 nested elements: refused by depth', () => {
    const r = refusal(() => docxToHtml(docxDeepBomb()))
    expect(r.limit).toBe('xmlDepth')
    expect(r.message).toContain(`嵌套 100,005 层，超过上限 ${LIMITS.xmlDepth} 层`)
  })

  it('600,000 elements in 4 MB: refused by the element count', () => {
    const r = refusal(() => docxToHtml(docxManyElements()))
    expect(r.limit).toBe('docxElements')
    expect(r.message).toContain('600,003 个 XML 元素，超过上限 500,000 个')
  })

  it('the importer gives the limit as the file\'s reason instead of failing', async () => {
    expect(await readReportBytes('炸弹.docx', bomb)).toEqual({ reason: expect.stringMatching(/^该 Word 文件的正文.*超过上限 16\.0 MB/) })
    expect(await readReportBytes('年报.docx', docxManyElements())).toEqual({ reason: expect.stringContaining('超过上限 500,000 个') })
  })

  it('a normal docx passes the budget; a non-zip is left to the reader', () => {
    const xml = `<w:document xmlns:w="x"><w:body>${'<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'.repeat(2000)}</w:body></w:document>`
    expect(() => checkDocxBudget(zipSync({ 'word/document.xml': strToU8(xml) }))).not.toThrow()
    expect(docxToHtml(strToU8('not a zip'))).toBeNull()
  })
})

describe('xlsx budget', () => {
  it('2,000,000 shared strings: refused naming the limit; the scan does not trust exceljs', async () => {
    expect(xlsxBudgetProblem('炸弹.xlsx', await xlsxSharedStringsBomb())).toMatch(/Excel 文件 炸弹\.xlsx 的共享字符串有 2,000,000，超过上限 1,000,000，未读取/)
  })

  it('a normal workbook passes; cells are <c> elements of the sheets (not <col>/<cols>)', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.columns = [{ width: 10 }, { width: 20 }]
    for (let i = 0; i < 30; i++) ws.addRow([i, `x${i}`])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    expect(xlsxBudgetProblem('ok.xlsx', bytes)).toBeNull()
    const parts = (await import('fflate')).unzipSync(bytes)
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml'])
    expect((sheet.match(/<c[ >]/g) ?? []).length).toBe(60)
  })
})

describe('file-count budget of one load', () => {
  it('more loose files than the limit: one message naming it, nothing read', async () => {
    const { expandSources } = await import('../../src/ingest/sources')
    const files = Array.from({ length: LIMITS.zipEntries + 1 }, (_, i) => ({ path: `f/${i}.csv`, bytes: strToU8('a,b\n') }))
    const ex = await expandSources(files)
    expect(ex.tables).toEqual([])
    expect(ex.errors).toHaveLength(1)
    expect(ex.errors[0].message).toContain('本次选择了 3,001 个文件，超过一次载入 3,000 个文件的上限')
  })
})
