/**
 * PNG export for briefings: the chart is re-rendered OFFSCREEN at pixel ratio 2 with a title and
 * the source note, so the download does not depend on the on-screen size, zoom or hover state.
 */
import type { EChartsOption } from 'echarts'
import { echarts, echartsLocale, THEME_NAME } from './echarts'
import { FONT_FAMILY } from './theme'

export interface ExportOptions {
  title: string
  /** e.g. 数据来源：各单位政府信息公开工作年度报告（年度 2021–2023） */
  source: string
  locale: string
  width?: number
  height?: number
}

/** Characters Windows forbids in file names, control characters, and trailing dots/spaces. */
export function safeFileName(title: string, date = new Date()): string {
  const d = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  // eslint-disable-next-line no-control-regex
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '').slice(0, 80) || 'chart'
  return `${base}_${d}.png`
}

/** The option as exported: no animation, no interactive zoom, room for title and source. */
export function exportOption(option: EChartsOption, opts: ExportOptions): EChartsOption {
  const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) ?? {}
  const legend = Array.isArray(option.legend) ? option.legend[0] : option.legend
  return {
    ...option,
    animation: false,
    backgroundColor: '#fff',
    // Slider zooms would cut the export to the visible window; show everything instead.
    dataZoom: [],
    title: [
      { text: opts.title, left: 'center', top: 12, textStyle: { fontFamily: FONT_FAMILY, fontSize: 18, fontWeight: 600 } },
      { text: opts.source, left: 16, bottom: 8, textStyle: { fontFamily: FONT_FAMILY, fontSize: 12, fontWeight: 'normal', color: '#606266' } },
    ],
    legend: legend ? { ...legend, top: 44 } : undefined,
    grid: { ...grid, top: Math.max(Number(grid.top ?? 0), 0) + 64, bottom: Number(grid.bottom ?? 24) + 28 },
    tooltip: { show: false },
  } as EChartsOption
}

/** Renders offscreen and returns a PNG data URL (pixel ratio 2, white background). */
export async function renderPng(option: EChartsOption, opts: ExportOptions): Promise<string> {
  const div = document.createElement('div')
  const width = opts.width ?? 1200
  const height = opts.height ?? 720
  div.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px;visibility:hidden;pointer-events:none`
  div.setAttribute('aria-hidden', 'true')
  document.body.appendChild(div)
  const chart = echarts.init(div, THEME_NAME, { renderer: 'canvas', devicePixelRatio: 2, width, height, locale: echartsLocale(opts.locale) })
  try {
    // Canvas text uses whatever font is ready now: wait so CJK glyphs are not drawn as tofu.
    await document.fonts.ready
    chart.setOption(exportOption(option, opts), { notMerge: true, lazyUpdate: false })
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })
  } finally {
    chart.dispose()
    div.remove()
  }
}

export function downloadDataUrl(url: string, fileName: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

export async function exportPng(option: EChartsOption, opts: ExportOptions): Promise<string> {
  const url = await renderPng(option, opts)
  const name = safeFileName(opts.title)
  downloadDataUrl(url, name)
  return name
}
