/**
 * The township map as ECharts knows it: one name for the boundaries as drawn (features named after their matched
 * units). A chart option refers to a map by name only, so a briefing pack's map snapshot needs that name registered
 * after a reload too: the drawn boundaries are saved (localStorage, with the data's other `gdd.` keys) and
 * registered again when the app starts, before any pack item is drawn.
 */
import type { GeoCollection } from './geojson'

export const MAP_NAME = 'gdd-township'
const DRAWN_KEY = 'gdd.map.drawn.v1'
/** The drawn boundaries are kept when no larger than this (localStorage is shared by every saved part). */
const DRAWN_MAX = 1_500_000

type Register = (name: string, geo: GeoCollection) => void

async function echartsRegister(): Promise<Register> {
  const { echarts } = await import('../charts/echarts')
  return (name, geo) => echarts.registerMap(name, geo as unknown as Parameters<typeof echarts.registerMap>[1])
}

/** Register the drawn boundaries (and keep them for the next visit). */
export async function registerDrawn(geo: GeoCollection, register?: Register): Promise<void> {
  ;(register ?? await echartsRegister())(MAP_NAME, geo)
  try {
    const json = JSON.stringify(geo)
    if (json.length <= DRAWN_MAX) localStorage.setItem(DRAWN_KEY, json)
    else localStorage.removeItem(DRAWN_KEY)
  } catch { /* storage full or disabled: pack items with the map draw again once the map view is opened */ }
}

/** At start-up: the boundaries drawn last time, registered so saved pack items draw. */
export async function registerSaved(): Promise<boolean> {
  let raw: string | null = null
  try { raw = localStorage.getItem(DRAWN_KEY) } catch { return false }
  if (!raw) return false
  try {
    const geo = JSON.parse(raw) as GeoCollection
    if (geo?.type !== 'FeatureCollection' || !Array.isArray(geo.features)) return false
    ;(await echartsRegister())(MAP_NAME, geo)
    return true
  } catch { return false }
}

export function forgetDrawn(): void {
  try { localStorage.removeItem(DRAWN_KEY) } catch { /* storage disabled */ }
}
