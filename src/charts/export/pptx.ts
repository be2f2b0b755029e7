/**
 * The briefing pack as PPTX (pptxgenjs, loaded only when used): 16:9, a title slide, one chart per
 * slide (3× PNG image, the caption as editable text boxes), and a closing slide with the data
 * sources and the data-quality findings summary.
 */
import type { EChartsOption } from 'echarts'
import type { Caption } from './caption'
import { EXPORT_FONT, blobToBase64, renderPngBlob } from './render'

export interface PackSlide {
  option: EChartsOption
  caption: Caption
  /** The filters in words when added. */
  filtersText?: string
  width: number
  height: number
}

export interface PptxTexts {
  title: string
  subtitle: string
  sourcesTitle: string
  sources: string[]
  findingsTitle: string
  /** e.g. ["错误 12 条：合计不符 8、…"] */
  findings: string[]
  locale: string
}

/** The first font of the stack, as PowerPoint/WPS expect a single face name. */
const FACE = 'Microsoft YaHei'
void EXPORT_FONT

const W = 13.333
const H = 7.5
const sizeKey = (s: PackSlide): string => `${s.width}x${s.height}`
/** Chart images being encoded at once. */
const IN_FLIGHT = 2

export async function buildPptx(slides: PackSlide[], texts: PptxTexts, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const mod = await import('pptxgenjs')
  const t1 = performance.now()
  const PptxGenJS = ((mod as unknown as { default?: unknown }).default ?? mod) as new () => import('pptxgenjs').default
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE' // 13.333 × 7.5 in, 16:9
  pptx.title = texts.title

  const first = pptx.addSlide()
  first.addText(texts.title, { x: 0.8, y: 2.4, w: W - 1.6, h: 1.2, fontFace: FACE, fontSize: 36, bold: true, color: '1F2D3D', align: 'center' })
  first.addText(texts.subtitle, { x: 0.8, y: 3.7, w: W - 1.6, h: 0.8, fontFace: FACE, fontSize: 18, color: '606266', align: 'center' })

  // Images first: drawn one after another in warm 3× instances, grouped by size (one instance per
  // size, no resize in between); each canvas snapshot encodes (toBlob) while the next chart is drawn,
  // at most IN_FLIGHT at a time (a 3× snapshot is ~30 MB). Base64 straight from the encoder's bytes:
  // pptxgenjs stores images as given.
  const images: Promise<string>[] = new Array(slides.length)
  const order = slides.map((_, i) => i).sort((a, b) => sizeKey(slides[a]).localeCompare(sizeKey(slides[b])) || a - b)
  let done = 0
  for (let k = 0; k < order.length; k++) {
    const i = order[k]
    const s = slides[i]
    if (k >= IN_FLIGHT) await images[order[k - IN_FLIGHT]]
    const blob = renderPngBlob(s.option, {
      caption: { title: '', subtitle: '', source: '' }, locale: texts.locale, width: s.width, height: s.height, scale: 3,
    })
    images[i] = blob.then(blobToBase64).then((b64) => { onProgress?.(++done, slides.length); return `image/png;base64,${b64}` })
    images[i].catch(() => { /* reported by Promise.all below */ })
  }
  const pngs = await Promise.all(images)
  const t2 = performance.now()

  for (let i = 0; i < slides.length; i++) {
    const s = slides[i]
    const png = pngs[i]
    const slide = pptx.addSlide()
    slide.addText(s.caption.title, { x: 0.5, y: 0.25, w: W - 1, h: 0.6, fontFace: FACE, fontSize: 24, bold: true, color: '1F2D3D' })
    if (s.caption.subtitle) slide.addText(s.caption.subtitle, { x: 0.5, y: 0.85, w: W - 1, h: 0.4, fontFace: FACE, fontSize: 14, color: '606266' })
    // The image, fitted into the free area, aspect kept.
    const top = 1.35
    const foot = [s.caption.source, s.caption.definition].filter(Boolean) as string[]
    const bottom = 0.3 + foot.length * 0.32
    const boxW = W - 1
    const boxH = H - top - bottom - 0.1
    const ratio = s.width / s.height
    const w = Math.min(boxW, boxH * ratio)
    const h = w / ratio
    slide.addImage({ data: png, x: (W - w) / 2, y: top, w, h, altText: s.caption.title })
    foot.forEach((line, j) => {
      slide.addText(line, { x: 0.5, y: H - bottom + j * 0.32, w: W - 1, h: 0.3, fontFace: FACE, fontSize: 11, color: '606266' })
    })
  }

  const last = pptx.addSlide()
  last.addText(texts.sourcesTitle, { x: 0.5, y: 0.3, w: W - 1, h: 0.6, fontFace: FACE, fontSize: 24, bold: true, color: '1F2D3D' })
  last.addText(texts.sources.map((t) => ({ text: t, options: { bullet: true, breakLine: true } })), {
    x: 0.5, y: 1.0, w: W - 1, h: 2.2, fontFace: FACE, fontSize: 14, color: '303133', valign: 'top',
  })
  last.addText(texts.findingsTitle, { x: 0.5, y: 3.4, w: W - 1, h: 0.5, fontFace: FACE, fontSize: 18, bold: true, color: '1F2D3D' })
  last.addText(texts.findings.map((t) => ({ text: t, options: { bullet: true, breakLine: true } })), {
    x: 0.5, y: 4.0, w: W - 1, h: 3.1, fontFace: FACE, fontSize: 13, color: '303133', valign: 'top',
  })

  const out = await pptx.write({ outputType: 'uint8array' })
  // phases for the benchmark (bench/export.mjs): images, then pptxgenjs building and zipping
  performance.measure?.('gdd:pptx-images', { start: t1, end: t2 })
  performance.measure?.('gdd:pptx-write', { start: t2, end: performance.now() })
  return out as Uint8Array
}
