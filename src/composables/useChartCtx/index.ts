/** The option builders' context (translate + locale) from vue-i18n, reactive to the language switch. */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ChartCtx } from '../../charts/types'

export function useChartCtx(): ComputedRef<ChartCtx> {
  const { t, locale } = useI18n()
  // Reading locale.value inside makes every option recompute when the language changes.
  return computed<ChartCtx>(() => {
    const l = locale.value
    return { t: (key, named) => (named ? t(key, named) : t(key)), locale: l }
  })
}
