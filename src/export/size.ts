/**
 * How big an exported chart is: as wide as on screen (960–1600 px), and as tall as its rows need — a by-unit
 * figure names every unit, so its image grows with the number of units (nothing scrolls in an export) —
 * plus the caption above and the footer (notes, source, definition) below. Pure.
 */
import type { EChartsOption } from 'echarts'
import { VISIBLE_ROWS, rowsHeight, textWidth, unitAxisOf } from '../charts/byUnit'
import type { Caption } from './caption'

export const FOOT_LINE = 18
/** The tallest canvas browsers draw reliably is 32,767 px: the pixel ratio is lowered to stay under it. */
const MAX_CANVAS = 32_000

/** Height of the caption above the chart (title, subtitle); none when the picture goes under a caption of its own (PPTX, print). */
export const headHeight = (c: Caption): number => (!c.title && !c.subtitle ? 0 : c.subtitle ? 84 : 60)

/** The footer lines (notes, then source, then definition), each wrapped to the image width. */
export function footLines(c: Caption): string[] {
  return [...(c.notes ?? []), c.source, c.definition ?? ''].filter((l) => l && l.trim())
}

/** Lines a footer text takes at this width (12 px type). */
export const wrappedLines = (text: string, width: number): number => Math.max(1, Math.ceil(textWidth(text) / Math.max(200, width - 32)))

export function footHeight(c: Caption, width: number): number {
  return footLines(c).reduce((a, l) => a + wrappedLines(l, width) * FOOT_LINE, 0) + 12
}

/**
 * Export size in CSS px for a chart shown at `screen` size: rows of a by-unit axis all drawn (the image grows),
 * else the on-screen plot height; caption and footer added.
 */
export function exportSizeFor(option: EChartsOption, caption: Caption, screen: { width: number; height: number }): { width: number; height: number } {
  const width = Math.round(Math.min(1600, Math.max(960, screen.width)))
  const ax = unitAxisOf(option)
  const plot = ax && ax.labels.length > VISIBLE_ROWS ? rowsHeight(ax.labels) : screen.height
  const height = Math.round(Math.max(560, plot + headHeight(caption) + footHeight(caption, width)))
  return { width, height }
}

/** The pixel ratio to render at: as asked, lowered for very tall images so the canvas stays drawable. */
export const safeScale = (height: number, scale: number): number => Math.max(0.1, Math.min(scale, Math.floor((MAX_CANVAS / height) * 100) / 100))
