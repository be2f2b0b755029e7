import { describe, expect, it } from 'vitest'
import { zipSync, strToU8 } from 'fflate'
import iconv from 'iconv-lite'
import ExcelJS from 'exceljs'
import { ingestFiles } from '../../../src/ingest'
import type { Progress } from '../../../src/ingest/types'

const u8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const text = (b: Uint8Array): string => new TextDecoder().decode(b)

const REPORTS = 'unit_code,unit_name,parent_name,level,year,active_total\n230883103000,浓桥镇,抚远市,乡镇,2023,43\n230883104000,寒葱沟镇,抚远市,乡镇,2023,12\n'
const APPS_GBK = '单位代码,年度,项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计,备注\r\n' +
  '230883103000,2023,一、本年新收政府信息公开申请数量,0,0,0,0,0,0,0,\r\n' +
  '230883103000,2023,（七）总计,0,0,0,0,0,0,0,"说明：\r\n全部为 0"\r\n' +
  '230883104000,2023,（七）总计,0,0,0,0,0,0,0,\r\n'

describe('ingestFiles', () => {
  it('loads a mixed bundle; bad files become Chinese findings naming file, line and column; the rest loads', async () => {
    const zip = zipSync({
      '2023/reports.csv': strToU8(REPORTS),
      '2023/applications.csv': new Uint8Array(iconv.encode(APPS_GBK, 'gbk')),
      '2023/notes.docx': strToU8('x'),
    })
    const progress: Progress[] = []
    const res = await ingestFiles([
      { path: 'bundle.zip', bytes: zip },
      { path: 'loose/bad.csv', bytes: u8('姓名,电话\n张三,123\n') },
      { path: 'loose/reviews.csv', bytes: u8('unit_code,review_upheld,review_total\n1,0,0\n') },
      { path: 'loose/empty.csv', bytes: new Uint8Array(0) },
      { path: 'loose/header-only.csv', bytes: u8('unit_code,unit_name,year\n') },
      { path: 'broken.zip', bytes: u8('PK but not really') },
    ], (p) => progress.push(p))

    expect(res.tables.map((t) => [t.path, t.kind])).toEqual([
      ['bundle.zip/2023/reports.csv', 'reports'],
      ['bundle.zip/2023/applications.csv', 'applications'],
    ])
    const [reports, apps] = res.tables
    expect(reports).toMatchObject({ encoding: 'utf-8', delimiter: ',', headerLines: 1, records: 2, recordLines: null })
    expect(reports.columns).toEqual(['unit_code', 'unit_name', 'parent_name', 'level', 'year', 'active_total'])
    expect(apps.encoding).toBe('gb18030')
    expect(text(apps.utf8)).toBe(APPS_GBK)
    expect(apps.records).toBe(3)
    expect(Array.from(apps.recordLines!)).toEqual([2, 3, 5]) // the 2nd record's note spans lines 3–4
    expect(apps.columns[10]).toBeNull()

    const messages = res.findings.map((f) => f.message)
    const find = (s: string): string | undefined => messages.find((m) => m.includes(s))
    expect(find('bundle.zip/2023/applications.csv 第 1 行第 11 列：无法识别的列“备注”，已忽略')).toBeDefined()
    expect(find('loose/bad.csv 第 1 行：表头 “姓名”、“电话” 不符合任何数据表')).toBeDefined()
    expect(find('loose/reviews.csv 第 1 行：按表头识别为“行政复议和行政诉讼”表（reviews.csv），但缺少必需的列：年度（year）')).toBeDefined()
    expect(find('loose/empty.csv 是空文件')).toBeDefined()
    expect(find('loose/header-only.csv 只有表头，没有数据行')).toBeDefined()
    expect(find('压缩包 broken.zip 已损坏')).toBeDefined()
    const unknown = res.findings.find((f) => f.rule === 'unknown_header')!
    expect(unknown).toMatchObject({ severity: 'warning', file: 'bundle.zip/2023/applications.csv', line: 1, column: '备注', unitCode: null, year: null })
    expect(res.findings.find((f) => f.file === 'loose/reviews.csv')).toMatchObject({ rule: 'missing_column', severity: 'error' })
    expect(res.skipped).toEqual([{ path: 'bundle.zip/2023/notes.docx', reason: expect.stringContaining('不是 CSV') }])

    const stages = new Set(progress.map((p) => p.stage))
    expect([...stages]).toEqual(expect.arrayContaining(['unzipping', 'decoding', 'parsing']))
    expect(progress.at(-1)).toMatchObject({ stage: 'parsing', done: 6, total: 6 }) // 2 from the zip + 4 loose
  })

  it('reads tab- and semicolon-separated files and a two-row header, with the right header line count', async () => {
    const res = await ingestFiles([
      { path: 'units.tsv', bytes: u8('unit_code\tunit_name\tparent_code\tlevel\n230883\t抚远市\t230800\t县\n') },
      { path: 'reports.txt', bytes: u8('unit_code;unit_name;year;active_total\n1;浓桥镇;2023;"1,234"\n') },
      {
        path: 'reviews.csv',
        bytes: u8('单位代码,年度,行政复议,,,,\n,,结果维持,结果纠正,其他结果,尚未审结,总计\n1,2023,0,0,0,0,0\n1,2022,0,0,0,0,0\n'),
      },
    ])
    expect(res.findings).toEqual([])
    expect(res.tables.map((t) => [t.kind, t.delimiter, t.headerLines, t.records])).toEqual([
      ['units', '\t', 1, 1], ['reports', ';', 1, 1], ['reviews', ',', 2, 2],
    ])
    expect(res.tables[2].headers[2]).toBe('行政复议-结果维持')
    expect(res.tables[2].columns.slice(2)).toEqual(['review_upheld', 'review_corrected', 'review_other', 'review_pending', 'review_total'])
  })

  it('reports duplicate columns and rows with the wrong number of fields by line', async () => {
    const csv = u8('unit_code,unit_name,year,年度\n1,a,2023,2023\n2,b,2023\n')
    const res = await ingestFiles([{ path: 'r.csv', bytes: csv }], undefined, { rowFindings: true })
    expect(res.tables[0].columns).toEqual(['unit_code', 'unit_name', 'year', null])
    const msgs = res.findings.map((f) => f.message)
    expect(msgs).toContain('文件 r.csv 第 1 行第 4 列：列“年度”与第 3 列重复（都是年度（year）），只读取第 3 列，本列已忽略')
    expect(msgs).toContain('文件 r.csv 第 3 行：有 3 个字段，而表头有 4 列；请检查是否多了或少了分隔符')
    // By default the database layer reports malformed rows (it sees what DuckDB rejects).
    const quiet = await ingestFiles([{ path: 'r.csv', bytes: csv }])
    expect(quiet.findings.filter((f) => f.rule === 'bad_row')).toEqual([])
  })

  it('skips a title row above a two-row header and counts header lines from the file start', async () => {
    const csv = '2023年行政复议行政诉讼情况,,,\r\n单位代码,年度,行政复议,\r\n,,结果维持,总计\r\n1,2023,0,0\r\n'
    const res = await ingestFiles([{ path: 'rv.csv', bytes: u8(csv) }])
    expect(res.tables[0]).toMatchObject({ kind: 'reviews', headerLines: 3, headerRecords: 3, records: 1 })
    expect(res.tables[0].columns).toEqual(['unit_code', 'year', 'review_upheld', 'review_total'])
    expect(res.findings.map((f) => f.message)).toEqual(['文件 rv.csv 第 1 行：“2023年行政复议行政诉讼情况”是标题行，已跳过'])
  })

  it('loads the sheets of a workbook as tables', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Sheet1').addRows([['unit_code', 'unit_name', 'year'], ['001', '浓桥镇', 2023]])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const res = await ingestFiles([{ path: 'book.xlsx', bytes }])
    expect(res.tables).toHaveLength(1)
    expect(res.tables[0]).toMatchObject({ path: 'book.xlsx/Sheet1', kind: 'reports', records: 1 })
    expect(text(res.tables[0].utf8)).toContain('001,浓桥镇,2023')
  })

  it('refuses a zip bomb with a finding while loose files still load', async () => {
    const bomb = zipSync({ 'zeros.csv': new Uint8Array(4 * 1024 * 1024) }, { level: 9 })
    const res = await ingestFiles([
      { path: 'bomb.zip', bytes: bomb },
      { path: 'reports.csv', bytes: u8(REPORTS) },
    ], undefined, { zip: { maxTotalBytes: 1024 * 1024 } })
    expect(res.tables.map((t) => t.path)).toEqual(['reports.csv'])
    expect(res.findings[0]).toMatchObject({ severity: 'error', file: 'bomb.zip' })
    expect(res.findings[0].message).toContain('压缩炸弹')
  })
})
