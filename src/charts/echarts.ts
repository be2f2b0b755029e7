/**
 * The ECharts runtime, registered once with just what the dashboard draws (keeps the bundle
 * small) plus the shared theme. Option builders never import this: they stay pure.
 */
import * as echarts from 'echarts/core'
import { BarChart, CustomChart, HeatmapChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts'
import {
  AriaComponent, GeoComponent, GraphicComponent, GridComponent, LegendComponent,
  MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { THEME_NAME, theme } from './theme'

echarts.use([
  BarChart, CustomChart, HeatmapChart, LineChart, MapChart, PieChart, ScatterChart,
  AriaComponent, GeoComponent, GraphicComponent, GridComponent, LegendComponent,
  MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent,
  CanvasRenderer, SVGRenderer,
])
echarts.registerTheme(THEME_NAME, theme)

/** ECharts' built-in locale for its own texts (aria descriptions, toolbox). */
export const echartsLocale = (locale: string): string => (locale === 'en' ? 'EN' : 'ZH')

export { echarts, THEME_NAME }
