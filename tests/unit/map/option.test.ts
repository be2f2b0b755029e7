/** The township choropleth option (src/charts/townshipMap.ts): one item per matched township, values as queried. */
import { describe, expect, it } from 'vitest'
import { townshipMapOption } from '../../../src/charts/townshipMap'

type Item = { name: string; unitCode: string; value: number; selected: boolean }
const series = (o: ReturnType<typeof townshipMapOption>): { map: string; data: Item[] } => (o.series as { map: string; data: Item[] }[])[0]

describe('township map option', () => {
  const featureOf = new Map([['1', '青山镇'], ['2', '白水乡'], ['3', '东城街道']])
  const rows = [{ unitCode: '1', unitName: '青山镇', value: 0.456, reports: 2 }, { unitCode: '2', unitName: '白水乡', value: null, reports: 1 }]
  it('draws every matched township, a missing value as no data, a rate in per cent, the pick selected', () => {
    const o = townshipMapOption({ mapName: 'm', featureOf, rows, rate: true, seriesName: '公开率', highlight: '1' })
    const s = series(o)
    expect(s.map).toBe('m')
    expect(s.data.map((d) => [d.name, d.unitCode])).toEqual([['青山镇', '1'], ['白水乡', '2'], ['东城街道', '3']])
    expect(s.data[0].value).toBe(45.6)
    expect(Number.isNaN(s.data[1].value)).toBe(true)
    expect(Number.isNaN(s.data[2].value)).toBe(true)
    expect(s.data.filter((d) => d.selected).map((d) => d.unitCode)).toEqual(['1'])
  })
  it('counts stay as counts', () => {
    const s = series(townshipMapOption({ mapName: 'm', featureOf, rows: [{ unitCode: '3', unitName: '东城街道', value: 120, reports: 1 }], rate: false, seriesName: 'x' }))
    expect(s.data.find((d) => d.unitCode === '3')!.value).toBe(120)
  })
})
