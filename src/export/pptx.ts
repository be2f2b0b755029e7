/**
 * The briefing pack as PPTX (pptxgenjs, loaded only when used): 16:9, a title slide, one chart per slide
 * (a 3× PNG drawn at the shape of the slide's free area, so the picture fills it; the caption and every
 * note as editable text; speaker notes with the definition, notes, filters and source), and a closing
 * slide with the data sources and the data-quality summary. A by-unit chart with more units than fit
 * legibly on one slide is split over several slides, each naming its part.
 */
import type { EChartsOption } from 'echarts'
import type { Caption } from './caption'
import { EXPORT_FONT, blobToBase64, renderPngBlob } from './render'
import { rowsFitting, unitAxisOf } from '../charts/byUnit'
import { splitRows } from './split'

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
  /** e.g. ["错误 12 条：合计不符（8 条）、…"] */
  findings: string[]
  locale: string
  /** Labels of the speaker notes and of split parts. */
  labels: { definition: string; notes: string; filters: string; source: string; part: (k: number, n: number) => string }
}

/** The first font of the stack, as PowerPoint/WPS expect a single face name. */
const FACE = 'Microsoft YaHei'
void EXPORT_FONT

/** Slide geometry (inches, LAYOUT_WIDE). */
export const SLIDE = { w: 13.333, h: 7.5, margin: 0.5, imageTop: 1.2 }
/** CSS width the chart pictures are drawn at (× 3 pixels). */
const RENDER_W = 1400
const FOOT_PT = 11
const FOOT_LINE_IN = 0.24

/** Footer lines of a slide (notes, source, definition) and the height they take. */
function footer(c: Caption): { lines: string[]; height: number } {
  const lines = [...(c.notes ?? []), c.source, c.definition ?? ''].filter((l) => l && l.trim())
  // ~0.16 in per CJK character at 11 pt: lines wrap at the text box width
  const perLine = Math.floor((SLIDE.w - 2 * SLIDE.margin) / 0.16)
  const rows = lines.reduce((a, l) => a + Math.max(1, Math.ceil([...l].length / perLine)), 0)
  return { lines, height: rows * FOOT_LINE_IN + 0.15 }
}

/** The picture's box on a chart slide (inches), below the title and above the footer. */
export function imageBox(c: Caption): { x: number; y: number; w: number; h: number } {
  const foot = footer(c).height
  return { x: SLIDE.margin, y: SLIDE.imageTop, w: SLIDE.w - 2 * SLIDE.margin, h: SLIDE.h - SLIDE.imageTop - foot - 0.1 }
}

/** One chart as the slides it needs: split when its units do not fit legibly in the picture's box. */
export function slideParts(s: PackSlide): { option: EChartsOption; width: number; height: number }[] {
  const box = imageBox(s.caption)
  const height = Math.round((RENDER_W * box.h) / box.w)
  const ax = unitAxisOf(s.option)
  const maxRows = ax ? rowsFitting(ax.labels, height) : Infinity
  const parts = Number.isFinite(maxRows) ? splitRows(s.option, maxRows) : [s.option]
  return parts.map((option) => ({ option, width: RENDER_W, height }))
}

function speakerNotes(s: PackSlide, labels: PptxTexts['labels']): string {
  const c = s.caption
  return [
    c.definition ? `${labels.definition}${c.definition}` : '',
    ...(c.notes ?? []).map((n) => `${labels.notes}${n}`),
    s.filtersText ? `${labels.filters}${s.filtersText}` : '',
    c.source ? `${labels.source}${c.source}` : '',
  ].filter(Boolean).join('\n')
}

/** Chart images being encoded at once. */
const IN_FLIGHT = 2

export async function buildPptx(slides: PackSlide[], texts: PptxTexts, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const mod = await import('pptxgenjs')
  const t1 = performance.now()
  const PptxGenJS = ((mod as unknown as { default?: unknown }).default ?? mod) as new () => import('pptxgenjs').default
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE' // 13.333 × 7.5 in, 16:9
  pptx.title = texts.title
  const { w: W, h: H } = SLIDE

  const first = pptx.addSlide()
  first.addText(texts.title, { x: 0.8, y: 2.4, w: W - 1.6, h: 1.2, fontFace: FACE, fontSize: 36, bold: true, color: '1F2D3D', align: 'center' })
  first.addText(texts.subtitle, { x: 0.8, y: 3.7, w: W - 1.6, h: 0.8, fontFace: FACE, fontSize: 18, color: '606266', align: 'center' })

  // Every picture drawn one after another (warm 3× instances, same size for all), each encoding while the
  // next is drawn, at most IN_FLIGHT at a time (a 3× snapshot is ~30 MB).
  const jobs = slides.flatMap((s, i) => slideParts(s).map((p, k, all) => ({ slide: i, part: k, parts: all.length, ...p })))
  const images: Promise<string>[] = new Array(jobs.length)
  let done = 0
  for (let k = 0; k < jobs.length; k++) {
    const j = jobs[k]
    if (k >= IN_FLIGHT) await images[k - IN_FLIGHT]
    const blob = renderPngBlob(j.option, { caption: { title: '', subtitle: '', source: '' }, locale: texts.locale, width: j.width, height: j.height, scale: 3 })
    images[k] = blob.then(blobToBase64).then((b64) => { onProgress?.(++done, jobs.length); return `image/png;base64,${b64}` })
    images[k].catch(() => { /* reported by Promise.all below */ })
  }
  const pngs = await Promise.all(images)
  const t2 = performance.now()

  jobs.forEach((j, k) => {
    const s = slides[j.slide]
    const slide = pptx.addSlide()
    const title = j.parts > 1 ? `${s.caption.title}${texts.labels.part(j.part + 1, j.parts)}` : s.caption.title
    slide.addText(title, { x: SLIDE.margin, y: 0.2, w: W - 1, h: 0.55, fontFace: FACE, fontSize: 22, bold: true, color: '1F2D3D' })
    if (s.caption.subtitle) slide.addText(s.caption.subtitle, { x: SLIDE.margin, y: 0.75, w: W - 1, h: 0.35, fontFace: FACE, fontSize: 13, color: '606266' })
    const box = imageBox(s.caption)
    // drawn at the box's shape: the picture fills it
    slide.addImage({ data: pngs[k], x: box.x, y: box.y, w: box.w, h: box.h, altText: title })
    const foot = footer(s.caption)
    slide.addText(foot.lines.map((t) => ({ text: t, options: { breakLine: true } })), {
      x: SLIDE.margin, y: H - foot.height - 0.05, w: W - 1, h: foot.height, fontFace: FACE, fontSize: FOOT_PT, color: '606266', valign: 'top',
    })
    slide.addNotes(speakerNotes(s, texts.labels))
  })

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
