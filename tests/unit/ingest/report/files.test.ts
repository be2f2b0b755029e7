/** Report files as bytes (.docx, GB18030 text, HTML by extension) and the import CLI. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import { parseReport, parseReportFile, readReportFile } from '../../../../src/ingest/report'
import type * as Cli from '../../../../scripts/import'
import { ACTIVE_2021, APPS_2021, REVIEWS_2021 } from './expected'
import { activeGrid, appsGrid, doubtful, fixture, grid, REPO, reviewsGrid, sharedFixture } from './helpers'

// scripts/import.mjs (the Node launcher) shadows scripts/import.ts for Vite's resolver: name the .ts.
const cliPath = '../../../../scripts/import.ts'
const { parseArgs, runImport }: typeof Cli = await import(/* @vite-ignore */ cliPath)

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const run = (t: string): string => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`
const para = (t: string): string => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(t)}</w:p>`

/** The markdown fixture as Word would store it: leading empty cells become vertical merges. */
function markdownToDocx(md: string): Uint8Array {
  const body: string[] = []
  let table: string[] | null = null
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      if (/^[|\s:-]+$/.test(line)) continue
      table ??= []
      const cells = line.slice(1, -1).split('|').map((c) => c.trim())
      let leading = true
      table.push(`<w:tr>${cells.map((c) => {
        const merge = leading && c === '' ? '<w:vMerge/>' : c.startsWith('三、本年度') ? '<w:vMerge w:val="restart"/>' : ''
        if (c !== '') leading = false
        const span = c === '法人或其他组织' ? '<w:gridSpan w:val="5"/>' : ''
        return `<w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/>${span}${merge}</w:tcPr>${c === '' ? '<w:p/>' : para(c)}</w:tc>`
      }).join('')}</w:tr>`)
      continue
    }
    if (table) { body.push(`<w:tbl><w:tblPr/>${table.join('')}</w:tbl>`); table = null }
    body.push(line.trim() ? para(line) : '<w:p/>')
  }
  if (table) body.push(`<w:tbl>${table.join('')}</w:tbl>`)
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) })
}

describe('report files', () => {
  it('.docx: paragraphs and tables (gridSpan, vMerge) read like the same report as text', async () => {
    const r = (await parseReportFile('示例县.docx', markdownToDocx(fixture('shixian-2022-markdown.md'))))!
    expect([r.unitName, r.year, r.format, r.activeTotal]).toEqual(['示例县人民政府', 2022, '2021', 1234])
    expect(grid(r.active)).toEqual(activeGrid(ACTIVE_2021))
    expect(grid(r.applications)).toEqual(appsGrid(APPS_2021))
    expect(grid(r.reviews)).toEqual(reviewsGrid(REVIEWS_2021))
    expect(doubtful(r)).toEqual([])
    expect(r.issues).toEqual([])
  })

  it('a .docx that is not a zip, an old .doc, an image and a PDF without a reader are refused with the reason', async () => {
    expect(await parseReportFile('x.docx', strToU8('not a zip'))).toBeNull()
    expect(await readReportFile('x.docx', strToU8('not a zip'))).toEqual({ reason: '不是有效的 Word（.docx）文档' })
    expect(await readReportFile('x.doc', strToU8('x'))).toMatchObject({ reason: expect.stringContaining('另存为 .docx') })
    expect(await readReportFile('x.png', strToU8('x'))).toMatchObject({ reason: expect.stringContaining('OCR') })
    expect(await readReportFile('x.pdf', strToU8('%PDF-1.4'))).toEqual({ reason: 'PDF 读取器不可用' })
  })

  it('GB18030 text is decoded (Chinese Windows), HTML chosen by extension', async () => {
    const text = readFileSync(sharedFixture('nongqiao-2023.txt'), 'utf8')
    const r = (await parseReportFile('浓桥镇.txt', new Uint8Array(iconv.encode(text, 'gb18030'))))!
    expect(r).toEqual({ ...parseReport({ text, fileName: '浓桥镇.txt' }) })
    const h = (await parseReportFile('a.htm', strToU8(fixture('nanshan-2023-spans.html'))))!
    expect(h.activeTotal).toBe(3456)
  })
})

describe('import CLI', () => {
  const out = mkdtempSync(join(tmpdir(), 'report-import-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('parses its arguments', () => {
    expect(parseArgs(['a.txt', '--out', 'b/', '--strict'])).toEqual({ files: ['a.txt'], out: 'b/', keepDoubtful: false, strict: true })
    expect(parseArgs(['d', '--out', 'b', '--unit', '某镇', '--year', '2023'])).toMatchObject({ unit: '某镇', year: 2023 })
    expect(parseArgs(['a.txt'])).toMatch(/^用法/)
    expect(parseArgs(['a.txt', '--out', 'b', '--year', '23'])).toMatch(/^--year/)
    expect(parseArgs(['a.txt', '--out', 'b', '--bogus'])).toMatch(/^未知选项 --bogus/)
  })

  it('writes a bundle, maps unit codes, writes doubtful cells as 未读取 (never blank), prints what needs review', async () => {
    const codes = join(out, 'codes.csv')
    writeFileSync(codes, '\ufeff单位名称,单位代码,上级名称,层级\n浓桥镇,230883103000,抚远市,乡镇\n西关区人民政府,000123,示例市,县\n')
    const log: string[] = []
    const dir = join(REPO, 'tests/fixtures/reports')
    const code = await runImport({ files: [sharedFixture('nongqiao-2023.txt'), join(dir, 'xiguan-2021-total-first.txt')], out: join(out, 'bundle'), codes, keepDoubtful: false, strict: false }, (s) => log.push(s))
    expect(code).toBe(0)
    const text = log.join('\n')
    expect(text).toContain('浓桥镇 2023年 2021版 主动公开43条，读取单元格200个，存疑0个')
    expect(text).toContain('西关区人民政府 2021年 2021版 主动公开512条，读取单元格196个（另有4个未读取），存疑3个')
    expect(text).toContain('需人工核对：1份报告（存疑单元格3个，已写作“未读取”；未读取单元格4个）；无法读取的文件0个')
    const reports = readFileSync(join(out, 'bundle', 'reports.csv'), 'utf8')
    expect(reports).toContain('230883103000,浓桥镇,2023,,抚远市,乡镇,2021,43,')
    const apps = readFileSync(join(out, 'bundle', 'applications.csv'), 'utf8')
    expect(apps).toContain('000123,2021,rejected.repeat,未读取,未读取,未读取,未读取,未读取,未读取,未读取\r\n')
    expect(apps).toContain('000123,2021,received,20,3,0,1,2,0,26\r\n')
    const list = readFileSync(join(out, 'bundle', '导入核对清单.md'), 'utf8')
    expect(list).toMatch(/第42行“2\.重复申请”的“.*”读作“.*”：该行应有7个单元格，只找到3个/)
  })

  it('--strict leaves out reports with doubtful cells; nothing written means exit 1', async () => {
    const log: string[] = []
    const code = await runImport({ files: [join(REPO, 'tests/fixtures/reports/xiguan-2021-total-first.txt')], out: join(out, 'strict'), keepDoubtful: false, strict: true }, (s) => log.push(s))
    expect(code).toBe(1)
    expect(log.join('\n')).toContain('未写入数据包（--strict）')
  })

  it('a folder of mixed files and a zip: one report per file or a line saying why; no title → --unit/--year, else file name, else written with 单位/年度未识别', async () => {
    const dir = join(out, 'mixed')
    mkdirSync(join(dir, 'sub'), { recursive: true })
    const seed = readFileSync(sharedFixture('nongqiao-2023.txt'), 'utf8')
    const body = seed.split('\n').slice(1).join('\n').replace(/2023年/g, '本年') // no title, no year anywhere
    writeFileSync(join(dir, '城关镇2022年报.txt'), body) // unit and year from the file name
    writeFileSync(join(dir, 'sub', 'untitled.txt'), body) // from --unit/--year
    writeFileSync(join(dir, 'scan.pdf'), strToU8('%PDF-1.4 broken'))
    writeFileSync(join(dir, 'old.doc'), 'x')
    writeFileSync(join(dir, 'reports.zip'), zipSync({ 'a/浓桥镇.txt': strToU8(seed), 'a/b.jpg': strToU8('x') }))
    const log: string[] = []
    const code = await runImport({ files: [dir], out: join(out, 'mixed-out'), unit: '某某乡', year: 2021, keepDoubtful: false, strict: false }, (s) => log.push(s))
    expect(code).toBe(0)
    const text = log.join('\n')
    for (const f of ['城关镇2022年报.txt', 'untitled.txt', 'scan.pdf', 'old.doc', 'reports.zip/a/浓桥镇.txt', 'reports.zip/a/b.jpg']) expect(text).toContain(f)
    expect(text).toMatch(/✗ .*scan\.pdf：未读取——不是可读取的 PDF 文件/)
    expect(text).toMatch(/✗ .*old\.doc：未读取——旧版 Word/)
    expect(text).toContain('单位名称取自 --unit：某某乡')
    const reports = Papa.parse<Record<string, string>>(readFileSync(join(out, 'mixed-out', 'reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
    expect(reports.map((r) => [r.unit_name, r.year]).sort()).toEqual([['城关镇', '2022'], ['某某乡', '2021'], ['浓桥镇', '2023']])
    // nothing readable at all → exit 1, with a line per file
    const none: string[] = []
    expect(await runImport({ files: [join(dir, 'old.doc'), join(dir, 'nope.txt')], out: join(out, 'none'), keepDoubtful: false, strict: false }, (s) => none.push(s))).toBe(1)
    expect(none.join('\n')).toMatch(/nope\.txt：未读取——无法打开（ENOENT）/)
  })
})
