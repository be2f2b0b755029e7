/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest'
import type { EChartsOption } from 'echarts'
import { callKey, recordFunctions, restoreFunctions } from '../../../src/export/functions'
import { exportFunctions } from '../../../src/figures'
import { renderNoHandled } from '../../../src/charts/outcomes'

const short = (v: string): string => (v.length > 3 ? `${v.slice(0, 3)}…` : v)

function option(): EChartsOption {
  return {
    tooltip: { formatter: () => 'tooltip text' },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', data: ['甲乡镇人民政府', '乙', { value: '丙街道办事处' }], axisLabel: { formatter: short } },
    series: [
      { type: 'bar', data: [0.5, null, 0.25], label: { show: true, formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? `${(p.value * 100).toFixed(1)}%` : '—') } },
      { type: 'custom', data: [[1]], renderItem: renderNoHandled },
    ],
  } as unknown as EChartsOption
}

/** The option as ECharts would see it after a JSON round trip and restoreFunctions. */
function roundTrip(o: EChartsOption, stored: unknown): EChartsOption {
  return restoreFunctions(JSON.parse(JSON.stringify(o)) as EChartsOption, JSON.parse(JSON.stringify(stored)), exportFunctions)
}

describe('formatters survive a JSON round trip (briefing pack reload)', () => {
  it('call keys: data items by index, values by text', () => {
    expect(callKey([{ dataIndex: 2, value: 1 }])).toBe('d:2')
    expect(callKey([0.2, 1])).toBe('v:0.2')
    expect(callKey(['甲', 0])).toBe('v:甲')
    expect(callKey([{ name: '图例' }])).toBe('n:图例')
  })

  it('records what was asked while drawing, every category up front, and answers the same afterwards', () => {
    const live = option()
    const rec = recordFunctions(live, exportFunctions)
    // "draw": ECharts asks the wrapped functions
    const o = rec.option as Record<string, any>
    const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1]
    const tickText = ticks.map((v) => o.xAxis.axisLabel.formatter(v, 0))
    const labels = [0, 1, 2].map((i) => o.series[0].label.formatter({ dataIndex: i, value: [0.5, null, 0.25][i] }))
    expect(tickText).toEqual(['0%', '20%', '40%', '60%', '80%', '100%'])
    expect(labels).toEqual(['50.0%', '—', '25.0%'])
    // the live option is not changed
    expect((live as Record<string, any>).xAxis.axisLabel.formatter).not.toBe(o.xAxis.axisLabel.formatter)

    const stored = rec.result()
    expect(stored['series.1.renderItem']).toEqual({ named: 'renderNoHandled' })
    expect(Object.keys(stored)).not.toContain('tooltip.formatter')

    const back = roundTrip(live, stored) as Record<string, any>
    expect(ticks.map((v) => back.xAxis.axisLabel.formatter(v, 0))).toEqual(tickText)
    // categories were recorded without being drawn
    expect(['甲乡镇人民政府', '乙', '丙街道办事处'].map((c, i) => back.yAxis.axisLabel.formatter(c, i))).toEqual(['甲乡镇…', '乙', '丙街道…'])
    expect([0, 1, 2].map((i) => back.series[0].label.formatter({ dataIndex: i, value: [0.5, null, 0.25][i] }))).toEqual(labels)
    expect(back.series[1].renderItem).toBe(renderNoHandled)
    // unknown inputs: ECharts' plain text, not a crash
    expect(back.xAxis.axisLabel.formatter(0.3, 0)).toBe('0.3')
    expect(back.series[0].label.formatter({ dataIndex: 9, value: 7 })).toBe('7')
    // the data itself is untouched
    expect(back.series[0].data).toEqual([0.5, null, 0.25])
  })

  it('nothing stored → the snapshot as it is', () => {
    const o = { series: [{ type: 'bar', data: [1] }] } as EChartsOption
    expect(restoreFunctions(o, undefined, exportFunctions)).toBe(o)
    expect(restoreFunctions(o, {}, exportFunctions)).toBe(o)
  })

  it('a path that no longer exists is ignored', () => {
    const o = { series: [] } as unknown as EChartsOption
    const back = restoreFunctions(o, { 'series.3.label.formatter': { answers: { 'd:0': 'x' } } }, exportFunctions) as Record<string, unknown>
    expect(back.series).toEqual([])
  })
})
