/**
 * How a chart prints: on an A4 page whose picture fills the room left by the caption and the notes, drawn at
 * the page's shape and at a size where 12 px type prints at about 8 pt. A by-unit figure whose units do not
 * fit a landscape page takes a portrait page; beyond what a portrait page holds it is split over pages. Pure.
 */
import type { EChartsOption } from 'echarts'
import { rowsFitting, rowsHeight, unitAxisOf } from '../charts/byUnit'
import type { Caption } from './caption'
import { splitRows } from './split'

type Orientation = 'landscape' | 'portrait'

/** Printable area (mm) of an A4 page with 12 mm / 10 mm margins, and what the caption takes. */
const PAGE = { landscape: { w: 297 - 28, h: 210 - 24 }, portrait: { w: 210 - 24, h: 297 - 20 } }
const HEAD_MM = 18
const FOOT_LINE_MM = 4.6
/** Millimetres per CSS pixel of the picture: 12 px ≈ 2.9 mm ≈ 8 pt on paper. */
const MM_PER_PX = 0.245

interface PrintPart { option: EChartsOption; width: number; height: number }
export interface PrintLayout { orientation: Orientation; parts: PrintPart[] }

/** Footer lines (notes, source, definition) of a printed chart and the room they take (mm; long lines wrap). */
function footMm(c: Caption, widthMm: number): number {
  const lines = [...(c.notes ?? []), c.source, c.definition ?? ''].filter((l) => l && l.trim())
  const perLine = Math.floor(widthMm / 3.2) // ~3.2 mm per CJK character at 9 pt
  return lines.reduce((a, l) => a + Math.max(1, Math.ceil([...l].length / perLine)) * FOOT_LINE_MM, 0) + 2
}

function box(o: Orientation, c: Caption): { width: number; height: number } {
  const p = PAGE[o]
  const hMm = p.h - HEAD_MM - (c.subtitle ? 6 : 0) - footMm(c, p.w)
  return { width: Math.round(p.w / MM_PER_PX), height: Math.round(hMm / MM_PER_PX) }
}

/** Orientation and pages of one chart. */
export function printLayout(option: EChartsOption, caption: Caption): PrintLayout {
  const ax = unitAxisOf(option)
  const land = box('landscape', caption)
  if (!ax) return { orientation: 'landscape', parts: [{ option, ...land }] }
  if (rowsHeight(ax.labels) <= land.height) return { orientation: 'landscape', parts: [{ option, ...land }] }
  const port = box('portrait', caption)
  const maxRows = rowsFitting(ax.labels, port.height)
  return { orientation: 'portrait', parts: splitRows(option, maxRows).map((o) => ({ option: o, ...port })) }
}
