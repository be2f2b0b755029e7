/**
 * Offscreen rendering of a chart for export: a detached-size container, animation off, the caption
 * drawn as ECharts titles (text, so SVG keeps it as <text>), fonts ready before the first frame.
 * Never a screenshot of the on-screen canvas.
 */
import type { EChartsOption, EChartsType } from 'echarts'
import { echarts, echartsLocale } from '../echarts'
import { FONT_FAMILY, theme } from '../theme'
import type { Caption } from './caption'
import { downloadBlob } from './download'
import { recordFunctions, type StoredFunctions } from './functions'
import { FOOT_LINE, footHeight, footLines, headHeight, safeScale, wrappedLines } from './size'

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

/** The option as exported: no animation, no zoom window (every row drawn), room for the caption and the footer. */
export function exportOption(option: EChartsOption, opts: RenderOptions): EChartsOption {
  const { caption } = opts
  const width = opts.width ?? 1200
  const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) ?? {}
  const legend = Array.isArray(option.legend) ? option.legend[0] : option.legend
  const head = headHeight(caption)
  const footH = footHeight(caption, width)
  const text = (size: number, weight: number | string, color: string) => ({ fontFamily: EXPORT_FONT, fontSize: size, fontWeight: weight, color })
  const visualMap = option.visualMap && !Array.isArray(option.visualMap) && isObj(option.visualMap) && option.visualMap.bottom != null
    ? { ...option.visualMap, bottom: Number(option.visualMap.bottom) + footH }
    : option.visualMap
  const g = grid as Obj
  const body = withFont(drawableOption(option)) as Obj
  // Progressive rendering would finish large series in later frames, after the image is taken.
  const series = Array.isArray(body.series) ? body.series.map((x) => (isObj(x) ? { ...x, progressive: 0 } : x)) : body.series
  // Footer lines from the bottom up: notes, source, definition; long lines wrap at the image width.
  const lines = footLines(caption)
  const foot: Obj[] = []
  let bottom = 6
  for (const line of [...lines].reverse()) {
    foot.push({ text: line, left: 16, bottom, textStyle: { ...text(12, 'normal', '#606266'), width: width - 32, overflow: 'break', lineHeight: FOOT_LINE } })
    bottom += wrappedLines(line, width) * FOOT_LINE
  }
  return {
    ...(body as EChartsOption),
    series,
    animation: false,
    backgroundColor: '#fff',
    textStyle: { fontFamily: EXPORT_FONT },
    // Slider zooms would cut the export to the visible window; show everything instead.
    dataZoom: [],
    title: [
      {
        text: caption.title, subtext: caption.subtitle || undefined, left: 'center', top: 12, itemGap: 6,
        textStyle: { ...text(18, 600, '#303133'), width: width - 48, overflow: 'truncate' }, subtextStyle: text(13, 'normal', '#606266'),
      },
      ...foot.reverse(),
    ],
    legend: legend ? { ...legend, top: head - 20, textStyle: { ...(isObj(legend.textStyle) ? legend.textStyle : {}), fontFamily: EXPORT_FONT } } : undefined,
    grid: { ...g, top: Math.max(Number(g.top ?? 0), 0) + head, bottom: Number(g.bottom ?? 24) + footH },
    visualMap,
    tooltip: { show: false },
  } as EChartsOption
}

/** CJK fonts: asked for once (system fonts, no web font); later exports only await `fonts.ready`. */
let cjkLoad: Promise<void> | null = null

/**
 * Wait until the CJK font can be drawn, so the first canvas frame has its glyphs (no tofu). The
 * load is requested once per page; afterwards this is `document.fonts.ready`, already settled.
 */
export function fontsReady(): Promise<void> {
  const f = (globalThis.document as Document | undefined)?.fonts
  if (!f) return Promise.resolve()
  if (!cjkLoad) {
    cjkLoad = (async () => {
      try { await f.load(`18px ${EXPORT_FONT}`, '政府信息公开年报') } catch { /* not supported: fall through */ }
      await f.ready
    })()
  }
  // A font the page started loading since is awaited too (cheap: a settled promise otherwise).
  return f.status === 'loaded' ? cjkLoad : cjkLoad.then(() => f.ready).then(() => undefined)
}

// ── warm offscreen instances ─────────────────────────────────────────────────────────────────
/**
 * Offscreen ECharts instances kept between exports and reused with setOption(notMerge): no canvas
 * allocation, theme or DOM set-up per export. Canvas instances are per (pixel ratio, locale, size) —
 * resizing a canvas instance repaints the old chart at the new size first, which costs as much as the
 * export — at most MAX_CANVAS of them (least recently used goes); the SVG one is resized. Each export
 * is synchronous from setOption to the canvas snapshot (toBlob copies the bitmap when called), so
 * exports that overlap in time cannot see each other's option. All released after a minute idle.
 */
interface Warm { chart: EChartsType; div: HTMLDivElement; width: number; height: number }
const warm = new Map<string, Warm>()
const MAX_CANVAS = 4
const RELEASE_MS = 60_000
let releaseTimer: ReturnType<typeof setTimeout> | undefined

function drop(key: string): void {
  const w = warm.get(key)
  if (!w) return
  if (!w.chart.isDisposed()) w.chart.dispose()
  w.div.remove()
  warm.delete(key)
}

/** Dispose every kept instance (memory: a 3× canvas is tens of MB). */
export function releaseExportCharts(): void {
  for (const key of [...warm.keys()]) drop(key)
  if (releaseTimer) clearTimeout(releaseTimer)
  releaseTimer = undefined
}

function mount(width: number, height: number): HTMLDivElement {
  const div = document.createElement('div')
  div.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${height}px;pointer-events:none;contain:strict`
  div.setAttribute('aria-hidden', 'true')
  div.className = 'gdd-export-offscreen' // never printed (src/views/PrintView.vue)
  document.body.appendChild(div)
  return div
}

interface ZrElement { incremental?: number | boolean }
interface ZrStorage { getDisplayList(update?: boolean, includeIgnore?: boolean): ZrElement[] }

/**
 * Everything on one canvas layer. ECharts 6.1 marks heatmap cells (and custom items) "incremental"
 * even when progressive rendering is off, which puts them and everything above them on extra
 * full-size layers: each export would then clear three canvases and composite them into a fourth.
 * An export is a still image, so incremental painting buys nothing: the flag is dropped before paint.
 */
function singleLayer(chart: EChartsType): void {
  const storage = (chart.getZr() as unknown as { storage?: ZrStorage }).storage
  if (!storage || typeof storage.getDisplayList !== 'function') return
  const get = storage.getDisplayList.bind(storage)
  storage.getDisplayList = (update?: boolean, includeIgnore?: boolean) => {
    const list = get(update, includeIgnore)
    for (const el of list) if (el.incremental) el.incremental = 0
    return list
  }
}

function instance(renderer: 'canvas' | 'svg', dpr: number, locale: string, width: number, height: number): EChartsType {
  const key = renderer === 'svg' ? `svg|${locale}` : `canvas|${dpr}|${locale}|${width}x${height}`
  let w = warm.get(key)
  if (w && w.chart.isDisposed()) { drop(key); w = undefined }
  if (w) {
    warm.delete(key) // re-insert: most recently used last
    warm.set(key, w)
    if (w.width !== width || w.height !== height) {
      w.div.style.width = `${width}px`
      w.div.style.height = `${height}px`
      w.chart.resize({ width, height })
      w.width = width
      w.height = height
    }
  } else {
    if (renderer === 'canvas') {
      const canvases = [...warm.keys()].filter((k) => k.startsWith('canvas|'))
      for (const k of canvases.slice(0, Math.max(0, canvases.length - MAX_CANVAS + 1))) drop(k)
    }
    const div = mount(width, height)
    const chart = echarts.init(div, EXPORT_THEME, renderer === 'canvas'
      ? { renderer, devicePixelRatio: dpr, width, height, locale: echartsLocale(locale) }
      : { renderer, width, height, locale: echartsLocale(locale) })
    if (renderer === 'canvas') singleLayer(chart)
    w = { chart, div, width, height }
    warm.set(key, w)
  }
  if (releaseTimer) clearTimeout(releaseTimer)
  releaseTimer = setTimeout(releaseExportCharts, RELEASE_MS)
  return w.chart
}

/**
 * The canvas holding the chart as drawn: the instance's single layer when everything is on it (the
 * usual case: no hover, no progressive layers), else a composite (ECharts' renderToCanvas).
 */
function renderedCanvas(chart: EChartsType, scale: number): HTMLCanvasElement {
  const painter = (chart.getZr() as unknown as { painter?: { getLayers?(): Record<string, { __builtin__?: boolean; dom?: unknown }> } }).painter
  const layers = Object.values(painter?.getLayers?.() ?? {}).filter((l) => l.__builtin__)
  if (layers.length === 1 && layers[0].dom instanceof HTMLCanvasElement) return layers[0].dom
  return chart.renderToCanvas({ pixelRatio: scale, backgroundColor: '#fff' })
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png')
  })
}

/** Draw the export option into the warm instance for (scale, locale, size): synchronous. */
function draw(option: EChartsOption, opts: RenderOptions & { scale?: number }): { chart: EChartsType; scale: number } {
  const width = opts.width ?? 1200
  const height = opts.height ?? 720
  const scale = safeScale(height, opts.scale ?? 2)
  const chart = instance('canvas', scale, opts.locale, width, height)
  chart.setOption(exportOption(option, opts), { notMerge: true, lazyUpdate: false, silent: true })
  return { chart, scale }
}

/**
 * PNG (Blob) at `scale` × (width × height) CSS pixels, white background: rendered offscreen in a warm
 * instance, encoded straight from its canvas (no data URL round trip).
 */
export async function renderPngBlob(option: EChartsOption, opts: RenderOptions & { scale?: number }): Promise<Blob> {
  await fontsReady()
  const { chart, scale } = draw(option, opts)
  // toBlob snapshots the bitmap now; the instance may draw the next export while this one encodes.
  return canvasToBlob(renderedCanvas(chart, scale))
}

/** PNG data URL (kept for callers that need a string; prefer renderPngBlob). */
export async function renderPng(option: EChartsOption, opts: RenderOptions & { scale?: number }): Promise<string> {
  await fontsReady()
  const { chart, scale } = draw(option, opts)
  return renderedCanvas(chart, scale).toDataURL('image/png')
}

/**
 * What the option's functions (formatters…) answer when the chart is drawn for export at this size:
 * drawn once offscreen at 1× with recorders, for a pack item that must survive a JSON round trip.
 */
export function recordExportFunctions(option: EChartsOption, opts: RenderOptions): StoredFunctions {
  const rec = recordFunctions(option)
  draw(rec.option, { ...opts, scale: 1 })
  return rec.result()
}

interface ZrEl {
  type?: string; ignore?: boolean; invisible?: boolean; style?: { text?: unknown }
  childrenRef?(): ZrEl[]; getTextContent?(): ZrEl | undefined
}

/**
 * The texts an export draws (axis labels, bar labels, caption…), read from the drawn scene: what the PNG of
 * this option at this size shows, hidden labels (interval, overlap) left out. For tests and the export check.
 */
export async function drawnTexts(option: EChartsOption, opts: RenderOptions): Promise<string[]> {
  await fontsReady()
  const { chart } = draw(option, { ...opts, scale: 1 })
  const out: string[] = []
  const visit = (el: ZrEl): void => {
    if (el.ignore || el.invisible) return
    if (el.type === 'text' && el.style?.text != null && el.style.text !== '') out.push(String(el.style.text))
    const label = el.getTextContent?.()
    if (label) visit(label)
    for (const c of el.childrenRef?.() ?? []) visit(c)
  }
  const storage = (chart.getZr() as unknown as { storage: { getRoots(): ZrEl[] } }).storage
  for (const root of storage.getRoots()) visit(root)
  return out
}

/** Base64 of a Blob (no data: prefix), read natively. */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => { const s = String(r.result); resolve(s.slice(s.indexOf(',') + 1)) }
    r.onerror = () => reject(r.error ?? new Error('FileReader failed'))
    r.readAsDataURL(blob)
  })
}

/** SVG text (echarts SVG renderer; titles and labels stay <text> with the CJK font stack). */
export async function renderSvg(option: EChartsOption, opts: RenderOptions): Promise<string> {
  const width = opts.width ?? 1200
  const height = opts.height ?? 720
  await fontsReady()
  const chart = instance('svg', 1, opts.locale, width, height)
  chart.setOption(exportOption(option, opts), { notMerge: true, lazyUpdate: false, silent: true })
  let svg = chart.renderToSVGString()
  if (!svg.startsWith('<?xml')) svg = `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`
  return svg
}

/**
 * Get ready for an export while the user is still choosing (export menu opened / button hovered):
 * fonts, and the 2× instance at `size`, created in an idle moment. Cheap when already warm.
 */
export function prewarmExport(locale: string, size?: { width: number; height: number }): void {
  void fontsReady().then(() => {
    if (!size) return
    const make = (): void => { try { instance('canvas', 2, locale, size.width, size.height) } catch { /* only a warm-up */ } }
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback
    if (idle) idle(make, { timeout: 200 })
    else setTimeout(make, 0)
  }).catch(() => { /* only a warm-up */ })
}

export function dataUrlToBlob(url: string): Blob {
  const [head, body] = url.split(',', 2)
  const mime = /data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream'
  const bin = atob(body)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: mime })
}

export { downloadBlob }

export function downloadDataUrl(url: string, fileName: string): void {
  downloadBlob(dataUrlToBlob(url), fileName)
}

/**
 * Copy a PNG to the clipboard; throws 'clipboard-unsupported' / the browser's refusal. Give it the
 * render as a promise: Safari needs the ClipboardItem made synchronously inside the click.
 */
export async function copyPng(png: Blob | string | Promise<Blob | string>): Promise<void> {
  const C = (globalThis as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem
  if (!C || !navigator.clipboard?.write) throw new Error('clipboard-unsupported')
  const blob = Promise.resolve(png).then((p) => (typeof p === 'string' ? dataUrlToBlob(p) : p))
  await navigator.clipboard.write([new C({ 'image/png': blob })])
}
