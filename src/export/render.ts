/**
 * Offscreen rendering of a chart for export: a detached-size container, animation off, the caption
 * drawn as ECharts titles (text, so SVG keeps it as <text>), fonts ready before the first frame.
 * Never a screenshot of the on-screen canvas.
 */
import type { EChartsOption, EChartsType } from 'echarts'
import { echarts, echartsLocale } from '../charts/echarts'
import { downloadBlob } from './download'
import { recordFunctions, type NamedFunctions, type StoredFunctions } from './functions'
import { safeScale } from './size'

import { EXPORT_FONT, EXPORT_THEME, exportOption, type RenderOptions } from './option'

export { EXPORT_FONT, drawableOption, exportOption, type RenderOptions } from './option'

/** CJK fonts: asked for once (system fonts, no web font); later exports only await `fonts.ready`. */
let cjkLoad: Promise<void> | null = null

/**
 * Wait until the CJK font can be drawn, so the first canvas frame has its glyphs (no tofu). The
 * load is requested once per page; afterwards this is `document.fonts.ready`, already settled.
 */
function fontsReady(): Promise<void> {
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
function releaseExportCharts(): void {
  for (const key of [...warm.keys()]) drop(key)
  if (releaseTimer) clearTimeout(releaseTimer)
  releaseTimer = undefined
}

/**
 * The offscreen instances live in one zero-size, clipped host: a tall export's own box (thousands of px for
 * hundreds of units) would otherwise lengthen the page's scroll height. Never printed (src/views/PrintView.vue).
 */
let host: HTMLDivElement | null = null
function mount(width: number, height: number): HTMLDivElement {
  if (!host || !host.isConnected) {
    host = document.createElement('div')
    host.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;overflow:hidden;pointer-events:none'
    host.setAttribute('aria-hidden', 'true')
    host.className = 'gdd-export-offscreen'
    document.body.appendChild(host)
  }
  const div = document.createElement('div')
  div.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;contain:strict`
  host.appendChild(div)
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

/**
 * What the option's functions (formatters…) answer when the chart is drawn for export at this size:
 * drawn once offscreen at 1× with recorders, for a pack item that must survive a JSON round trip.
 */
export function recordExportFunctions(option: EChartsOption, opts: RenderOptions, named: NamedFunctions): StoredFunctions {
  const rec = recordFunctions(option, named)
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

function dataUrlToBlob(url: string): Blob {
  const [head, body] = url.split(',', 2)
  const mime = /data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream'
  const bin = atob(body)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: mime })
}

export { downloadBlob }

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
