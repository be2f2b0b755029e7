import { describe, expect, it } from 'vitest'
import { activeVolumeBars, activeVolumeHeatmap, activeVolumeNote, MAX_UNITS, TOP_N } from '../../../src/charts/activeVolume'
import { barsTooltip, heatmapTooltip } from '../../../src/charts/activeVolume'
import { createTranslate } from '../../../src/i18n/translate'
import type { ActiveByUnitYearRow } from '../../../src/queries/rows'
import type { ChartCtx } from '../../../src/charts/types'
import { optionToTable } from '../../../src/charts/export/table'
import { valueExtent } from '../helpers/echarts'

const ctx: ChartCtx = { t: createTranslate('zh-CN'), locale: 'zh-CN' }
const XSS = '<img src=x onerror=alert(1)>'

const row = (unitCode: string, unitName: string, year: number, activeTotal: number | null, parentName: string | null = '抚远市'): ActiveByUnitYearRow =>
  ({ unitCode, unitName, parentName, year, activeTotal })

const rows: ActiveByUnitYearRow[] = [
  row('A', '浓桥镇', 2022, 40),
  row('A', '浓桥镇', 2023, 43),
  row('B', '寒葱沟镇', 2022, 0),
  row('B', '寒葱沟镇', 2023, null), // report loaded, figure missing
  row('C', XSS, 2023, 7), // no 2022 report loaded
]

type AnySeries = { id?: string; type?: string; name?: string; data: unknown[] }
const seriesOf = (o: unknown): AnySeries[] => (o as { series: AnySeries[] }).series
const axisData = (o: unknown, axis: 'xAxis' | 'yAxis'): string[] => (o as Record<string, { data: string[] }>)[axis].data

describe('activeVolumeBars', () => {
  it('has one series per year and numbers that match the rows', () => {
    const o = activeVolumeBars(rows, ctx)
    const s = seriesOf(o)
    expect(s.map((x) => x.name)).toEqual(['2022 年', '2023 年'])
    const cats = axisData(o, 'xAxis')
    const at = (unit: string, yi: number) => s[yi].data[cats.indexOf(unit)]
    expect(at('浓桥镇', 0)).toBe(40)
    expect(at('浓桥镇', 1)).toBe(43)
    expect(at('寒葱沟镇', 0)).toBe(0) // a stated 0 stays 0
  })

  it('keeps missing and not-loaded values missing, never 0', () => {
    const o = activeVolumeBars(rows, ctx)
    const s = seriesOf(o)
    const cats = axisData(o, 'xAxis')
    expect(s[1].data[cats.indexOf('寒葱沟镇')]).toBe('-')
    expect(s[0].data[cats.indexOf(XSS)]).toBe('-')
    expect(activeVolumeNote(rows)).toEqual({ missing: 1, notLoaded: 1 })
  })

  it('cuts to the top units when there are more than MAX_UNITS units; the rest does not set the scale', () => {
    const many: ActiveByUnitYearRow[] = []
    for (let i = 0; i < MAX_UNITS + 5; i++) many.push(row(`U${i}`, `单位${i}`, 2023, i))
    many.push(row('N', '无数字', 2023, null))
    const o = activeVolumeBars(many, ctx)
    const cats = axisData(o, 'xAxis')
    // only units are categories: no "其他" bar
    expect(cats).toHaveLength(TOP_N)
    expect(cats[0]).toBe(`单位${MAX_UNITS + 4}`)
    expect(cats.some((c) => c.startsWith('其他'))).toBe(false)
    expect(seriesOf(o)[0].data).toHaveLength(TOP_N)
    const unitMax = MAX_UNITS + 4
    const rest = Array.from({ length: MAX_UNITS + 5 - TOP_N }, (_, i) => i).reduce((a, b) => a + b, 0) // 0 … 14 = 105
    expect(rest).toBeGreaterThan(unitMax)
    // the value axis ECharts draws ends at the units' scale, below the rest's total
    const [, top] = valueExtent(o)
    expect(top).toBeGreaterThanOrEqual(unitMax)
    expect(top).toBeLessThan(rest)
    // the rest's exact total is written under the bars …
    const name = (o as { xAxis: { name: string } }).xAxis.name
    expect(name).toContain(`其余 ${MAX_UNITS + 6 - TOP_N} 个单位合计`)
    expect(name).toContain(`2023 年 ${rest}`)
    // … and is the last row of the exported table, named like the data table's merged rows
    const table = optionToTable(o)
    expect(table.columns.map((c) => c.label)).toEqual(['单位', '2023 年'])
    expect(table.rows).toHaveLength(TOP_N + 1)
    expect(Object.values(table.rows[TOP_N])).toEqual([`其他（${MAX_UNITS + 6 - TOP_N} 个单位）`, rest])
    expect(Object.values(table.rows[0])).toEqual([`单位${unitMax}`, unitMax])
  })

  it('no units cut: no note, no data table of its own (exported from the bars)', () => {
    const o = activeVolumeBars(rows, ctx) as { xAxis: { name?: string }; dataset?: unknown }
    expect(o.xAxis.name).toBeUndefined()
    expect(o.dataset).toBeUndefined()
  })

  it('escapes unit names in the tooltip', () => {
    const o = activeVolumeBars(rows, ctx)
    const cats = axisData(o, 'xAxis')
    const html = barsTooltip([{ dataIndex: cats.indexOf(XSS), seriesIndex: 1, value: 7 }], cats, [2022, 2023], ctx)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})

describe('activeVolumeHeatmap', () => {
  const o = activeVolumeHeatmap(rows, ctx)
  const s = seriesOf(o)
  const units = axisData(o, 'yAxis')
  const years = axisData(o, 'xAxis')
  const valueAt = (unit: string, year: string) =>
    (s[0].data as [number, number, unknown][]).find(([x, y]) => x === years.indexOf(year) && y === units.indexOf(unit))

  it('puts the numbers of the rows into the cells', () => {
    expect(valueAt('浓桥镇', '2023')?.[2]).toBe(43)
    expect(valueAt('寒葱沟镇', '2022')?.[2]).toBe(0)
  })

  it('leaves a missing figure as "-" and a not-loaded report out of the value series', () => {
    expect(valueAt('寒葱沟镇', '2023')?.[2]).toBe('-')
    expect(valueAt(XSS, '2022')).toBeUndefined()
    const empty = s.find((x) => x.id === 'not-loaded')!
    expect(empty.data).toEqual([[years.indexOf('2022'), units.indexOf(XSS)]])
    // the blank figure is marked as such (position only, no value)
    expect(s.find((x) => x.id === 'missing-value')!.data).toEqual([[years.indexOf('2023'), units.indexOf('寒葱沟镇')]])
    // no 0 was invented anywhere
    const zeros = (s[0].data as [number, number, unknown][]).filter((d) => d[2] === 0)
    expect(zeros).toHaveLength(1)
  })

  it('says 未载入报告 for an empty cell and escapes names', () => {
    const html = heatmapTooltip({ seriesId: 'not-loaded', seriesIndex: 1, value: [years.indexOf('2022'), units.indexOf(XSS)] }, units, years, ctx)
    expect(html).toContain('未载入报告')
    const html2 = heatmapTooltip({ seriesId: 'missing-value', value: [years.indexOf('2023'), units.indexOf('寒葱沟镇')] }, units, years, ctx)
    expect(html2).toContain('未填写')
    expect(html2).not.toContain('未载入报告')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img')
  })

  it('is JSON-serialisable and has aria enabled', () => {
    const json = JSON.parse(JSON.stringify(o)) as { aria: { enabled: boolean } }
    expect(json.aria.enabled).toBe(true)
  })
})
