/**
 * Exports of by-unit figures: the image grows with the units (every row drawn), tall figures split into parts
 * that keep every unit once and share the value scale, PPTX pictures fill their box, print takes portrait pages.
 */
import { describe, expect, it } from 'vitest'
import type { EChartsOption } from 'echarts'
import { activeVolumeBars, activeVolumeHeatmap } from '../../../src/charts/activeVolume'
import { exportSizeFor, safeScale } from '../../../src/export/size'
import { niceCeil, splitRows } from '../../../src/export/split'
import { imageBox, slideParts, SLIDE } from '../../../src/export/pptx'
import { printLayout } from '../../../src/export/print'
import { trendNotes } from '../../../src/charts/analysis/trendNotes'
import { parseBasis, basisKey } from '../../../src/queries/basis'
import { createTranslate } from '../../../src/i18n/translate'
import type { ActiveByUnitYearRow } from '../../../src/queries/rows'
import type { ChartCtx } from '../../../src/charts/types'

const ctx: ChartCtx = { t: createTranslate('zh-CN'), locale: 'zh-CN' }
const rows = (n: number): ActiveByUnitYearRow[] => Array.from({ length: n }, (_, i) => [
  { unitCode: `U${i}`, unitName: `单位${i}`, parentName: '某县', year: 2022, activeTotal: i + 1 },
  { unitCode: `U${i}`, unitName: `单位${i}`, parentName: '某县', year: 2023, activeTotal: i % 3 ? i : null },
]).flat()
const cap = { title: '各单位主动公开信息数', subtitle: '全部单位 2022–2023 年', source: '数据来源：…', notes: ['注一', '注二'] }
type Y = { yAxis: { data: string[] }; series: { type?: string; data: unknown[] }[]; xAxis: { max?: number } }

describe('export size', () => {
  it('a by-unit figure grows with its units; a small one keeps the on-screen height', () => {
    const small = exportSizeFor(activeVolumeBars(rows(10), ctx), cap, { width: 700, height: 400 })
    expect(small.width).toBe(960)
    expect(small.height).toBeLessThanOrEqual(400 + 84 + 5 * 18 + 12)
    const big = exportSizeFor(activeVolumeBars(rows(300), ctx), cap, { width: 700, height: 400 })
    expect(big.height).toBeGreaterThanOrEqual(300 * 24)
    expect(safeScale(big.height, 2) * big.height).toBeLessThanOrEqual(32_000)
  })
})

describe('split into parts', () => {
  it('every unit once, in order, with its own values; parts even; one value scale for all', () => {
    const o = activeVolumeBars(rows(45), ctx) as unknown as Y
    const parts = splitRows(o as unknown as EChartsOption, 20) as unknown as Y[]
    expect(parts).toHaveLength(3)
    expect(parts.map((p) => p.yAxis.data.length)).toEqual([15, 15, 15])
    expect(parts.flatMap((p) => p.yAxis.data)).toEqual(o.yAxis.data)
    parts.forEach((p, k) => p.series.forEach((s, si) => expect(s.data).toEqual(o.series[si].data.slice(k * 15, k * 15 + 15))))
    expect(new Set(parts.map((p) => p.xAxis.max)).size).toBe(1)
    expect(parts[0].xAxis.max).toBe(niceCeil(45 + 44))
  })

  it('heatmap cells move with their rows', () => {
    const o = activeVolumeHeatmap(rows(30), ctx) as unknown as Y
    const parts = splitRows(o as unknown as EChartsOption, 12) as unknown as Y[]
    expect(parts).toHaveLength(3)
    for (const p of parts) {
      const cells = p.series[0].data as [number, number, unknown][]
      expect(cells.every(([, y]) => y >= 0 && y < p.yAxis.data.length)).toBe(true)
    }
    expect(parts.reduce((a, p) => a + (p.series[0].data as unknown[]).length, 0)).toBe((o.series[0].data as unknown[]).length)
  })

  it('a figure that fits is not split', () => {
    const o = activeVolumeBars(rows(8), ctx)
    expect(splitRows(o, 20)).toEqual([o])
  })
})

describe('PPTX and print layout', () => {
  it('the picture fills the slide width, drawn at its box shape; tall figures take several slides', () => {
    const box = imageBox(cap)
    expect(box.w / SLIDE.w).toBeGreaterThanOrEqual(0.8)
    const parts = slideParts({ option: activeVolumeBars(rows(120), ctx), caption: cap, width: 960, height: 600 })
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) expect(p.width / p.height).toBeCloseTo(box.w / box.h, 1)
    expect(slideParts({ option: activeVolumeBars(rows(6), ctx), caption: cap, width: 960, height: 600 })).toHaveLength(1)
  })

  it('print: landscape when the units fit, portrait pages (split) when they do not', () => {
    expect(printLayout(activeVolumeBars(rows(10), ctx), cap)).toMatchObject({ orientation: 'landscape' })
    const tall = printLayout(activeVolumeBars(rows(300), ctx), cap)
    expect(tall.orientation).toBe('portrait')
    expect(tall.parts.length).toBeGreaterThan(5)
    expect(tall.parts.reduce((a, p) => a + (p.option as unknown as Y).yAxis.data.length, 0)).toBe(300)
  })
})

describe('trend notes and basis', () => {
  it('say when coverage changes, and which units like for like keeps', () => {
    expect(trendNotes([5, 5, 5], null, ctx)).toEqual([])
    expect(trendNotes([5, 13, 8], null, ctx)[0]).toContain('5–13')
    expect(trendNotes([5, 13], { units: 4, years: 2, allUnits: 20 }, ctx)[0]).toContain('4 个单位')
  })
  it('basis round-trips through its text form', () => {
    for (const b of [{ kind: 'sum' }, { kind: 'latest' }, { kind: 'year', year: 2023 }] as const) expect(parseBasis(basisKey(b))).toEqual(b)
    expect(parseBasis('nonsense')).toEqual({ kind: 'sum' })
  })
})
