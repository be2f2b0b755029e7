/**
 * The rows of a by-unit figure that the screen shows (issue 19). A by-unit option names every unit (up to 1,000)
 * and exports draw them all; ECharts on screen is given only the VISIBLE_ROWS rows of the scroll window: its option
 * cloning, data indexing and GC grew with every row and every filter change paid for all of them (50,000 reports:
 * the four overview figures carried 6,000 points). The full option stays what tests, exports and the data table read.
 *
 * Indices ECharts hands back (dataIndex, a cell's row coordinate) are the window's; `toFullParams` turns them into
 * the full option's, so that the builders' tooltips, labels and click mappers stay written for the full rows.
 */
import type { EChartsOption } from 'echarts'
import { VISIBLE_ROWS, unitAxisOf } from './byUnit'
import { isObj, list, type Obj } from './optionParts'

/** The row (category index) of a data item of a series whose items are located by [x, y] or [y]. */
function rowOf(item: unknown, dim: number): number | null {
  const v = isObj(item) ? item.value : item
  return Array.isArray(v) && typeof v[dim] === 'number' ? v[dim] : null
}

/** The item with its row moved by `by` (negative: up). */
function moveRow(item: unknown, dim: number, by: number): unknown {
  if (isObj(item) && Array.isArray(item.value)) { const value = [...item.value]; value[dim] = (value[dim] as number) + by; return { ...item, value } }
  if (Array.isArray(item)) { const value = [...item]; value[dim] = (value[dim] as number) + by; return value }
  return item
}

/** Which dimension of a series' items is the row: heatmaps [x, y, v] → 1; custom series by their encode.y; else none (by position). */
function rowDim(s: Obj): number | null {
  if (s.type === 'heatmap') return 1
  if (s.type === 'custom') {
    const y = isObj(s.encode) ? s.encode.y : undefined
    return typeof y === 'number' ? y : Array.isArray(y) && typeof y[0] === 'number' ? y[0] : 1
  }
  return null
}

/**
 * Rows [from, to) of a by-unit option: the unit axis' labels and each series' items of those rows, re-counted from 0
 * (bars and lines by position, heatmap cells and custom marks by their row). The screen's window
 * (windowOption) and an export's parts (src/export/split.ts) are both this.
 */
export function sliceRows(option: EChartsOption, from: number, to: number): EChartsOption {
  const yAxis = list(option.yAxis).map((a, i) => (i === 0 && isObj(a) ? { ...a, data: list(a.data).slice(from, to) } : a))
  const series = list(option.series).filter(isObj).map((s) => {
    const dim = rowDim(s)
    const data = list(s.data)
    if (dim == null) return { ...s, data: data.slice(from, to) }
    return { ...s, data: data.filter((d) => { const r = rowOf(d, dim); return r != null && r >= from && r < to }).map((d) => moveRow(d, dim, -from)) }
  })
  return { ...option, yAxis: Array.isArray(option.yAxis) ? yAxis : yAxis[0], series } as EChartsOption
}

/** Rows of the unit axis when they are more than fit: the option is windowed; otherwise null (drawn as it is). */
export function windowedRows(option: EChartsOption): number | null {
  const ax = unitAxisOf(option)
  return ax && ax.labels.length > VISIBLE_ROWS ? ax.labels.length : null
}

/** First row of a window clamped into [0, rows − size]. */
export const clampStart = (start: number, rows: number, size = VISIBLE_ROWS): number =>
  Math.max(0, Math.min(Math.round(start), Math.max(0, rows - size)))

/** The option with only the rows [start, start + VISIBLE_ROWS) on screen (the panel draws its own scroll bar). */
export const windowOption = (option: EChartsOption, start: number): EChartsOption => sliceRows(option, start, start + VISIBLE_ROWS)

/** An ECharts event or formatter parameter of the windowed option, as it would be for the full option. */
export function toFullParams<P>(option: EChartsOption, start: number, params: P): P {
  if (start === 0) return params
  if (Array.isArray(params)) return params.map((p) => toFullParams(option, start, p)) as P
  if (!isObj(params)) return params
  const s = list(option.series)[Number(params.seriesIndex)]
  if (!isObj(s)) return params
  const dim = rowDim(s)
  const out: Obj = { ...params }
  if (dim == null) {
    if (typeof params.dataIndex === 'number') out.dataIndex = params.dataIndex + start
    return out as P
  }
  if (typeof params.dataIndex === 'number') {
    // the item's index in the full data: the n-th item of the full data that falls in this window
    const full = fullIndexOf(list(s.data), dim, start, params.dataIndex)
    if (full != null) out.dataIndex = full
  }
  if (Array.isArray(params.value)) out.value = moveRow(params.value, dim, start)
  if (params.data != null) out.data = moveRow(params.data, dim, start)
  return out as P
}

function fullIndexOf(data: readonly unknown[], dim: number, start: number, windowIndex: number): number | null {
  let seen = -1
  for (let i = 0; i < data.length; i++) {
    const row = rowOf(data[i], dim)
    if (row != null && row >= start && row < start + VISIBLE_ROWS && ++seen === windowIndex) return i
  }
  return null
}

/**
 * The windowed option with its formatters (tooltip, labels) fed full-option parameters: the builders' closures index
 * their own full rows.
 */
export function windowWithFormatters(option: EChartsOption, start: number): EChartsOption {
  const w = windowOption(option, start) as Obj
  if (start === 0) return w as EChartsOption
  const wrapFmt = <T extends Obj | undefined>(holder: T): T => {
    if (!holder || typeof holder.formatter !== 'function') return holder
    const f = holder.formatter as (p: unknown, ...rest: unknown[]) => unknown
    return { ...holder, formatter: (p: unknown, ...rest: unknown[]) => f(toFullParams(option, start, p), ...rest) }
  }
  const tooltip = Array.isArray(w.tooltip) ? w.tooltip.map((t) => wrapFmt(t as Obj)) : wrapFmt(w.tooltip as Obj | undefined)
  const series = (w.series as Obj[]).map((s) => {
    const out: Obj = { ...s }
    if (isObj(s.tooltip)) out.tooltip = wrapFmt(s.tooltip)
    if (isObj(s.label)) out.label = wrapFmt(s.label)
    if (Array.isArray(s.data)) {
      out.data = s.data.map((d) => (isObj(d) && isObj(d.label) && typeof d.label.formatter === 'function' ? { ...d, label: wrapFmt(d.label) } : d))
    }
    return out
  })
  return { ...w, ...(w.tooltip ? { tooltip } : {}), series } as EChartsOption
}
