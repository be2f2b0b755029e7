/**
 * Which ECharts option each visible chart currently shows, by data-chart-id. Backs
 * window.__dashboard.getOption for browser tests; a JSON copy is handed out (functions dropped).
 */
import type { EChartsOption } from 'echarts'

const options = new Map<string, EChartsOption>()

export function registerChart(id: string, option: EChartsOption): void {
  options.set(id, option)
}

export function unregisterChart(id: string, option?: EChartsOption): void {
  // Only if it is still ours: a remount may have registered a newer option already.
  if (!option || options.get(id) === option) options.delete(id)
}

export function getChartOption(id: string): unknown {
  const o = options.get(id)
  return o === undefined ? null : JSON.parse(JSON.stringify(o))
}

export function chartIds(): string[] {
  return [...options.keys()]
}

export function useChartRegistry() {
  return { registerChart, unregisterChart, getChartOption, chartIds }
}
