import { describe, expect, it } from 'vitest'
import { activeVolumeBars, activeVolumeHeatmap, activeVolumeNote, activeVolumeNotes } from '../../../src/charts/activeVolume'
import { barsTooltip, heatmapTooltip } from '../../../src/charts/activeVolume'
import { createTranslate } from '../../../src/i18n/translate'
import type { ActiveByUnitYearRow } from '../../../src/queries/rows'
import type { ChartCtx } from '../../../src/charts/types'

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

type AnySeries = { id?: string; type?: string; name?: string; stack?: string; data: unknown[] }
const value = (d: unknown): unknown => (d && typeof d === 'object' && !Array.isArray(d) && 'value' in d ? (d as { value: unknown }).value : d)
const seriesOf = (o: unknown): AnySeries[] => (o as { series: AnySeries[] }).series
const axisData = (o: unknown, axis: 'xAxis' | 'yAxis'): string[] => (o as Record<string, { data: string[] }>)[axis].data
type Label = { show?: boolean; formatter?: string }

describe('activeVolumeBars', () => {
  it('horizontal bars, one per unit, stacked by year; numbers match the rows', () => {
    const o = activeVolumeBars(rows, ctx)
    const s = seriesOf(o)
    expect(s.map((x) => x.name)).toEqual(['2022 年', '2023 年'])
    expect(new Set(s.map((x) => x.stack)).size).toBe(1)
    const cats = axisData(o, 'yAxis')
    const at = (unit: string, yi: number) => value(s[yi].data[cats.indexOf(unit)])
    expect(at('浓桥镇', 0)).toBe(40)
    expect(at('浓桥镇', 1)).toBe(43)
    expect(at('寒葱沟镇', 0)).toBe(0) // a stated 0 stays 0
    // largest sum first
    expect(cats[0]).toBe('浓桥镇')
  })

  it('keeps missing and not-loaded values missing, never 0', () => {
    const o = activeVolumeBars(rows, ctx)
    const s = seriesOf(o)
    const cats = axisData(o, 'yAxis')
    expect(value(s[1].data[cats.indexOf('寒葱沟镇')])).toBe('-')
    expect(value(s[0].data[cats.indexOf(XSS)])).toBe('-')
    expect(activeVolumeNote(rows)).toEqual({ missing: 1, notLoaded: 1 })
  })

  it('writes the value and the reports behind it at the end of each bar', () => {
    const o = activeVolumeBars(rows, ctx)
    const s = seriesOf(o)
    const cats = axisData(o, 'yAxis')
    const end = (unit: string) => s.map((x) => x.data[cats.indexOf(unit)] as { label?: Label }).find((d) => d?.label?.show)?.label?.formatter
    expect(end('浓桥镇')).toBe('83 · 2 份报告')
    expect(end('寒葱沟镇')).toBe('0 · 2 份报告（1 份未填写）')
  })

  it('names every unit in full, whatever their number (no top-N cut, no label interval, no "…")', () => {
    const many: ActiveByUnitYearRow[] = []
    for (let i = 0; i < 120; i++) many.push(row(`U${i}`, `某某市某某县人力资源和社会保障局劳动保障监察大队${i}`, 2023, i))
    const o = activeVolumeBars(many, ctx)
    const cats = axisData(o, 'yAxis')
    expect(cats).toHaveLength(120)
    expect(cats.every((c) => c.startsWith('某某市某某县人力资源和社会保障局劳动保障监察大队'))).toBe(true)
    const y = (o as { yAxis: { axisLabel: { interval: number; overflow: string; formatter?: unknown } } }).yAxis
    expect(y.axisLabel.interval).toBe(0)
    expect(y.axisLabel.overflow).toBe('break')
    expect(y.axisLabel.formatter).toBeUndefined()
  })

  it('basis: the latest year of each unit, or one chosen year (units without a report that year are left out)', () => {
    const latest = activeVolumeBars(rows, ctx, { basis: { kind: 'latest' } })
    const cats = axisData(latest, 'yAxis')
    const s = seriesOf(latest)
    expect(value(s[0].data[cats.indexOf('浓桥镇')])).toBe('-') // 2022 is not its latest year
    expect(value(s[1].data[cats.indexOf('浓桥镇')])).toBe(43)
    const y22 = activeVolumeBars(rows, ctx, { basis: { kind: 'year', year: 2022 } })
    expect(axisData(y22, 'yAxis')).toEqual(['浓桥镇', '寒葱沟镇'])
    expect(activeVolumeNotes(rows, { kind: 'year', year: 2022 }, ctx)[0]).toContain('另有 1 个单位')
  })

  it('no unit merged by the query: no data table of its own (exported from the bars)', () => {
    const o = activeVolumeBars(rows, ctx) as { dataset?: unknown }
    expect(o.dataset).toBeUndefined()
  })

  it('escapes unit names in the tooltip', () => {
    const o = activeVolumeBars(rows, ctx)
    const cats = axisData(o, 'yAxis')
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
