/**
 * useTownshipMap — the boundaries the supervisor loaded (or the sample's, with the sample data), checked in a
 * worker, kept in localStorage under a `gdd.` key when small enough (cleared with the data by "清空数据").
 * Shared: one set of boundaries per app.
 */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { checkInWorker } from '../../map/check'
import type { GeoCollection, MapMessage } from '../../map/geojson'
import { onWipe } from '../../persist/wipe'
import { forgetDrawn } from '../../map/registry'

const MAP_KEY = 'gdd.map.v1'
/** Boundary files up to this size are kept in localStorage (its quota is ~5 MB per origin, shared). */
const MAP_SAVE_MAX = 1_500_000

const SAMPLE = import.meta.glob('/data/sample/map/*.geojson', { query: '?url', import: 'default', eager: true }) as Record<string, string>

export interface UseTownshipMapReturn {
  geo: ShallowRef<GeoCollection | null>
  source: Ref<{ name: string; sample: boolean } | null>
  error: ShallowRef<MapMessage | null>
  warnings: ShallowRef<MapMessage[]>
  notice: ShallowRef<MapMessage | null>
  busy: Ref<boolean>
  version: Ref<number>
  loadText(text: string, name: string, sample?: boolean): Promise<boolean>
  loadSample(): Promise<boolean>
  restore(): Promise<boolean>
  clear(): void
}

function create(): UseTownshipMapReturn {
  const geo = shallowRef<GeoCollection | null>(null)
  const source = ref<{ name: string; sample: boolean } | null>(null)
  const error = shallowRef<MapMessage | null>(null)
  const warnings = shallowRef<MapMessage[]>([])
  const notice = shallowRef<MapMessage | null>(null)
  const busy = ref(false)
  const version = ref(0)

  async function loadText(text: string, name: string, sample = false): Promise<boolean> {
    busy.value = true
    try {
      const r = await checkInWorker(text)
      if (!r.ok) { error.value = r.error; return false }
      geo.value = r.geo
      warnings.value = r.warnings
      error.value = null
      source.value = { name, sample }
      version.value++
      notice.value = null
      try {
        if (sample) localStorage.removeItem(MAP_KEY)
        else if (text.length <= MAP_SAVE_MAX) localStorage.setItem(MAP_KEY, JSON.stringify({ name, text }))
        else notice.value = { key: 'map.notSaved', params: { mb: (text.length / 1e6).toFixed(1) } }
      } catch { notice.value = { key: 'map.notSaved', params: { mb: (text.length / 1e6).toFixed(1) } } }
      return true
    } finally { busy.value = false }
  }

  async function loadSample(): Promise<boolean> {
    const url = Object.values(SAMPLE)[0]
    if (!url) return false
    const res = await fetch(url)
    return res.ok ? loadText(await res.text(), 'demo-county.geojson', true) : false
  }

  async function restore(): Promise<boolean> {
    try {
      const raw = localStorage.getItem(MAP_KEY)
      if (!raw) return false
      const o = JSON.parse(raw) as { name?: unknown; text?: unknown }
      return typeof o.text === 'string' ? loadText(o.text, typeof o.name === 'string' ? o.name : 'map.geojson') : false
    } catch { return false }
  }

  function clear(): void {
    geo.value = null; source.value = null; warnings.value = []; error.value = null; notice.value = null; version.value++
    try { localStorage.removeItem(MAP_KEY) } catch { /* storage disabled */ }
    forgetDrawn()
  }
  onWipe(() => { geo.value = null; source.value = null; warnings.value = []; version.value++ })
  return { geo, source, error, warnings, notice, busy, version, loadText, loadSample, restore, clear }
}

let shared: UseTownshipMapReturn | null = null
export function useTownshipMap(): UseTownshipMapReturn {
  return (shared ??= create())
}
