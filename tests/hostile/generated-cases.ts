/**
 * Hostile cases whose bytes must be built in code: legacy and UTF-16 encodings, mojibake, zips
 * (nested, damaged, bombs with lying sizes), workbooks and big files (generated in memory, never committed).
 */
import ExcelJS from 'exceljs'
import { zipSync } from 'fflate'
import iconv from 'iconv-lite'
import type { SourceFile } from '../../src/ingest/types'
import type { Expected } from './expected'
import { u8 } from './harness'
import { declareSize, junkZip, xlsxLyingSizeBomb, xlsxSharedStringsBomb } from '../fixtures/hostile/bombs'

export interface GeneratedCase { name: string; files: () => SourceFile[] | Promise<SourceFile[]>; expected: Expected }

const REPORTS = 'unit_code,unit_name,parent_name,level,year,active_total\n230883103000,浓桥镇,抚远市,乡镇,2023,43\n230883104000,𪚥寒葱沟镇,抚远市,乡镇,2023,12\n'
const REPORTS_ZH = '单位代码,单位名称,上级名称,层级,年度,主动公开信息数\r\n230883103000,浓桥镇,抚远市,乡镇,2023,43\r\n230883104000,寒葱沟镇·“二屯”,抚远市,乡镇,2023,详见附表\r\n'
const APPS = 'unit_code,year,row,natural_person,commercial,research,social_welfare,legal_service,other_org,total\n' +
  '230883103000,2023,received,2,0,0,0,0,0,2\n230883103000,2023,granted,2,0,0,0,0,0,2\n230883103000,2023,handled,2,0,0,0,0,0,2\n'

const gbk = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gb18030'))
const bom = (s: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...u8(s)])
const utf16 = (s: string, le: boolean): Uint8Array => {
  const body = new Uint8Array(iconv.encode(s, le ? 'utf16-le' : 'utf16-be'))
  return new Uint8Array([...(le ? [0xff, 0xfe] : [0xfe, 0xff]), ...body])
}
/** UTF-8 bytes read as Latin-1 and saved again as UTF-8 (the classic double encoding). */
const mojibake = (s: string): Uint8Array => u8(Array.from(u8(s), (b) => String.fromCharCode(b)).join(''))

/** A CSV of about `bytes` bytes: a reports header, then the same row over and over (fast doubling). */
function bigCsv(bytes: number): Uint8Array {
  const head = u8('unit_code,unit_name,year,active_total\n')
  const row = u8('230883103000,浓桥镇,2023,43\n')
  const out = new Uint8Array(bytes)
  out.set(head)
  let filled = head.length
  out.set(row.subarray(0, Math.min(row.length, bytes - filled)), filled)
  filled += row.length
  while (filled < bytes) {
    const n = Math.min(filled - head.length, bytes - filled)
    out.copyWithin(filled, head.length, head.length + n)
    filled += n
  }
  return out
}

const rep = (path: string, records: number, extra: Record<string, unknown> = {}) => ({ [path]: { kind: 'reports', records, ...extra } })

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('报告清单')
  ws.addRows([
    ['unit_code', 'unit_name', 'year', 'active_total'],
    ['000123', '零头单位', 2023, 5],
    [230883103000, { formula: 'CONCAT("浓","桥镇")', result: '浓桥镇' }, '2023年', { formula: '40+3', result: 43 }],
    ['230883104000', '=HYPERLINK("http://x")', 2023, '1,234'],
  ])
  wb.addWorksheet('说明').addRows([['这是说明页，不是数据']])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

export const GENERATED: GeneratedCase[] = [
  {
    name: 'g01-utf8-bom',
    files: () => [{ path: 'reports.csv', bytes: bom(REPORTS) }],
    expected: {
      title: 'UTF-8 with BOM: the BOM does not stick to the first header; names verbatim (incl. a 4-byte character)',
      tables: rep('reports.csv', 2, { encoding: 'utf-8-bom' }), raw: { reports: 2 }, absent: ['unknown_header', 'unrecognised_file'],
      values: [{ table: 'reports', where: { unit_code: '230883104000' }, equals: { unit_name: '𪚥寒葱沟镇', active_total: 12 } }],
    },
  },
  {
    name: 'g02-gb18030',
    files: () => [{ path: 'reports.csv', bytes: gbk(REPORTS_ZH.replace('寒葱沟镇', '𪚥寒葱沟镇')) }],
    expected: {
      title: 'GB18030 (Excel on Chinese Windows) with Chinese headers: detected, names verbatim, text cells located',
      tables: rep('reports.csv', 2, { encoding: 'gb18030' }), raw: { reports: 2 },
      findings: [{ rule: 'text_cells', contains: ['reports.csv 第 3 行第 6 列', '「主动公开信息数」', '“详见附表”'], count: 1 }],
      values: [{ table: 'reports', where: { unit_code: '230883104000' }, equals: { unit_name: '𪚥寒葱沟镇·“二屯”', active_total: null } },
        { table: 'reports', where: { unit_code: '230883103000' }, equals: { unit_name: '浓桥镇', parent_name: '抚远市', active_total: 43 } }],
    },
  },
  {
    name: 'g03-bom-and-gb18030-mix',
    files: () => [{ path: 'mix/reports.csv', bytes: bom(REPORTS) }, { path: 'mix/applications.csv', bytes: gbk(APPS.replace('received', '一、本年新收政府信息公开申请数量')) }],
    expected: {
      title: 'One file UTF-8+BOM, one GB18030 in the same bundle: each detected on its own',
      tables: { ...rep('mix/reports.csv', 2, { encoding: 'utf-8-bom' }), 'mix/applications.csv': { kind: 'applications', records: 3, encoding: 'gb18030' } },
      raw: { reports: 2, applications: 3 },
      values: [{ table: 'summary', where: { unit_code: '230883103000' }, equals: { unit_name: '浓桥镇', received: 2, handled: 2, active_total: 43 } }],
    },
  },
  {
    name: 'g04-utf16le',
    files: () => [{ path: 'reports.csv', bytes: utf16(REPORTS_ZH, true) }],
    expected: {
      title: 'UTF-16 LE with BOM (Excel “Unicode text”)', tables: rep('reports.csv', 2, { encoding: 'utf-16' }), raw: { reports: 2 },
      values: [{ table: 'reports', where: { unit_code: '230883104000' }, equals: { unit_name: '寒葱沟镇·“二屯”' } }],
    },
  },
  {
    name: 'g05-utf16be-tab',
    files: () => [{ path: 'reports.txt', bytes: utf16(REPORTS_ZH.replace(/,/g, '\t'), false) }],
    expected: {
      title: 'UTF-16 BE with BOM, tab-delimited', tables: rep('reports.txt', 2, { encoding: 'utf-16', delimiter: '\t' }), raw: { reports: 2 },
      values: [{ table: 'reports', where: { unit_code: '230883103000' }, equals: { unit_name: '浓桥镇', active_total: 43 } }],
    },
  },
  {
    name: 'g06-utf16-no-bom',
    files: () => [{ path: 'nobom.csv', bytes: new Uint8Array(iconv.encode(REPORTS, 'utf16-le')) }, { path: 'ok.csv', bytes: u8(REPORTS) }],
    expected: {
      title: 'UTF-16 LE without a BOM (NUL every other byte) is recognised as UTF-16 and loads like the UTF-8 copy',
      tables: { ...rep('nobom.csv', 2, { encoding: 'utf-16' }), ...rep('ok.csv', 2) },
      raw: { reports: 4 }, typed: { reports: 2 }, absent: ['conflict'],
      findings: [{ rule: 'duplicate', contains: ['nobom.csv', 'ok.csv'] }],
    },
  },
  {
    name: 'g07-latin1-mojibake',
    files: () => [{ path: 'reports.csv', bytes: mojibake(REPORTS_ZH) }],
    expected: {
      title: 'Double-encoded (UTF-8 read as Latin-1, saved as UTF-8) text is flagged as 乱码 with the file name',
      findings: [{ rule: 'unrecognised_file', contains: ['reports.csv', '乱码', 'UTF-8 或 GBK'], source: 'ingest' }],
    },
  },
  {
    name: 'g08-zip-nested-folders',
    files: () => [{ path: 'bundle.zip', bytes: zipSync({ '黑龙江/2023/reports.csv': u8(REPORTS), '黑龙江/2023/深/层/applications.csv': gbk(APPS), '空文件夹/': new Uint8Array(0) }) }],
    expected: {
      title: 'A zip with nested folders: every table found, paths keep the folders',
      tables: { ...rep('bundle.zip/黑龙江/2023/reports.csv', 2), 'bundle.zip/黑龙江/2023/深/层/applications.csv': { kind: 'applications', records: 3 } },
      raw: { reports: 2, applications: 3 },
      values: [{ table: 'summary', where: { unit_code: '230883103000' }, equals: { received: 2 } }],
    },
  },
  {
    name: 'g09-zip-non-csv',
    files: () => [{ path: 'b.zip', bytes: zipSync({ 'reports.csv': u8(REPORTS), '说明.docx': u8('PK'), 'logo.png': new Uint8Array(10), '__MACOSX/._reports.csv': u8('x'), '旧表.xls': u8('x') }) }],
    expected: {
      title: 'Non-CSV entries of a zip are skipped with a reason naming them; macOS junk silently',
      tables: rep('b.zip/reports.csv', 2), raw: { reports: 2 },
      findings: [{ rule: 'skipped', contains: ['b.zip/说明.docx', '不是 CSV'], count: 1 }, { rule: 'skipped', contains: ['b.zip/logo.png'], count: 1 },
        { rule: 'skipped', contains: ['b.zip/旧表.xls', '.xlsx'], count: 1 }, { rule: 'skipped', count: 3 }],
    },
  },
  {
    name: 'g10-zip-corrupt',
    files: () => {
      const z = zipSync({ 'reports.csv': u8(REPORTS) })
      return [{ path: 'half.zip', bytes: z.subarray(0, z.length >> 1) }, { path: 'fake.zip', bytes: u8('PK\u0003\u0004 not a zip') },
        { path: 'loose/applications.csv', bytes: u8(APPS) }]
    },
    expected: {
      title: 'A truncated zip and a fake zip are reported as damaged; loose files still load',
      tables: { 'loose/applications.csv': { kind: 'applications', records: 3 } }, raw: { applications: 3 },
      findings: [{ rule: 'unrecognised_file', contains: ['压缩包 half.zip 已损坏'], count: 1 }, { rule: 'unrecognised_file', contains: ['压缩包 fake.zip 已损坏'], count: 1 }],
    },
  },
  {
    name: 'g11-zip-damaged-entry',
    files: () => {
      const z = zipSync({ 'a/reports.csv': u8(REPORTS.repeat(50)), 'b/applications.csv': u8(APPS) }, { level: 9 })
      // corrupt the middle of the first entry's deflate data; the second entry stays intact
      const bad = z.slice()
      for (let i = 60; i < 90; i++) bad[i] = 0xff
      return [{ path: 'z.zip', bytes: bad }]
    },
    expected: {
      title: 'One damaged entry is reported by name; the other entry of the zip loads',
      tables: { 'z.zip/b/applications.csv': { kind: 'applications', records: 3 } }, raw: { applications: 3 },
      findings: [{ rule: 'unrecognised_file', contains: ['z.zip', 'a/reports.csv', '无法解压'] }],
    },
  },
  {
    name: 'g12-zip-bomb-declared-size',
    files: () => [{ path: 'bomb.zip', bytes: declareSize(zipSync({ 'zeros.csv': new Uint8Array(1 << 20) }, { level: 9 }), 0xf0000000) },
      { path: 'reports.csv', bytes: u8(REPORTS) }],
    expected: {
      title: 'A zip declaring 3.75 GB is refused from its directory before anything is inflated; loose files load',
      tables: rep('reports.csv', 2), raw: { reports: 2 },
      findings: [{ rule: 'skipped', contains: ['bomb.zip/zeros.csv', '超过单个文件'] }],
    },
  },
  {
    name: 'g13-zip-bomb-ratio',
    files: () => [{ path: 'bomb.zip', bytes: declareSize(zipSync({ 'a.csv': new Uint8Array(1 << 16), 'b.csv': new Uint8Array(1 << 16) }, { level: 9 }), 400 * 1024 * 1024) }],
    expected: {
      // entries under the per-file limit, so that the ratio check is what refuses it (the default limit, 100 MB, would skip each entry first)
      options: { maxFileBytes: 1024 ** 3 },
      title: 'A zip whose declared total (800 MB) is thousands of times its size is refused as a 压缩炸弹',
      tables: {}, raw: {},
      findings: [{ rule: 'unrecognised_file', contains: ['bomb.zip', '压缩炸弹', '未解压'], count: 1 }],
    },
  },
  {
    name: 'g14-zip-in-zip-depth',
    files: () => {
      const inner = zipSync({ 'reports.csv': u8(REPORTS) })
      const deep = zipSync({ 'd2.zip': zipSync({ 'd3.zip': zipSync({ 'applications.csv': u8(APPS) }) }) })
      return [{ path: 'outer.zip', bytes: zipSync({ 'inner.zip': inner, 'deep.zip': deep }) }]
    },
    expected: {
      title: 'A zip inside a zip is opened; zips nested too deep are skipped with a reason',
      tables: rep('outer.zip/inner.zip/reports.csv', 2), raw: { reports: 2 },
      findings: [{ rule: 'skipped', contains: ['嵌套层数过多'] }],
    },
  },
  {
    name: 'g15-300mb-file-refused',
    files: () => [{ path: 'huge/reports.csv', bytes: bigCsv(300 * 1024 * 1024) }, { path: 'small/applications.csv', bytes: u8(APPS) }],
    expected: {
      options: { maxFileBytes: 64 * 1024 * 1024 },
      title: 'A 300 MB file over the size limit given in options is skipped with its size and the limit; the rest loads',
      tables: { 'small/applications.csv': { kind: 'applications', records: 3 } }, raw: { applications: 3 },
      findings: [{ rule: 'skipped', contains: ['huge/reports.csv', '300.0 MB', '64.0 MB'], count: 1 }],
    },
  },
  {
    name: 'g15b-300mb-file-default-limits',
    files: () => [{ path: 'huge/reports.csv', bytes: bigCsv(300 * 1024 * 1024) }, { path: 'small/applications.csv', bytes: u8(APPS) }],
    expected: {
      // the default limit is what DuckDB-WASM was measured to load (src/ingest/limits.ts): 200 MB already runs out of memory
      title: 'A 300 MB file over the default limit is refused before reading, with its size and the size that loads; never a thrown error',
      tables: { 'small/applications.csv': { kind: 'applications', records: 3 } }, raw: { applications: 3 }, typed: { applications: 3 },
      findings: [{ rule: 'skipped', contains: ['huge/reports.csv', '300.0 MB', '100.0 MB', '浏览器'], count: 1 }],
    },
  },
  {
    name: 'g16-zip-entry-over-limit',
    files: () => [{ path: 'z.zip', bytes: zipSync({ 'big.csv': bigCsv(3 * 1024 * 1024), 'reports.csv': u8(REPORTS) }, { level: 1 }) }],
    expected: {
      options: { maxFileBytes: 1024 * 1024 },
      title: 'A zip entry over the per-file limit is skipped by its declared size; the other entry loads',
      tables: rep('z.zip/reports.csv', 2), raw: { reports: 2 },
      findings: [{ rule: 'skipped', contains: ['z.zip/big.csv', '3.0 MB'], count: 1 }],
    },
  },
  {
    name: 'g17a-long-cell',
    files: () => [{ path: 'long.csv', bytes: u8(`unit_code,unit_name,year\n100000000001,${'长'.repeat(200_000)},2023\n100000000002,短,2023\n`) }],
    expected: {
      // a 600 KB bound parameter crashed DuckDB-WASM: long dictionary texts now go through a registered CSV (src/db/dicts.ts)
      title: 'A 600 KB cell is kept whole and does not disturb the next row',
      tables: rep('long.csv', 2), raw: { reports: 2 },
      values: [{ table: 'reports', where: { unit_code: '100000000001' }, equals: { unit_name: '长'.repeat(200_000) } },
        { table: 'reports', where: { unit_code: '100000000002' }, equals: { unit_name: '短' } }],
    },
  },
  {
    name: 'g17c-many-long-cells',
    // 500 distinct 12 KB names in one bound-parameter INSERT crashed DuckDB-WASM: dictionary INSERTs are kept small (src/db/dicts.ts)
    files: () => [{ path: 'names.csv', bytes: u8(`unit_code,unit_name,year\n${Array.from({ length: 510 }, (_, i) =>
      `1000000${String(i).padStart(5, '0')},${i}${'长'.repeat(4000)},2023`).join('\n')}\n`) }],
    expected: {
      title: '510 distinct 12 KB names: all kept whole, no crash',
      tables: rep('names.csv', 510), raw: { reports: 510 }, typed: { reports: 510 },
      values: [{ table: 'reports', where: { unit_code: '100000000509' }, equals: { unit_name: `509${'长'.repeat(4000)}` } }],
    },
  },
  {
    name: 'g17b-many-unknown-columns',
    files: () => {
      const unknown = Array.from({ length: 300 }, (_, i) => `x${i}`)
      return [{ path: 'wide.csv', bytes: u8(`unit_code,unit_name,year,${unknown.join(',')}\n100000000001,甲镇,2023,${unknown.map(() => '1').join(',')}\n`) }]
    },
    expected: {
      title: '300 unknown columns: every one reported by position, the known ones load',
      tables: rep('wide.csv', 1), raw: { reports: 1 },
      findings: [{ rule: 'unknown_header', contains: ['wide.csv 第 1 行第 4 列', '“x0”'], count: 1 }, { rule: 'unknown_header', count: 300 }],
      values: [{ table: 'reports', where: { unit_code: '100000000001' }, equals: { unit_name: '甲镇', year: 2023 } }],
    },
  },
  {
    name: 'g18-xlsx',
    files: async () => [{ path: '报表.xlsx', bytes: await workbook() }],
    expected: {
      title: 'A workbook: text codes keep leading zeros, formula results are read, a formula-looking name stays text, notes sheet reported',
      raw: { reports: 3 }, typed: { reports: 3 },
      findings: [{ rule: 'unrecognised_file', contains: ['报表.xlsx/说明'] }, { rule: 'tolerated_number', contains: ['“1,234”'] }],
      values: [{ table: 'reports', where: { unit_code: '000123' }, equals: { unit_name: '零头单位', active_total: 5 } },
        { table: 'reports', where: { unit_code: '230883103000' }, equals: { unit_name: '浓桥镇', year: 2023, active_total: 43 } },
        { table: 'reports', where: { unit_code: '230883104000' }, equals: { unit_name: '=HYPERLINK("http://x")', active_total: 1234 } }],
    },
  },
  {
    name: 'g19-utf8-cut-mid-character',
    files: () => {
      const b = u8(REPORTS + '230883105000,海青镇,抚远市,乡镇,2023,7\n230883106000,抓吉镇')
      return [{ path: 'reports.csv', bytes: b.subarray(0, b.length - 2) }] // the last 镇 loses its last 2 bytes
    },
    expected: {
      title: 'A UTF-8 file cut in the middle of a character stays UTF-8: earlier names are not garbled',
      tables: rep('reports.csv', 4, { encoding: 'utf-8' }), typed: { reports: 3 },
      values: [{ table: 'reports', where: { unit_code: '230883105000' }, equals: { unit_name: '海青镇', active_total: 7 } },
        { table: 'reports', where: { unit_code: '230883103000' }, equals: { unit_name: '浓桥镇' } }],
      findings: [{ rule: 'bad_year', contains: ['reports.csv', '第 5 行'] }, { rule: 'unrecognised_file', contains: ['reports.csv', '最后一个字符不完整'], source: 'ingest' }],
    },
  },
  {
    name: 'g21-utf8-stray-byte',
    files: () => {
      const b = u8(REPORTS_ZH)
      const at = b.indexOf(0x0a) + 14 // inside line 2, after the code
      return [{ path: 'reports.csv', bytes: new Uint8Array([...b.subarray(0, at), 0x96, ...b.subarray(at)]) }] // a cp1252 dash
    },
    expected: {
      title: 'A UTF-8 file with one stray Windows-1252 byte stays UTF-8: names intact, the bad byte located by line',
      tables: rep('reports.csv', 2, { encoding: 'utf-8' }), raw: { reports: 2 },
      findings: [{ rule: 'unrecognised_file', contains: ['reports.csv 第 2 行起有 1 个字节不是有效的 UTF-8 编码'], source: 'ingest', count: 1 }],
      values: [{ table: 'reports', where: { unit_code: '230883104000' }, equals: { unit_name: '寒葱沟镇·“二屯”' } },
        { table: 'reports', where: { unit_code: '230883103000' }, equals: { parent_name: '抚远市', active_total: 43 } }],
    },
  },
  {
    name: 'g20-nul-bytes',
    files: () => [{ path: 'reports.csv', bytes: u8('unit_code,unit_name,year,active_total\n100000000001,甲\u0000镇,2023,1\n100000000002,乙镇,2023,2\u0000\n100000000003,丙镇,2023,3\n') }],
    expected: {
      title: 'NUL bytes inside fields never crash the loader; the clean rows load',
      tables: rep('reports.csv', 3),
      values: [{ table: 'reports', where: { unit_code: '100000000003' }, equals: { unit_name: '丙镇', active_total: 3 } }],
    },
  },
  // The red team's slow bombs (issue 17): each refused before the expensive work, with the limit named.
  {
    name: 'g22-zip-99mb-many-junk-files',
    files: () => [{ path: 'junk.zip', bytes: junkZip() }, { path: 'reports.csv', bytes: u8(REPORTS) }],
    expected: {
      title: 'A 99 MB zip of 90,000 small junk files is refused from its central directory (one finding naming the 3,000-file limit), not read file by file; loose files load',
      tables: rep('reports.csv', 2), raw: { reports: 2 },
      findings: [{ rule: 'unrecognised_file', contains: ['junk.zip', '90,000 个文件', '3,000 个文件的上限', '未解压'], count: 1 }, { rule: '*', count: 1 }],
    },
  },
  {
    name: 'g23-zip-nested-entries-budget',
    files: () => [{ path: 'outer.zip', bytes: zipSync({ 'a.zip': zipSync(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`r${i}.csv`, u8(REPORTS)]))), 'b.zip': zipSync(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`s${i}.csv`, u8(REPORTS)]))) }) }],
    expected: {
      options: { zip: { maxEntries: 7 } },
      title: 'The entry budget covers zips inside zips together: the second inner zip, over what is left, is refused by name',
      tables: Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`outer.zip/a.zip/r${i}.csv`, { kind: 'reports', records: 2 }])),
      findings: [{ rule: 'unrecognised_file', contains: ['outer.zip/b.zip', '上限'], count: 1 }],
    },
  },
  {
    name: 'g24-xlsx-shared-strings-bomb',
    files: async () => [{ path: '炸弹.xlsx', bytes: await xlsxSharedStringsBomb() }, { path: 'reports.csv', bytes: u8(REPORTS) }],
    expected: {
      title: 'An xlsx with 2,000,000 shared strings (half of them empty rich text) is refused before exceljs reads it, naming the limit',
      tables: rep('reports.csv', 2), raw: { reports: 2 },
      findings: [{ rule: 'unrecognised_file', contains: ['炸弹.xlsx', '共享字符串', '1,000,000'], count: 1 }],
    },
  },
  {
    name: 'g25-xlsx-lying-size',
    files: async () => [{ path: 'liar.xlsx', bytes: await xlsxLyingSizeBomb() }],
    expected: {
      title: 'An xlsx whose shared strings declare 1 KB but inflate past 200 MB is stopped at the byte budget while streaming',
      tables: {}, raw: {},
      findings: [{ rule: 'unrecognised_file', contains: ['liar.xlsx', '至少', '200.0 MB', '压缩炸弹'], count: 1 }],
    },
  },
]
