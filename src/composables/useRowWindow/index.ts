/**
 * useRowWindow — the scroll window of a by-unit figure (issue 19): ECharts is given the rows on screen only
 * (src/charts/rowWindow.ts), and the panel's own scroll bar (and the mouse wheel over the chart) moves the window.
 * A new option (a filter changed) starts at the top again, as the chart's former scroll bar did.
 */
import { computed, ref, toValue, watch, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import type { EChartsOption } from 'echarts'
import { VISIBLE_ROWS } from '../../charts/byUnit'
import { clampStart, toFullParams, windowedRows, windowWithFormatters } from '../../charts/rowWindow'

export interface UseRowWindowReturn {
  /** All rows of the unit axis when they are more than fit (the window scrolls), else null. */
  rows: ComputedRef<number | null>
  /** First row on screen. */
  start: Ref<number>
  /** What ECharts draws: the window's rows, or the option itself. */
  shown: ComputedRef<EChartsOption>
  /** Rows in view at once. */
  size: number
  /** An ECharts event's parameters as the full option's (a click names the row it hit). */
  toFull<P>(params: P): P
  /** Scroll bar moved: `fraction` 0 (top) … 1 (bottom). */
  scrollTo(fraction: number): void
}

export function useRowWindow(option: MaybeRefOrGetter<EChartsOption>): UseRowWindowReturn {
  const start = ref(0)
  const rows = computed(() => windowedRows(toValue(option)))
  watch(() => toValue(option), () => { start.value = 0 })
  const shown = computed(() => {
    const o = toValue(option)
    const n = rows.value
    return n == null ? o : windowWithFormatters(o, clampStart(start.value, n))
  })
  return {
    rows,
    start,
    shown,
    size: VISIBLE_ROWS,
    toFull: (params) => (rows.value == null ? params : toFullParams(toValue(option), clampStart(start.value, rows.value), params)),
    scrollTo(fraction) {
      const n = rows.value
      if (n == null) return
      start.value = clampStart(fraction * (n - VISIBLE_ROWS), n)
    },
  }
}
