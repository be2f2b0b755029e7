/**
 * PDF reports, built in the test with pdf-lib (see ./pdf-writer.ts): the 浓桥镇 seed printed as a
 * PDF reads to the same cells; a section-三 table across two pages (running header, page numbers,
 * header row repeated, blank cells, wrapped labels) reads whole; a scan without a text layer gets
 * a clear message.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readReportFile, type ReadReport } from '../../../../src/ingest/report'
import { loadPdfjsNode } from '../../../../scripts/lib/pdfjs-node'
import { ACTIVE_2021, APPS_2021, REVIEWS_2021 } from './expected'
import { activeGrid, appsGrid, doubtful, grid, reviewsGrid, sharedFixture } from './helpers'
import { reportPdf, rowsFromWordPaste, type PdfRow } from './pdf-writer'
import { APPLICATION_ROWS, APPLICANT_KEYS } from '../../../../src/domain/format'

const seed = readFileSync(sharedFixture('nongqiao-2023.txt'), 'utf8')
const read = async (name: string, bytes: Uint8Array): Promise<ReadReport> => {
  const r = await readReportFile(name, bytes, { pdf: loadPdfjsNode })
  if ('reason' in r) throw new Error(r.reason)
  return r
}
const cellsOf = (r: ReadReport) => [...r.parsed.active, ...r.parsed.applications, ...r.parsed.reviews]

describe('PDF reports', () => {
  it('the seed printed as a PDF (6 pages, running header, page numbers) reads to the same 200 cells', async () => {
    const pdf = await reportPdf(rowsFromWordPaste(seed), { runningHeader: '浓桥镇人民政府信息公开' })
    const r = await read('浓桥镇2023年报.pdf', pdf)
    const text = await readReportFile('浓桥镇.txt', new TextEncoder().encode(seed))
    if ('reason' in text) throw new Error(text.reason)
    expect([r.parsed.unitName, r.parsed.year, r.parsed.format, r.parsed.activeTotal]).toEqual(['浓桥镇', 2023, '2021', 43])
    expect(cellsOf(r).map((c) => [c.section, c.row, c.column, c.value])).toEqual(cellsOf(text).map((c) => [c.section, c.row, c.column, c.value]))
    expect(cellsOf(r)).toHaveLength(200)
    expect(doubtful(r.parsed)).toEqual([])
    expect(r.parsed.issues).toEqual([])
    expect(r.sourceKind).toBe('pdf')
    // running header and page numbers are not in the text the review shows
    expect(r.source).not.toContain('浓桥镇人民政府信息公开\n')
    expect(r.source).not.toMatch(/第 \d+ 页/)
    // every cell's line is a line of that text holding its number
    const lines = r.source.split('\n')
    for (const c of cellsOf(r)) expect(lines[c.line - 1]).toContain(String(c.value))
  }, 60_000)

  it('a section-三 table across two pages reads whole: rows on both pages, repeated header, blank cells placed by position', async () => {
    const head: PdfRow[] = [
      { labels: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'], cells: ['申请人情况'] },
      { labels: [''], cells: ['自然人', '法人或其他组织', null, null, null, null, '总计'] },
      { labels: [''], cells: [null, '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', null] },
    ]
    const rows = APPLICATION_ROWS.filter((x) => x.formats.includes('2021'))
    const values = (key: string) => APPS_2021[key].map(String)
    const group: Record<string, string> = { withheld: '（三）不予公开', unavailable: '（四）无法提供', rejected: '（五）不予处理', other: '（六）其他处理' }
    // Rows under a group heading: 3 label columns, the heading printed once (merged cell); carried_in
    // research left blank: placed under its column, not shifted.
    const table: PdfRow[] = rows.map((x, i) => {
      const g = x.key.includes('.') ? x.key.split('.')[0] : null
      const first = g && !rows[i - 1]?.key.startsWith(`${g}.`)
      const labels = g ? ['', first ? group[g] : '', x.zh] : x.key === 'granted' ? ['三、本年度办理结果', x.zh] : [x.zh]
      return { labels, cells: x.key === 'carried_in' ? values(x.key).map((v, k) => (k === 2 ? '' : v)) : values(x.key) }
    })
    const body: PdfRow[] = [
      { prose: '示例县人民政府2023年政府信息公开工作年度报告' },
      { prose: '一、总体情况' }, { prose: '2023年，共主动公开政府信息2108条。' },
      { prose: '二、主动公开政府信息情况' },
      { labels: ['第二十条第（一）项'], cells: [] },
      { labels: ['信息内容'], cells: ['本年制发件数', '本年废止件数', '现行有效件数'] },
      { labels: ['规章'], cells: ['1', '0', '3'] }, { labels: ['行政规范性文件'], cells: ['12', '2', '45'] },
      { labels: ['第二十条第（五）项'], cells: [] }, { labels: ['信息内容'], cells: ['本年处理决定数量'] }, { labels: ['行政许可'], cells: ['356'] },
      { labels: ['第二十条第（六）项'], cells: [] }, { labels: ['信息内容'], cells: ['本年处理决定数量'] },
      { labels: ['行政处罚'], cells: ['78'] }, { labels: ['行政强制'], cells: ['5'] },
      { labels: ['第二十条第（八）项'], cells: [] }, { labels: ['信息内容'], cells: ['本年收费金额（单位：万元）'] }, { labels: ['行政事业性收费'], cells: ['12.5'] },
      { prose: '三、收到和处理政府信息公开申请情况' },
      ...head, ...table.slice(0, 12), ...head.slice(1), ...table.slice(12),
      { prose: '四、政府信息公开行政复议、行政诉讼情况' },
      { labels: [], cells: ['行政复议', null, null, null, null, '行政诉讼'], wide: true },
      { labels: [], cells: [...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], '未经复议直接起诉', null, null, null, null, '复议后起诉'], wide: true },
      { labels: [], cells: [null, null, null, null, null, ...Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat()], wide: true },
      { labels: [], cells: REVIEWS_2021.map(String), wide: true },
      { prose: '五、存在的主要问题及改进情况' },
    ]
    const breakAt = body.indexOf(table[11])
    const pdf = await reportPdf(body, { runningHeader: '示例县人民政府办公室', breakAfter: [breakAt] })
    const r = await read('two-pages.pdf', pdf)
    expect([r.parsed.unitName, r.parsed.year, r.parsed.activeTotal]).toEqual(['示例县人民政府', 2023, 2108])
    expect(grid(r.parsed.active)).toEqual(activeGrid(ACTIVE_2021))
    expect(grid(r.parsed.applications)).toEqual({ ...appsGrid(APPS_2021), 'carried_in|research': null })
    expect(r.parsed.applications.find((c) => c.row === 'carried_in' && c.column === 'research')).toMatchObject({ kind: 'blank', confidence: 'certain' })
    expect(r.parsed.applications).toHaveLength(25 * APPLICANT_KEYS.length)
    expect(doubtful(r.parsed)).toEqual([])
    expect(grid(r.parsed.reviews)).toEqual(reviewsGrid(REVIEWS_2021))
  }, 60_000)

  it('a scan (pages without a text layer) is refused with a message that says so', async () => {
    const pdf = await reportPdf(rowsFromWordPaste(seed).slice(0, 20), { noText: true })
    const r = await readReportFile('扫描件.pdf', pdf, { pdf: loadPdfjsNode })
    expect(r).toEqual({ reason: expect.stringMatching(/没有可读取的文字层（可能是扫描件或图片）/) })
  }, 60_000)
})
