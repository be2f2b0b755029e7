import { describe, expect, it } from 'vitest'
import { zipSync, strToU8 } from 'fflate'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { expandZip, readCentralDirectory } from '../../../src/ingest/archive'
import { expandXlsx } from '../../../src/ingest/xlsx'
import { expandSources } from '../../../src/ingest/sources'

const text = (b: Uint8Array): string => new TextDecoder().decode(b)
const all = (): null => null

describe('expandZip', () => {
  const zip = zipSync({
    'bundle/2023/reports.csv': strToU8('unit_code,unit_name,year\n1,浓桥镇,2023\n'),
    'bundle/2023/深层/applications.csv': strToU8('a,b\n'),
    '__MACOSX/bundle/._reports.csv': strToU8('junk'),
    'bundle/.hidden.csv': strToU8('junk'),
    'bundle/empty-folder/': new Uint8Array(0),
  })

  it('expands nested folders, keeps paths, skips __MACOSX, hidden files and folders', () => {
    const ex = expandZip({ path: 'up/bundle.zip', bytes: zip }, all)
    expect(ex.errors).toEqual([])
    expect(ex.files.map((f) => f.path).sort()).toEqual(['up/bundle.zip/bundle/2023/reports.csv', 'up/bundle.zip/bundle/2023/深层/applications.csv'])
    expect(text(ex.files.find((f) => f.path.endsWith('reports.csv'))!.bytes)).toContain('浓桥镇')
  })

  it('reads GBK entry names (zipped on Chinese Windows without the UTF-8 flag)', () => {
    const z = zipSync({ 'aaaaaa.csv': strToU8('x\n') })
    const gbk = iconv.encode('年度报.csv', 'gbk') // 10 bytes, as long as the placeholder
    expect(gbk.length).toBe(10)
    let p = z.length - 22
    while (!(z[p] === 0x50 && z[p + 1] === 0x4b && z[p + 2] === 1 && z[p + 3] === 2)) p--
    z.set(gbk, p + 46)
    z[p + 9] &= ~0x08 // clear the UTF-8 flag (bit 11)
    expect(expandZip({ path: 'w.zip', bytes: z }, all).files[0].path).toBe('w.zip/年度报.csv')
  })

  it('a corrupt zip gives a clear Chinese message naming it, not a throw', () => {
    const broken = zip.slice(0, zip.length - 30)
    const ex = expandZip({ path: 'bad.zip', bytes: broken }, all)
    expect(ex.files).toEqual([])
    expect(ex.errors[0].message).toMatch(/压缩包 bad\.zip 已损坏/)
    const notZip = expandZip({ path: 'fake.zip', bytes: strToU8('this is not a zip at all, just text') }, all)
    expect(notZip.errors[0].message).toContain('fake.zip')
  })

  it('a damaged entry is reported and the other entries still load', () => {
    const z = zipSync({ 'a.csv': strToU8('x,y\n'.repeat(200)), 'b.csv': strToU8('p,q\n'.repeat(200)) }, { level: 9 })
    const entries = readCentralDirectory(z)
    const a = entries.find((e) => e.name === 'a.csv')!
    const damaged = z.slice()
    damaged.fill(0xff, a.offset + 30 + 5 + 2, a.offset + 30 + 5 + 12) // scribble over a.csv's deflate data
    const ex = expandZip({ path: 'd.zip', bytes: damaged }, all)
    expect(ex.files.map((f) => f.path)).toEqual(['d.zip/b.csv'])
    expect(ex.errors[0].message).toContain('a.csv')
  })

  it('refuses a zip bomb from its declared sizes, before inflating', () => {
    const bomb = zipSync({ 'zeros.csv': new Uint8Array(8 * 1024 * 1024) }, { level: 9 })
    expect(bomb.length).toBeLessThan(64 * 1024)
    const ex = expandZip({ path: 'bomb.zip', bytes: bomb }, all, { maxTotalBytes: 4 * 1024 * 1024 })
    expect(ex.files).toEqual([])
    expect(ex.errors[0].message).toMatch(/压缩包 bomb\.zip 声明解压后共 8\.0 MB.*压缩炸弹/)
    const byRatio = expandZip({ path: 'bomb.zip', bytes: bomb }, all, { ratioMinBytes: 1024 * 1024, maxRatio: 100 })
    expect(byRatio.errors[0].message).toContain('压缩比')
    // Within the limits the same zip expands.
    expect(expandZip({ path: 'bomb.zip', bytes: bomb }, all).files[0].bytes.length).toBe(8 * 1024 * 1024)
  })

  it('refuses declared sizes that lie (huge size in the central directory)', () => {
    const z = zipSync({ 'a.csv': strToU8('x\n') })
    const cd = z.slice()
    const en = readCentralDirectory(cd)[0]
    // Find the central header (signature PK\x01\x02) and declare 3 GB uncompressed.
    let p = cd.length - 22
    while (!(cd[p] === 0x50 && cd[p + 1] === 0x4b && cd[p + 2] === 1 && cd[p + 3] === 2)) p--
    new DataView(cd.buffer).setUint32(p + 24, 3 * 1024 ** 3, true)
    expect(en.usize).toBe(2)
    const ex = expandZip({ path: 'liar.zip', bytes: cd }, all)
    expect(ex.files).toEqual([])
    expect(ex.skipped[0].reason).toMatch(/liar\.zip\/a\.csv 解压后有 3\.0 GB/)
  })
})

describe('expandSources', () => {
  it('opens zips inside zips, skips non-table files with a reason, refuses too-large files', async () => {
    const inner = zipSync({ 'inner/reviews.csv': strToU8('unit_code,year\n') })
    const outer = zipSync({ 'data/inner.zip': inner, 'data/readme.pdf': strToU8('%PDF'), 'data/old.xls': strToU8('x') })
    const ex = await expandSources([
      { path: 'outer.zip', bytes: outer },
      { path: 'big.csv', bytes: new Uint8Array(2048) },
      { path: '.DS_Store', bytes: new Uint8Array(3) },
    ], { maxFileBytes: 1024 })
    expect(ex.tables.map((f) => f.path)).toEqual(['outer.zip/data/inner.zip/inner/reviews.csv'])
    const reasons = ex.skipped.map((s) => s.reason).join('\n')
    expect(reasons).toContain('outer.zip/data/readme.pdf 不是 CSV')
    expect(reasons).toContain('outer.zip/data/old.xls 是旧版 Excel')
    expect(reasons).toMatch(/big\.csv 有 2\.0 KB，超过单个文件 1\.0 KB 的上限/)
    expect(reasons).not.toContain('.DS_Store')
  })
})

describe('expandXlsx', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('报告清单')
    ws.addRow(['单位代码', '单位名称', '年度', '主动公开信息数', '来源'])
    ws.addRow(['230883103000', '浓桥镇, "东"', 2023, { formula: 'B9+1', result: 43 }, new Date(Date.UTC(2024, 0, 15))])
    ws.addRow(['230883104000', { richText: [{ text: '寒葱' }, { text: '沟镇', font: { bold: true } }] }, 2023, 12.5, '第一行\n第二行'])
    const rv = wb.addWorksheet('复议诉讼')
    rv.addRow(['单位代码', '年度', '行政复议', '', ''])
    rv.addRow(['', '', '结果维持', '结果纠正', '其他结果'])
    rv.mergeCells('C1:E1')
    rv.mergeCells('A1:A2')
    rv.addRow(['1', 2023, 0, 1, 0])
    wb.addWorksheet('空表')
    const hidden = wb.addWorksheet('隐藏')
    hidden.state = 'hidden'
    hidden.addRow(['x'])
    return new Uint8Array(await wb.xlsx.writeBuffer())
  }

  it('turns each sheet into RFC 4180 CSV: numbers, cached formula results, ISO dates, plain rich text', async () => {
    const ex = await expandXlsx({ path: 'in/book.xlsx', bytes: await workbook() })
    expect(ex.errors).toEqual([])
    expect(ex.files.map((f) => f.path)).toEqual(['in/book.xlsx/报告清单', 'in/book.xlsx/复议诉讼'])
    expect(text(ex.files[0].bytes)).toBe(
      '单位代码,单位名称,年度,主动公开信息数,来源\r\n' +
      '230883103000,"浓桥镇, ""东""",2023,43,2024-01-15\r\n' +
      '230883104000,寒葱沟镇,2023,12.5,"第一行\n第二行"\r\n')
    // Merged cells keep their value only in the top-left cell, so the two-row header can be combined.
    expect(text(ex.files[1].bytes).split('\r\n')[0]).toBe('单位代码,年度,行政复议,,')
    expect(ex.skipped.map((s) => s.reason).join('\n')).toMatch(/book\.xlsx\/空表 是空的[\s\S]*book\.xlsx\/隐藏 是隐藏的/)
  })

  it('a file that is not a workbook gives a Chinese message', async () => {
    const ex = await expandXlsx({ path: 'broken.xlsx', bytes: strToU8('not a workbook') })
    expect(ex.files).toEqual([])
    expect(ex.errors[0].message).toMatch(/Excel 文件 broken\.xlsx 无法打开/)
  })
})
