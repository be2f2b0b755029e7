/**
 * What every by-unit figure shares (bars, heatmap rows, outcome bars): units on a vertical category axis,
 * largest first, with their FULL names (long names wrap onto a second line, never cut with "…"), every
 * label drawn (interval 0), and a height that follows the number of units. On screen at most VISIBLE_ROWS
 * rows show at a time (the rest scroll); exports and print drop the scroll and grow instead
 * (src/export/size.ts), or split across slides and pages (src/export/split.ts).
 */
import type { EChartsOption } from 'echarts'

/** Rows shown at once on screen; more scroll (the panel's own scroll bar: src/charts/rowWindow.ts). */
export const VISIBLE_ROWS = 30
/** Width of the unit labels (CSS px): ~18 CJK characters on a line, longer names take a second line. */
const LABEL_WIDTH = 220
const FONT = 12
/** Height of one row: a one-line label, and a two-line one. */
const ROW_PX = 24
const ROW_PX_WRAPPED = 34

/** CJK ideographs and full-width forms: drawn a full em wide. */
const isWide = (c: number): boolean => (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)

/** Width of a text drawn at 12 px (CJK ~12 px, Latin ~7 px): enough to know whether a label wraps. */
export function textWidth(s: string, font = FONT): number {
  let w = 0
  for (const ch of s) w += isWide(ch.charCodeAt(0)) ? font : font * 0.58
  return w
}

/**
 * Row height for these labels: room for two lines when any label wraps. Asked at every filter change for every
 * unit of a by-unit figure (up to 1,000): a label of at most LABEL_WIDTH / FONT code units cannot be wider than the
 * label column, so only longer ones are measured.
 */
const rowPx = (labels: readonly string[]): number =>
  (labels.some((l) => l.length > LABEL_WIDTH / FONT && textWidth(l) > LABEL_WIDTH) ? ROW_PX_WRAPPED : ROW_PX)

/** The unit axis: full names, every one drawn, long ones wrapped. */
export function unitAxis(labels: readonly string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'category',
    data: [...labels],
    inverse: true, // first row (largest) on top
    axisTick: { alignWithLabel: true },
    axisLabel: { interval: 0, width: LABEL_WIDTH, overflow: 'break', lineHeight: 14, fontSize: FONT, hideOverlap: false },
    ...extra,
  }
}

/** Legend, value axis and margins around the rows of a by-unit figure in an export, on a slide or a page (CSS px). */
const ROWS_CHROME = 110

/**
 * THE row-height formula of a by-unit figure: `rows` rows of these labels plus `chrome` (CSS px). On screen
 * (screenHeight) at most VISIBLE_ROWS rows; an export draws all of them (src/export/size.ts); a slide or a page
 * holds what fits (rowsFitting, the same formula solved for the rows: src/export/pptx.ts, src/export/print.ts).
 */
export const rowsHeight = (labels: readonly string[], rows = labels.length, chrome = ROWS_CHROME): number =>
  Math.max(1, rows) * rowPx(labels) + chrome

/** Rows of these labels that fit in `height` by rowsHeight (at least 5: a part with fewer is not worth a slide or page). */
export const rowsFitting = (labels: readonly string[], height: number, chrome = ROWS_CHROME): number =>
  Math.max(5, Math.floor((height - chrome) / rowPx(labels)))

/** On-screen chart height: the rows shown at once plus `chrome` (legend, axis, margins). */
export function screenHeight(labels: readonly string[], chrome: number, min = 220): number {
  return Math.max(min, rowsHeight(labels, Math.min(labels.length, VISIBLE_ROWS), chrome))
}

/** The category axis holding the units of an option (the one with `inverse` rows), if any. */
export function unitAxisOf(option: EChartsOption): { axis: 'xAxis' | 'yAxis'; labels: string[] } | null {
  for (const axis of ['yAxis', 'xAxis'] as const) {
    const a = option[axis]
    const first = (Array.isArray(a) ? a[0] : a) as { type?: string; data?: unknown[] } | undefined
    if (first?.type === 'category' && Array.isArray(first.data) && axis === 'yAxis') {
      return { axis, labels: first.data.map((d) => String(d && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d)) }
    }
  }
  return null
}
