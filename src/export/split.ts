/**
 * A by-unit figure too tall for one slide or page, cut into parts of at most `maxRows` units each (every
 * unit keeps its label; the parts share the value axis range so bars compare across parts). Bars and
 * lines lose the categories outside the part; heatmap cells and custom marks are kept by row and moved
 * up. Pure: works on a plain option (functions are kept as they are).
 */
import type { EChartsOption } from 'echarts'
import { unitAxisOf } from '../charts/byUnit'
import { sliceRows } from '../charts/rowWindow'
import { isObj, list } from '../charts/optionParts'

/** The value axis' extent over every row, so each part draws on the same scale. */
function valueMax(option: EChartsOption): number | undefined {
  let max = 0
  let stacked = false
  const sums = new Map<string, number[]>()
  for (const s of list(option.series).filter(isObj)) {
    if (s.type !== 'bar') continue
    const data = list(s.data).map((d) => (isObj(d) ? d.value : d))
    if (s.stack) {
      stacked = true
      const acc = sums.get(String(s.stack)) ?? []
      data.forEach((v, i) => { acc[i] = (acc[i] ?? 0) + (typeof v === 'number' ? v : 0) })
      sums.set(String(s.stack), acc)
    } else for (const v of data) if (typeof v === 'number' && v > max) max = v
  }
  if (stacked) for (const acc of sums.values()) for (const v of acc) if (v > max) max = v
  return max > 0 ? niceCeil(max) : undefined
}

/** The next "round" number at or above v (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k), as an axis end. */
export function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v))
  const m = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((k) => k * p >= v) ?? 10
  return m * p
}

/** The option cut into parts of at most `maxRows` rows (one part when it fits). */
export function splitRows(option: EChartsOption, maxRows: number): EChartsOption[] {
  const ax = unitAxisOf(option)
  const n = ax?.labels.length ?? 0
  if (!ax || n <= maxRows || maxRows < 1) return [option]
  const parts = Math.ceil(n / maxRows)
  const per = Math.ceil(n / parts) // even parts: 45 rows at 40 → 23 + 22, not 40 + 5
  const top = valueMax(option)
  const out: EChartsOption[] = []
  for (let from = 0; from < n; from += per) {
    const part = sliceRows(option, from, Math.min(n, from + per))
    const xAxis = top != null && isObj(option.xAxis) && option.xAxis.type === 'value' && option.xAxis.max == null
      ? { ...option.xAxis, max: top }
      : option.xAxis
    out.push({ ...part, xAxis } as EChartsOption)
  }
  return out
}
