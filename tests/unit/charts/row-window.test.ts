/**
 * The scroll window of a by-unit figure (src/charts/rowWindow.ts): ECharts gets the rows on screen only, and what a
 * supervisor sees in a row (its label, its bars, its cells, its tooltip, what a click picks) is that row of the full
 * option, wherever the window is.
 */
import { describe, expect, it } from 'vitest'
import type { EChartsOption } from 'echarts'
import { activeVolumeBars, activeVolumeHeatmap } from '../../../src/charts/activeVolume'
import { outcomeShares } from '../../../src/charts/outcomes'
import { VISIBLE_ROWS } from '../../../src/charts/byUnit'
import { clampStart, toFullParams, windowedRows, windowOption, windowWithFormatters } from '../../../src/charts/rowWindow'
import { createTranslate } from '../../../src/i18n/translate'
import type { ActiveByUnitYearRow, OutcomeRow } from '../../../src/queries/rows'
import type { ChartCtx } from '../../../src/charts/types'

const ctx: ChartCtx = { t: createTranslate('zh-CN'), locale: 'zh-CN' }
const UNITS = 100
const code = (i: number) => `U${String(i).padStart(3, '0')}`
// unit i has reports in 2022 (i units) and, for odd i, 2023 (blank every 7th): sorted largest first
const rows: ActiveByUnitYearRow[] = Array.from({ length: UNITS }, (_, i) => [
  { unitCode: code(i), unitName: `第${i}街道办事处`, parentName: '某某区', year: 2022, activeTotal: i * 10 },
  ...(i % 2 ? [{ unitCode: code(i), unitName: `第${i}街道办事处`, parentName: '某某区', year: 2023, activeTotal: i % 7 === 0 ? null : i }] : []),
]).flat()

type Obj = Record<string, unknown>
type Series = { id?: string; type: string; data: unknown[]; label?: Obj }
const yLabels = (o: EChartsOption): string[] => ((Array.isArray(o.yAxis) ? o.yAxis[0] : o.yAxis) as { data: string[] }).data
const series = (o: EChartsOption): Series[] => o.series as Series[]
const tip = (o: EChartsOption) => (o.tooltip as { formatter: (p: unknown) => string }).formatter

describe('rowWindow: the rows of a by-unit figure on screen', () => {
  const bars = activeVolumeBars(rows, ctx)
  const heat = activeVolumeHeatmap(rows, ctx)

  it('windows only figures with more rows than fit', () => {
    expect(windowedRows(bars)).toBe(UNITS)
    expect(windowedRows(activeVolumeBars(rows.slice(0, 20), ctx))).toBeNull()
    expect(clampStart(95, UNITS)).toBe(UNITS - VISIBLE_ROWS)
    expect(clampStart(-3, UNITS)).toBe(0)
  })

  it('bars: the window holds exactly the full option\'s rows [start, start + 30), items unchanged', () => {
    const w = windowOption(bars, 40)
    expect(yLabels(w)).toEqual(yLabels(bars).slice(40, 40 + VISIBLE_ROWS))
    series(w).forEach((s, i) => expect(s.data).toEqual(series(bars)[i].data.slice(40, 40 + VISIBLE_ROWS)))
    // the full option is untouched (exports and tests read it)
    expect(yLabels(bars)).toHaveLength(UNITS)
  })

  it('heatmap: cells of the window, their row re-counted from the window\'s top; every cell kept once', () => {
    const full = series(heat)
    const w = windowOption(heat, 60)
    series(w).forEach((s, i) => {
      const rowOf = (d: unknown) => Number(((d && typeof d === 'object' && 'value' in d ? (d as { value: unknown[] }).value : d) as unknown[])[1])
      const want = full[i].data.filter((d) => rowOf(d) >= 60 && rowOf(d) < 60 + VISIBLE_ROWS)
      expect(s.data.length, s.id).toBe(want.length)
      expect(s.data.map(rowOf)).toEqual(want.map((d) => rowOf(d) - 60))
    })
    const total = (o: EChartsOption) => series(o).reduce((a, s) => a + s.data.length, 0)
    let sum = 0
    for (let st = 0; st < UNITS; st += VISIBLE_ROWS) sum += total(windowOption(heat, st))
    expect(sum).toBe(total(heat))
  })

  it('a tooltip in the window says what the full option says for that row (bars by axis, heatmap by cell)', () => {
    const start = 50
    const w = windowWithFormatters(bars, start)
    const at = (i: number) => series(bars).map((s, si) => ({ dataIndex: i, seriesIndex: si, value: s.data[i] }))
    const local = (i: number) => series(bars).map((s, si) => ({ dataIndex: i, seriesIndex: si, value: s.data[start + i] }))
    expect(tip(w)(local(3))).toBe(tip(bars)(at(start + 3)))
    expect(tip(w)(local(3))).toContain(yLabels(bars)[start + 3])

    const hw = windowWithFormatters(heat, start)
    const cell = series(heat)[0].data.find((d) => Number((d as unknown[])[1]) === start + 4) as unknown[]
    const shifted = [cell[0], 4, cell[2]]
    expect(tip(hw)({ seriesIndex: 0, seriesId: 'values', value: shifted, data: shifted })).toBe(tip(heat)({ seriesIndex: 0, seriesId: 'values', value: cell, data: cell }))
  })

  it('a click in the window names the full option\'s row: its data item, or its cell', () => {
    const start = 30
    const item = (series(windowOption(bars, start))[0].data[2]) as { unitCode: string }
    const p = toFullParams(bars, start, { seriesIndex: 0, dataIndex: 2, data: item })
    expect(p.dataIndex).toBe(start + 2)
    expect((series(bars)[0].data[p.dataIndex] as { unitCode: string }).unitCode).toBe(item.unitCode)
    const cell = [1, 5, 7]
    expect(toFullParams(heat, start, { seriesIndex: 0, value: cell, data: cell }).value).toEqual([1, start + 5, 7])
  })

  it('a bar\'s end label in the window is the full option\'s for that unit', () => {
    const w = windowWithFormatters(bars, 20)
    const endLabel = (o: EChartsOption, row: number) => series(o).map((s) => (s.data[row] as { label?: { formatter?: unknown } }).label?.formatter)
      .find((f) => f != null)
    for (let r = 0; r < VISIBLE_ROWS; r++) expect(endLabel(w, r), `row ${r}`).toBe(endLabel(bars, 20 + r))
    expect(endLabel(w, 0)).toMatch(/份报告/)
  })

  it('outcome bars: "nothing handled" marks (a custom series by row) move with their rows', () => {
    const oRows: OutcomeRow[] = Array.from({ length: 80 }, (_, i) => ({
      key: code(i), label: `第${i}镇`, granted: i % 5 ? i : 0, partial: 0, withheld: 0, unavailable: 0, rejected: 0, other: 0,
      handled: i % 5 ? i : 0, missingCells: 0,
    }))
    const full = outcomeShares(oRows, ctx)
    const w = windowOption(full, 35)
    expect(yLabels(w)).toEqual(oRows.slice(35, 35 + VISIBLE_ROWS).map((r) => r.label))
    const custom = series(w).find((s) => s.type === 'custom')
    expect(custom?.data.length).toBe(6) // rows 35, 40, …, 60
    for (const d of custom!.data) expect(yLabels(w)[Number((d as { value: number[] }).value[0])]).toMatch(/^第(\d*[05])镇$/)
  })
})
