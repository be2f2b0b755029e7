/**
 * Which ECharts option each visible chart currently shows, by data-chart-id. Backs
 * window.__dashboard.getOption for browser tests; a JSON copy is handed out (functions dropped).
 * The chart instances are kept too, so a browser test can find where on the screen a data item
 * is drawn (`chartPixel`) and click it there with the real mouse.
 */
import type { EChartsOption, EChartsType } from 'echarts'

/** A data item of a chart: a series (index or id) and its data index, or a value in the series' coordinates. */
export interface ChartPixelTarget {
  seriesIndex?: number
  seriesId?: string
  dataIndex?: number
  /** Coordinates in the series' coordinate system (e.g. [xIndex, yIndex] of a heatmap cell). */
  value?: (number | string)[]
}

/** Viewport (client) coordinates of a data item, and whether that pixel is inside the plot area (grid). */
export interface ChartPixel { x: number; y: number; inside: boolean }

declare global {
  interface DashboardTestApi {
    /** Where a data item of a chart is drawn, in viewport coordinates (for page.mouse.click). */
    chartPixel?(chartId: string, target: ChartPixelTarget): ChartPixel | null
    /** Every data item's tooltip shown in turn; their texts. */
    showTips?(chartId: string): string[]
    /** The unit rows the chart's ECharts instance holds (a long by-unit figure: the rows in view). */
    drawnRows?(chartId: string): string[] | null
  }
}

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

const instances = new Map<string, () => EChartsType | undefined>()

/** A chart panel's live ECharts instance (returns the unregister function). */
export function registerChartInstance(id: string, get: () => EChartsType | undefined): () => void {
  instances.set(id, get)
  return () => { if (instances.get(id) === get) instances.delete(id) }
}

interface ItemLayout { x?: number; y?: number; width?: number; height?: number }
interface SeriesData { count(): number; getItemLayout(i: number): unknown }
/** A series' data as ECharts laid it out; not in the public typings. */
function seriesData(chart: EChartsType, seriesIndex: number): SeriesData | undefined {
  const model = (chart as unknown as { getModel?(): { getSeriesByIndex(i: number): { getData(): SeriesData } | undefined } }).getModel?.()
  return model?.getSeriesByIndex(seriesIndex)?.getData()
}

/** ECharts' laid-out element of a data item (bars: their rectangle). */
function itemLayout(chart: EChartsType, seriesIndex: number, dataIndex: number): number[] | null {
  const l = seriesData(chart, seriesIndex)?.getItemLayout(dataIndex) as ItemLayout | number[] | null | undefined
  if (Array.isArray(l)) return l.length >= 2 ? [l[0], l[1]] : null
  if (l && typeof l.x === 'number' && typeof l.y === 'number' && typeof l.width === 'number' && typeof l.height === 'number') {
    return [l.x + l.width / 2, l.y + l.height / 2]
  }
  return null
}

/** Viewport coordinates of a chart's data item (null when the chart or item is not drawn). */
export function chartPixel(id: string, target: ChartPixelTarget): ChartPixel | null {
  const chart = instances.get(id)?.()
  if (!chart || chart.isDisposed()) return null
  let si = target.seriesIndex ?? 0
  if (target.seriesId != null) {
    const series = (chart.getOption().series ?? []) as { id?: string }[]
    si = series.findIndex((s) => s.id === target.seriesId)
    if (si < 0) return null
  }
  let pt: number[] | null = null
  if (target.value) pt = chart.convertToPixel({ seriesIndex: si }, target.value as number[]) as number[] | null
  else if (target.dataIndex != null) pt = itemLayout(chart, si, target.dataIndex)
  if (!pt || !Number.isFinite(pt[0]) || !Number.isFinite(pt[1])) return null
  const rect = chart.getDom().getBoundingClientRect()
  let inside = false
  try { inside = chart.containPixel('grid', pt) } catch { /* no grid (e.g. a pie) */ }
  return { x: rect.left + pt[0], y: rect.top + pt[1], inside }
}

/**
 * Show every data item's tooltip in turn, as hovering each would (the formatters write HTML), then hide it; the
 * tooltips' texts. Browser tests check hostile names stay text in each.
 */
export function showTips(id: string): string[] {
  const chart = instances.get(id)?.()
  if (!chart || chart.isDisposed()) return []
  const texts: string[] = []
  const series = (chart.getOption().series ?? []) as unknown[]
  // the tooltip is the chart root's child that holds no canvas
  const tip = (): string => [...chart.getDom().children].filter((c) => !c.querySelector('canvas')).map((c) => c.textContent ?? '').join('')
  series.forEach((_, seriesIndex) => {
    const n = seriesData(chart, seriesIndex)?.count() ?? 0
    for (let dataIndex = 0; dataIndex < n; dataIndex++) {
      chart.dispatchAction({ type: 'showTip', seriesIndex, dataIndex })
      texts.push(tip())
    }
  })
  chart.dispatchAction({ type: 'hideTip' })
  return texts
}

export function drawnRows(id: string): string[] | null {
  const chart = instances.get(id)?.()
  if (!chart || chart.isDisposed()) return null
  const y = (chart.getOption().yAxis ?? []) as { data?: unknown[] }[]
  return (y[0]?.data ?? []).map(String)
}

const exporters = new Map<string, () => Promise<string[]>>()

declare global {
  interface DashboardTestApi {
    /** The texts a chart's PNG export draws (axis and bar labels, caption, notes) — for browser tests. */
    exportTexts?(chartId: string): Promise<string[] | null>
  }
}

/** A chart panel's "texts of my export" (returns the unregister function). */
export function registerExporter(id: string, texts: () => Promise<string[]>): () => void {
  exporters.set(id, texts)
  return () => { if (exporters.get(id) === texts) exporters.delete(id) }
}

export function exportTexts(id: string): Promise<string[] | null> {
  const f = exporters.get(id)
  return f ? f() : Promise.resolve(null)
}

export function chartIds(): string[] {
  return [...options.keys()]
}
