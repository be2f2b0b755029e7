/**
 * useFirstDrawAnimation — a chart's option as drawn: animated on its first draw only, and never when the system asks
 * for reduced motion (an accessibility setting; each animated frame also repaints the canvas on the main thread a
 * load's work is waiting for). Later options (a filter changed) are drawn at once: the grow-in animation of every
 * re-created bar or cell repainted the canvas for 300 ms after each change, on the main thread the next charts were
 * waiting for (issue 19). The option read by tests and exports stays the one given.
 */
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { EChartsOption } from 'echarts'

/** The system's reduced-motion setting, read once per chart (false where there is no matchMedia: Node). */
const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches

export function useFirstDrawAnimation(option: MaybeRefOrGetter<EChartsOption>): ComputedRef<EChartsOption> {
  let drawnOnce = reducedMotion()
  return computed(() => {
    const o = toValue(option)
    if (!drawnOnce) { drawnOnce = true; return o }
    return { ...o, animation: false }
  })
}
