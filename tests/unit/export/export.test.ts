import { describe, expect, it } from 'vitest'
import { safeFileName } from '../../../src/export/names'
import { neutralise, optionToTable, toCsv, xlsxCell } from '../../../src/export/table'
import { indicatorDefinition, subtitleFromFilters } from '../../../src/export/caption'
import { drawableOption } from '../../../src/export/render'

describe('safeFileName', () => {
  const d = new Date(2024, 0, 5)
  it('replaces characters Windows forbids, adds the date and the extension', () => {
    const n = safeFileName('各单位/主动公开: "信息"数 <2023>|?*\\', d, 'svg')
    expect(n).toMatch(/^[^\\/:*?"<>|]+_2024-01-05\.svg$/)
    expect(n.startsWith('各单位_主动公开_')).toBe(true)
  })
  it('defaults to .png (old call sites)', () => {
    expect(safeFileName('图', d)).toBe('图_2024-01-05.png')
    expect(safeFileName('图', 'csv')).toMatch(/^图_\d{4}-\d{2}-\d{2}\.csv$/)
  })
  it('trims spaces/dots, collapses whitespace, drops control characters', () => {
    expect(safeFileName('  . a\t\nb\u0001c .. ', d, 'png')).toBe('a b_c_2024-01-05.png')
  })
  it('never longer than 100 characters, even with long CJK titles', () => {
    const n = safeFileName('很'.repeat(300), d, 'xlsx')
    expect([...n].length).toBeLessThanOrEqual(100)
    expect(n.endsWith('_2024-01-05.xlsx')).toBe(true)
  })
  it('empty or reserved titles get a usable name', () => {
    expect(safeFileName('  ///  ', d)).toBe('__2024-01-05.png')
    expect(safeFileName('', d)).toBe('chart_2024-01-05.png')
    expect(safeFileName('CON', d)).toBe('_CON_2024-01-05.png')
  })
})

describe('CSV', () => {
  const table = {
    columns: [{ key: 'name', label: '单位' }, { key: 'v', label: '数值' }],
    rows: [
      { name: '=HYPERLINK("x")', v: -3 },
      { name: '+1', v: 2.5 },
      { name: '@SUM(A1)', v: null },
      { name: '-x', v: 0 },
      { name: '普通, "引号"', v: 1 },
    ],
  }
  it('starts with a UTF-8 BOM and uses CRLF', () => {
    const csv = toCsv(table)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.split('\r\n')[0]).toBe('\uFEFF单位,数值')
  })
  it('neutralises = + - @ text, quotes commas/quotes, keeps numbers as numbers', () => {
    const lines = toCsv(table).slice(1).split('\r\n')
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",-3`)
    expect(lines[2]).toBe(`'+1,2.5`)
    expect(lines[3]).toBe(`'@SUM(A1),`)
    expect(lines[4]).toBe(`'-x,0`)
    expect(lines[5]).toBe(`"普通, ""引号""",1`)
  })
  it('meta lines come first', () => {
    expect(toCsv(table, ['标题']).slice(1).split('\r\n')[0]).toBe('标题')
  })
  it('neutralise and xlsxCell', () => {
    expect(neutralise('=1+1')).toBe("'=1+1")
    expect(neutralise('\t=1')).toBe("'\t=1")
    expect(neutralise('a=1')).toBe('a=1')
    expect(xlsxCell(-5)).toBe(-5)
    expect(xlsxCell('-5')).toBe("'-5")
    expect(xlsxCell(Number.NaN)).toBeNull()
    expect(xlsxCell(null)).toBeNull()
  })
})

describe('optionToTable', () => {
  it('category axis × series', () => {
    const t = optionToTable({
      xAxis: { type: 'category', data: ['甲', '乙'] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: '2022 年', data: [1, '-'] }, { type: 'bar', name: '2023 年', data: [{ value: 3 }, 4] }],
    }, { category: '单位' })
    expect(t.columns.map((c) => c.label)).toEqual(['单位', '2022 年', '2023 年'])
    expect(t.rows).toEqual([{ category: '甲', s0: 1, s1: 3 }, { category: '乙', s0: null, s1: 4 }])
  })
  it('horizontal bars (category on y), custom series ignored', () => {
    const t = optionToTable({
      xAxis: { type: 'value' }, yAxis: { type: 'category', data: ['A'] },
      series: [{ type: 'bar', name: '予以公开', data: [0.5] }, { type: 'custom', name: 'x', data: [[0]] }],
    })
    expect(t.columns.length).toBe(2)
    expect(t.rows).toEqual([{ category: 'A', s0: 0.5 }])
  })
  it('heatmap → one row per cell', () => {
    const t = optionToTable({
      xAxis: { type: 'category', data: ['2022', '2023'] }, yAxis: { type: 'category', data: ['甲'] },
      series: [{ type: 'heatmap', name: '信息数', data: [[0, 0, 5], [1, 0, '-']] }],
    })
    expect(t.columns.map((c) => c.label)).toEqual(['类别', '系列', '信息数'])
    expect(t.rows).toEqual([{ y: '甲', x: '2022', value: 5 }, { y: '甲', x: '2023', value: null }])
  })
  it('dataset source (header row and objects)', () => {
    expect(optionToTable({ dataset: { source: [['单位', '数'], ['甲', 1]] } })).toEqual({
      columns: [{ key: 'c0', label: '单位' }, { key: 'c1', label: '数' }], rows: [{ c0: '甲', c1: 1 }],
    })
    expect(optionToTable({ dataset: [{ source: [{ a: 1, b: 'x' }] }] }).rows).toEqual([{ a: 1, b: 'x' }])
  })
  it('pie items', () => {
    const t = optionToTable({ series: [{ type: 'pie', name: 'p', data: [{ name: '甲', value: 2 }] }] })
    expect(t.rows).toEqual([{ series: 'p', name: '甲', value: 2 }])
    expect(t.columns.map((c) => c.key)).toEqual(['name', 'value'])
  })
  it('nothing usable → empty table', () => {
    expect(optionToTable(null).rows).toEqual([])
  })
})

describe('subtitleFromFilters', () => {
  const names: Record<string, string> = { '2305': '抚远市', a: '甲镇', b: '乙镇', c: '丙镇', d: '丁镇' }
  const ctx = { locale: 'zh-CN', unitName: (c: string) => names[c], years: [2019, 2020, 2021, 2022, 2023] }
  it('unit + level + years', () => {
    expect(subtitleFromFilters({ unitCodes: ['2305'], level: '乡镇', yearFrom: 2021, yearTo: 2023 }, ctx)).toBe('抚远市各乡镇 2021–2023 年')
  })
  it('no filters → all units over the loaded years', () => {
    expect(subtitleFromFilters({}, ctx)).toBe('全部单位 2019–2023 年')
    expect(subtitleFromFilters({}, { locale: 'zh-CN' })).toBe('全部单位')
  })
  it('level only, one year, open ranges', () => {
    expect(subtitleFromFilters({ level: '街道', yearFrom: 2023, yearTo: 2023 }, ctx)).toBe('各街道 2023 年')
    expect(subtitleFromFilters({ yearFrom: 2021 }, ctx)).toBe('全部单位 2021 年以来')
    expect(subtitleFromFilters({ yearTo: 2022 }, ctx)).toBe('全部单位 截至 2022 年')
  })
  it('many units are summarised', () => {
    expect(subtitleFromFilters({ unitCodes: ['a', 'b', 'c', 'd'], yearFrom: 2022, yearTo: 2023 }, ctx)).toBe('甲镇、乙镇、丙镇等 4 个单位 2022–2023 年')
  })
  it('English', () => {
    expect(subtitleFromFilters({ unitCodes: ['2305'], level: 'township', yearFrom: 2021, yearTo: 2023 }, { ...ctx, locale: 'en' })).toBe('抚远市 (township) 2021–2023')
  })
})

describe('indicator definition and drawable snapshots', () => {
  it('definition by key', () => {
    expect(indicatorDefinition('disclosure_rate', 'zh-CN')).toMatch(/^公开率：/)
    expect(indicatorDefinition('nope', 'zh-CN')).toBeUndefined()
  })
  it('custom series without renderItem (JSON snapshot) are dropped', () => {
    const o = drawableOption({ series: [{ type: 'bar', data: [1] }, { type: 'custom', data: [[0]] } as never] })
    expect((o.series as unknown[]).length).toBe(1)
  })
})
