/**
 * How many unit-years behind the charts carry error findings (badge on every chart panel). One
 * query per scope (the current filters, or one unit's years on the unit profile), shared by all the
 * panels showing that scope and stopped when the last of them unmounts.
 */
import { computed, effectScope, onScopeDispose, shallowRef, watch, type ComputedRef, type EffectScope, type ShallowRef } from 'vue'
import { useQuery } from '../../composables/useQuery'
import { errorInputsQuery, type ErrorInputsRow } from '../../queries/errorInputs'

interface Entry { scope: EffectScope; rows: ShallowRef<ErrorInputsRow[]>; users: number }
const entries = new Map<string, Entry>()

function acquire(unitCode: string | undefined): Entry {
  const key = unitCode ?? ''
  let e = entries.get(key)
  if (!e) {
    const scope = effectScope(true)
    const q = scope.run(() => useQuery<ErrorInputsRow>((f) => errorInputsQuery(f, unitCode != null ? { unitCode } : {})))!
    e = { scope, rows: q.rows, users: 0 }
    entries.set(key, e)
  }
  e.users++
  return e
}

function release(unitCode: string | undefined): void {
  const key = unitCode ?? ''
  const e = entries.get(key)
  if (!e || --e.users > 0) return
  e.scope.stop()
  entries.delete(key)
}

/** Unit-years with error findings in the chart's scope; null while unknown (not loaded yet). */
export function useErrorInputs(unitCode: () => string | undefined): ComputedRef<number | null> {
  const entry = shallowRef<{ code: string | undefined; e: Entry } | null>(null)
  watch(unitCode, (code) => {
    const old = entry.value
    if (old && old.code === code) return
    entry.value = { code, e: acquire(code) }
    if (old) release(old.code)
  }, { immediate: true })
  onScopeDispose(() => { if (entry.value) release(entry.value.code); entry.value = null })
  return computed(() => {
    const rows = entry.value?.e.rows.value
    return rows && rows.length ? rows[0].n : null
  })
}
