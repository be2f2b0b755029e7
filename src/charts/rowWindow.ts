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

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => v != null && typeof v === 'object' && !Array.isArray(v)
const first = (a: unknown): Obj | undefined => (Array.isArray(a) ? a[0] : a) as Obj | undefined

/** How a series finds its row: by position in `data` (bars), or in a dimension of each item's value (cells). */
type RowOf = { by: 'index' } | { by: 'dim'; dim: number }

function rowOf(s: Obj): RowOf | null {
  const enc = s.encode as { y?: unknown } | undefined
  if (s.type === 'heatmap') return { by: 'dim', dim: 1 }
  if (s.type === 'custom') return { by: 'dim', dim: typeof enc?.y === 'number' ? enc.y : 1 }
  if (s.type === 'bar' || s.type === 'line' || s.type === 'scatter') return { by: 'index' }
  return null
}

const valueOf = (d: unknown): unknown => (isObj(d) && 'value' in d ? d.value : d)

/** Rows of the unit axis when they are more than fit: the option is windowed; otherwise null (drawn as it is). */
export function windowedRows(option: EChartsOption): number | null {
  const ax = unitAxisOf(option)
  return ax && ax.labels.length > VISIBLE_ROWS ? ax.labels.length : null
}

/** First row of a window clamped into [0, rows − size]. */
export const clampStart = (start: number, rows: number, size = VISIBLE_ROWS): number =>
  Math.max(0, Math.min(Math.round(start), Math.max(0, rows - size)))

/**
 * The option with only rows [start, start + size) of its unit axis: the axis' labels and each series' items of those
 * rows, re-indexed from 0, and no scroll bar (the panel draws its own). Series it cannot place on the rows are kept whole.
 */
export function windowOption(option: EChartsOption, start: number, size = VISIBLE_ROWS): EChartsOption {
  const o = option as Obj
  const ya = first(o.yAxis)
  if (!ya || !Array.isArray(ya.data)) return option
  const end = start + size
  const yAxis = { ...ya, data: ya.data.slice(start, end) }
  const series = (Array.isArray(o.series) ? o.series : o.series ? [o.series] : []).map((raw) => {
    const s = raw as Obj
    const how = rowOf(s)
    if (!how || !Array.isArray(s.data)) return s
    if (how.by === 'index') return { ...s, data: s.data.slice(start, end) }
    const data: unknown[] = []
    for (const d of s.data) {
      const v = valueOf(d)
      if (!Array.isArray(v)) continue
      const row = Number(v[how.dim])
      if (!(row >= start && row < end)) continue
      const moved = [...v]
      moved[how.dim] = row - start
      data.push(isObj(d) ? { ...d, value: moved } : moved)
    }
    return { ...s, data }
  })
  return { ...option, yAxis: Array.isArray(o.yAxis) ? [yAxis, ...(o.yAxis as unknown[]).slice(1)] : yAxis, series, dataZoom: [] } as EChartsOption
}

/** An ECharts event or formatter parameter of the windowed option, as it would be for the full option. */
export function toFullParams<P>(option: EChartsOption, start: number, params: P): P {
  if (start === 0) return params
  if (Array.isArray(params)) return params.map((p) => toFullParams(option, start, p)) as P
  if (!isObj(params)) return params
  const list = (option as Obj).series
  const s = (Array.isArray(list) ? list : [list])[Number(params.seriesIndex)] as Obj | undefined
  const how = s ? rowOf(s) : null
  if (!how) return params
  const out: Obj = { ...params }
  if (how.by === 'index') {
    if (typeof params.dataIndex === 'number') out.dataIndex = params.dataIndex + start
    return out as P
  }
  if (typeof params.dataIndex === 'number' && Array.isArray(s?.data)) {
    // the item's index in the full data: the n-th item of the full data that falls in this window
    const full = fullIndexOf(s.data, how.dim, start, params.dataIndex)
    if (full != null) out.dataIndex = full
  }
  const shift = (v: unknown): unknown => {
    if (!Array.isArray(v)) return v
    const moved = [...v]
    moved[how.dim] = Number(v[how.dim]) + start
    return moved
  }
  if (Array.isArray(params.value)) out.value = shift(params.value)
  if (Array.isArray(params.data)) out.data = shift(params.data)
  else if (isObj(params.data) && Array.isArray(params.data.value)) out.data = { ...params.data, value: shift(params.data.value) }
  return out as P
}

function fullIndexOf(data: readonly unknown[], dim: number, start: number, windowIndex: number): number | null {
  let seen = -1
  for (let i = 0; i < data.length; i++) {
    const v = valueOf(data[i])
    if (!Array.isArray(v)) continue
    const row = Number(v[dim])
    if (row >= start && row < start + VISIBLE_ROWS && ++seen === windowIndex) return i
  }
  return null
}

/**
 * The windowed option with its formatters (tooltip, labels) fed full-option parameters: the builders' closures index
 * their own full rows.
 */
export function windowWithFormatters(option: EChartsOption, start: number, size = VISIBLE_ROWS): EChartsOption {
  const w = windowOption(option, start, size) as Obj
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
