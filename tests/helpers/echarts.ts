/** Test helper: lay an option out with ECharts itself (server-side SVG mode, no DOM) and read the drawn value axis. */
import * as echarts from 'echarts'
import type { EChartsOption } from 'echarts'

interface AxisModel { axis: { scale: { getExtent(): [number, number] } } }
interface ModelLike { getComponent(main: string, idx?: number): AxisModel | undefined }

/** [min, max] of the value axis as ECharts draws it (after its own "nice" rounding). */
export function valueExtent(option: EChartsOption, axis: 'yAxis' | 'xAxis' = 'yAxis', width = 900, height = 600): [number, number] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option)
    const model = (chart as unknown as { getModel(): ModelLike }).getModel()
    const a = model.getComponent(axis, 0)
    if (!a) throw new Error(`no ${axis}`)
    return a.axis.scale.getExtent()
  } finally {
    chart.dispose()
  }
}
