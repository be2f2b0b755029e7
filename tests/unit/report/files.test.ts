/** Report files as bytes (.docx, GB18030 text, HTML by extension) and the import CLI. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { parseReport, parseReportFile } from '../../../src/ingest/report'
import type * as Cli from '../../../scripts/import'
import { ACTIVE_2021, APPS_2021, REVIEWS_2021 } from './expected'
import { activeGrid, appsGrid, doubtful, fixture, grid, REPO, reviewsGrid, sharedFixture } from './helpers'

// scripts/import.mjs (the Node launcher) shadows scripts/import.ts for Vite's resolver: name the .ts.
const cliPath = '../../../scripts/import.ts'
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
  it('.docx: paragraphs and tables (gridSpan, vMerge) read like the same report as text', () => {
    const r = parseReportFile('示例县.docx', markdownToDocx(fixture('shixian-2022-markdown.md')))!
    expect([r.unitName, r.year, r.format, r.activeTotal]).toEqual(['示例县人民政府', 2022, '2021', 1234])
    expect(grid(r.active)).toEqual(activeGrid(ACTIVE_2021))
    expect(grid(r.applications)).toEqual(appsGrid(APPS_2021))
    expect(grid(r.reviews)).toEqual(reviewsGrid(REVIEWS_2021))
    expect(doubtful(r)).toEqual([])
    expect(r.issues).toEqual([])
  })

  it('a .docx that is not a zip is refused', () => {
    expect(parseReportFile('x.docx', strToU8('not a zip'))).toBeNull()
  })

  it('GB18030 text is decoded (Chinese Windows), HTML chosen by extension', () => {
    const text = readFileSync(sharedFixture('nongqiao-2023.txt'), 'utf8')
    const r = parseReportFile('浓桥镇.txt', new Uint8Array(iconv.encode(text, 'gb18030')))!
    expect(r).toEqual({ ...parseReport({ text, fileName: '浓桥镇.txt' }) })
    const h = parseReportFile('a.htm', strToU8(fixture('nanshan-2023-spans.html')))!
    expect(h.activeTotal).toBe(3456)
  })
})

describe('import CLI', () => {
  const out = mkdtempSync(join(tmpdir(), 'report-import-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('parses its arguments', () => {
    expect(parseArgs(['a.txt', '--out', 'b/', '--strict'])).toEqual({ files: ['a.txt'], out: 'b/', keepDoubtful: false, strict: true })
    expect(parseArgs(['a.txt'])).toMatch(/^用法/)
    expect(parseArgs(['a.txt', '--out', 'b', '--bogus'])).toMatch(/^未知选项 --bogus/)
  })

  it('writes a bundle, maps unit codes, blanks doubtful cells, prints what needs review', () => {
    const codes = join(out, 'codes.csv')
    writeFileSync(codes, '\ufeff单位名称,单位代码,上级名称,层级\n浓桥镇,230883103000,抚远市,乡镇\n西关区人民政府,000123,示例市,县\n')
    const log: string[] = []
    const dir = join(REPO, 'tests/fixtures/reports')
    const code = runImport({ files: [sharedFixture('nongqiao-2023.txt'), join(dir, 'xiguan-2021-total-first.txt')], out: join(out, 'bundle'), codes, keepDoubtful: false, strict: false }, (s) => log.push(s))
    expect(code).toBe(0)
    const text = log.join('\n')
    expect(text).toContain('浓桥镇 2023年 2021版 主动公开43条，单元格200个，存疑0个')
    expect(text).toContain('西关区人民政府 2021年 2021版 主动公开512条，单元格200个，存疑7个')
    expect(text).toContain('需人工核对：1份报告（存疑单元格7个，已按空白写入；错误0条）')
    const reports = readFileSync(join(out, 'bundle', 'reports.csv'), 'utf8')
    expect(reports).toContain('230883103000,浓桥镇,2023,,抚远市,乡镇,2021,43,nongqiao-2023.txt')
    const apps = readFileSync(join(out, 'bundle', 'applications.csv'), 'utf8')
    expect(apps).toContain('000123,2021,rejected.repeat,,,,,,,\r\n')
    expect(apps).toContain('000123,2021,received,20,3,0,1,2,0,26\r\n')
  })

  it('--strict leaves out reports with doubtful cells', () => {
    const log: string[] = []
    const code = runImport({ files: [join(REPO, 'tests/fixtures/reports/xiguan-2021-total-first.txt')], out: join(out, 'strict'), keepDoubtful: false, strict: true }, (s) => log.push(s))
    expect(code).toBe(1)
    expect(log.join('\n')).toContain('未写入数据包（--strict）')
  })
})
