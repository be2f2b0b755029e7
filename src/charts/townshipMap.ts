/** The township choropleth: rows → ECharts `map` series over a registered map (pure; src/map registers it). */
import type { EChartsOption } from 'echarts'
import type { MapValueRow } from '../queries/map'

export interface TownshipMapInput {
  mapName: string
  /** unit code → feature name (the matched unit's name) */
  featureOf: ReadonlyMap<string, string>
  rows: readonly MapValueRow[]
  /** Rates are drawn as percentages. */
  rate: boolean
  seriesName: string
  /** The picked unit (cross-filter) to highlight. */
  highlight?: string
}

export function townshipMapOption(i: TownshipMapInput): EChartsOption {
  const byCode = new Map(i.rows.map((r) => [r.unitCode, r]))
  const data = [...i.featureOf].map(([code, name]) => {
    const r = byCode.get(code)
    const v = r?.value ?? null
    return { name, unitCode: code, value: v == null ? NaN : i.rate ? Math.round(v * 1000) / 10 : v, selected: code === i.highlight }
  })
  const values = data.map((d) => d.value).filter((v) => Number.isFinite(v))
  const max = values.length ? Math.max(...values) : 1
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item' },
    visualMap: {
      min: 0, max: max > 0 ? max : 1, calculable: true, left: 'left', bottom: 10,
      inRange: { color: ['#e3f2fd', '#1e6bb8'] }, outOfRange: { color: '#d9d9d9' },
    },
    series: [{
      id: 'township-map', name: i.seriesName, type: 'map', map: i.mapName, roam: false, selectedMode: 'single',
      // names stay legible on the darkest fill: dark text with a white halo
      label: { show: true, fontSize: 12, color: '#1f1f1f', textBorderColor: '#fff', textBorderWidth: 3 }, emphasis: { label: { show: true } },
      itemStyle: { borderColor: '#666', borderWidth: 0.8, areaColor: '#d9d9d9' },
      data,
    }],
  } as EChartsOption
}
