/**
 * Offscreen rendering of a chart for export: a detached-size container, animation off, the caption
 * drawn as ECharts titles (text, so SVG keeps it as <text>), fonts ready before the first frame.
 * Never a screenshot of the on-screen canvas.
 */
import type { EChartsOption } from 'echarts'
import { echarts, echartsLocale } from '../echarts'
import { FONT_FAMILY, theme } from '../theme'
import type { Caption } from './caption'

/** The CJK stack Word/WPS/PowerPoint understand (SimSun as the Windows last resort). */
export const EXPORT_FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','SimSun','PingFang SC',sans-serif"

/**
 * The app theme with the export font stack, single-quoted: ECharts' SVG output writes the font into
 * a double-quoted attribute without escaping, so double-quoted family names would break the XML.
 */
const EXPORT_THEME = 'gov-export'
echarts.registerTheme(EXPORT_THEME, JSON.parse(JSON.stringify(theme).split(JSON.stringify(FONT_FAMILY).slice(1, -1)).join(EXPORT_FONT.replace(/"/g, '\\"'))))

export interface RenderOptions {
  caption: Caption
  locale: string
  width?: number
  height?: number
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

const TEXT_KEYS = new Set(['textStyle', 'axisLabel', 'label', 'nameTextStyle', 'subtextStyle'])

/** Set the export font on every textStyle-ish object of the option (SVG text carries font-family). */
function withFont(v: unknown, depth = 0): unknown {
  if (depth > 8) return v
  if (Array.isArray(v)) return v.map((x) => withFont(x, depth + 1))
  if (!isObj(v)) return v
  const out: Obj = {}
  for (const [k, x] of Object.entries(v)) {
    if (k === 'data' || k === 'source') { out[k] = x; continue }
    const y = withFont(x, depth + 1)
    out[k] = TEXT_KEYS.has(k) && isObj(y) ? { ...y, fontFamily: EXPORT_FONT } : y
  }
  return out
}

/**
 * JSON snapshots lose functions: custom series without their renderItem cannot be drawn, and are
 * dropped (their cells are placeholders such as "no report loaded").
 */
export function drawableOption(option: EChartsOption): EChartsOption {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : []
  const kept = series.filter((s) => !(isObj(s) && s.type === 'custom' && typeof s.renderItem !== 'function'))
  return kept.length === series.length ? option : ({ ...option, series: kept } as EChartsOption)
}

const FOOT_LINE = 18

/** The option as exported: no animation, no zoom window, room for the caption. */
export function exportOption(option: EChartsOption, opts: RenderOptions): EChartsOption {
  const { caption } = opts
  const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) ?? {}
  const legend = Array.isArray(option.legend) ? option.legend[0] : option.legend
  const hasSub = !!caption.subtitle
  const head = hasSub ? 84 : 60
  const foot = [caption.source, caption.definition].filter(Boolean) as string[]
  const footH = foot.length * FOOT_LINE + 12
  const text = (size: number, weight: number | string, color: string) => ({ fontFamily: EXPORT_FONT, fontSize: size, fontWeight: weight, color })
  const visualMap = option.visualMap && !Array.isArray(option.visualMap) && isObj(option.visualMap) && option.visualMap.bottom != null
    ? { ...option.visualMap, bottom: Number(option.visualMap.bottom) + footH }
    : option.visualMap
  const g = grid as Obj
  return {
    ...(withFont(drawableOption(option)) as EChartsOption),
    animation: false,
    backgroundColor: '#fff',
    textStyle: { fontFamily: EXPORT_FONT },
    // Slider zooms would cut the export to the visible window; show everything instead.
    dataZoom: [],
    title: [
      {
        text: caption.title, subtext: caption.subtitle || undefined, left: 'center', top: 12, itemGap: 6,
        textStyle: text(18, 600, '#303133'), subtextStyle: text(13, 'normal', '#606266'),
      },
      ...foot.map((line, i) => ({
        text: line, left: 16, bottom: 6 + (foot.length - 1 - i) * FOOT_LINE,
        textStyle: text(12, 'normal', '#606266'),
      })),
    ],
    legend: legend ? { ...legend, top: head - 20, textStyle: { ...(isObj(legend.textStyle) ? legend.textStyle : {}), fontFamily: EXPORT_FONT } } : undefined,
    grid: { ...g, top: Math.max(Number(g.top ?? 0), 0) + head, bottom: Number(g.bottom ?? 24) + footH },
    visualMap,
    tooltip: { show: false },
  } as EChartsOption
}

function fontsReady(): Promise<unknown> {
  // Canvas text uses whatever font is ready now: wait so CJK glyphs are not drawn as tofu.
  const f = (globalThis.document as Document | undefined)?.fonts
  return f ? f.ready : Promise.resolve()
}

/** Warm the CJK font so the first canvas frame has its glyphs (system fonts only, no web font). */
async function loadCjk(): Promise<void> {
  const f = document.fonts
  try { await f.load(`18px ${EXPORT_FONT}`, '政府信息公开年报') } catch { /* not supported: fall through */ }
  await f.ready
}

function mount(width: number, height: number): HTMLDivElement {
  const div = document.createElement('div')
  div.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${height}px;pointer-events:none`
  div.setAttribute('aria-hidden', 'true')
  document.body.appendChild(div)
  return div
}

/** PNG data URL at `scale` × (width × height) CSS pixels, white background. */
export async function renderPng(option: EChartsOption, opts: RenderOptions & { scale?: number }): Promise<string> {
  const width = opts.width ?? 1200
  const height = opts.height ?? 720
  const scale = opts.scale ?? 2
  await fontsReady()
  await loadCjk()
  const div = mount(width, height)
  const chart = echarts.init(div, EXPORT_THEME, { renderer: 'canvas', devicePixelRatio: scale, width, height, locale: echartsLocale(opts.locale) })
  try {
    chart.setOption(exportOption(option, opts), { notMerge: true, lazyUpdate: false })
    return chart.getDataURL({ type: 'png', pixelRatio: scale, backgroundColor: '#fff' })
  } finally {
    chart.dispose()
    div.remove()
  }
}

/** SVG text (echarts SVG renderer; titles and labels stay <text> with the CJK font stack). */
export async function renderSvg(option: EChartsOption, opts: RenderOptions): Promise<string> {
  const width = opts.width ?? 1200
  const height = opts.height ?? 720
  await fontsReady()
  const div = mount(width, height)
  const chart = echarts.init(div, EXPORT_THEME, { renderer: 'svg', width, height, locale: echartsLocale(opts.locale) })
  try {
    chart.setOption(exportOption(option, opts), { notMerge: true, lazyUpdate: false })
    let svg = (chart as unknown as { renderToSVGString(o?: unknown): string }).renderToSVGString()
    if (!svg.startsWith('<?xml')) svg = `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`
    return svg
  } finally {
    chart.dispose()
    div.remove()
  }
}

export function dataUrlToBlob(url: string): Blob {
  const [head, body] = url.split(',', 2)
  const mime = /data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream'
  const bin = atob(body)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: mime })
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

export function downloadDataUrl(url: string, fileName: string): void {
  downloadBlob(dataUrlToBlob(url), fileName)
}

/** Copy a PNG to the clipboard; throws 'clipboard-unsupported' / the browser's refusal. */
export async function copyPng(dataUrlOrPromise: string | Promise<string>): Promise<void> {
  const C = (globalThis as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem
  if (!C || !navigator.clipboard?.write) throw new Error('clipboard-unsupported')
  // Safari needs the ClipboardItem created synchronously inside the click; a promise value is allowed.
  const blob = Promise.resolve(dataUrlOrPromise).then(dataUrlToBlob)
  await navigator.clipboard.write([new C({ 'image/png': blob })])
}
