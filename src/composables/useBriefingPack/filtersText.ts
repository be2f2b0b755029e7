/** The current dashboard filters in words ("抚远市各乡镇 2021–2023 年"), reactive to language and data. */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDashboard } from '../useDashboard'
import { subtitleFromFilters } from '../../charts/export/caption'
import type { UnitRow } from '../../queries/rows'

// Every chart card asks for this text: the code → name index of a province's ~8,000 units is built once per
// unit list, not once per card and filter change.
const namesOf = new WeakMap<readonly UnitRow[], Map<string, string>>()
function unitNames(units: readonly UnitRow[]): Map<string, string> {
  let m = namesOf.get(units)
  if (!m) namesOf.set(units, (m = new Map(units.map((u) => [u.unitCode, u.unitName]))))
  return m
}

export function useFiltersText(): ComputedRef<string> {
  const { locale } = useI18n()
  const dash = useDashboard()
  return computed(() => {
    const names = unitNames(dash.units.value)
    return subtitleFromFilters(dash.filters.value, {
      locale: locale.value, unitName: (c) => names.get(c), years: dash.years.value,
    })
  })
}
