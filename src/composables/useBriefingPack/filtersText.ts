/** The current dashboard filters in words ("抚远市各乡镇 2021–2023 年"), reactive to language and data. */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDashboard } from '../useDashboard'
import { subtitleFromFilters } from '../../export/caption'
import { unitIndex } from '../../queries/hierarchy'

export function useFiltersText(): ComputedRef<string> {
  const { locale } = useI18n()
  const dash = useDashboard()
  return computed(() => {
    const byCode = unitIndex(dash.units.value)
    return subtitleFromFilters(dash.filters.value, {
      locale: locale.value, unitName: (c) => byCode.get(c)?.unitName, years: dash.years.value,
    })
  })
}
