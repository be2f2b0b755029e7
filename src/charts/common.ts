/** Helpers shared by option builders. */
import type { EChartsOption } from 'echarts'
import { FONT_FAMILY } from './theme'
import { textWidth } from './byUnit'
import type { ChartCtx } from './types'

/** The value ECharts treats as "no data": the bar/cell is not drawn (never 0). */
export const NO_VALUE = '-' as const
export type Cell = number | typeof NO_VALUE

export const cell = (v: number | null | undefined): Cell => (v == null || !Number.isFinite(v) ? NO_VALUE : v)

/**
 * Display names for units, made unique: two townships called 城关镇 under different counties
 * would otherwise collapse onto one axis tick.
 */
export function uniqueUnitLabels(units: readonly { code: string; name: string; parent: string | null }[]): Map<string, string> {
  const count = new Map<string, number>()
  for (const u of units) count.set(u.name, (count.get(u.name) ?? 0) + 1)
  const out = new Map<string, string>()
  for (const u of units) {
    const dup = (count.get(u.name) ?? 0) > 1
    // " · " (not brackets): the same in every language
    out.set(u.code, dup ? `${u.name} · ${u.parent ?? u.code}` : u.name)
  }
  return out
}

/** Options every chart shares: accessibility, fonts, no HTML from data in tooltips. */
export function baseOption(_ctx: ChartCtx): EChartsOption {
  return {
    aria: { enabled: true, decal: { show: false } },
    textStyle: { fontFamily: FONT_FAMILY },
    animationDuration: 300,
    animationDurationUpdate: 0,
    tooltip: { confine: true, textStyle: { fontFamily: FONT_FAMILY } },
  }
}

/**
 * Room (px) above the plot for a plain legend of these names, which wraps onto more rows when narrow: rows
 * counted for the narrowest chart panel (`width`), so that no legend row overlaps the plot or gets paged.
 */
export function legendSpace(names: readonly string[], width = 520): number {
  let rows = 1
  let x = 0
  for (const n of names) {
    const w = 25 + 5 + textWidth(n) + 10 // icon, gap, text, item gap
    if (x > 0 && x + w > width) { rows++; x = 0 }
    x += w
  }
  return rows * 22 + 10
}
