/**
 * Boundaries ↔ units: by code (the unit's code, or a 9-digit township code the 12-digit unit code extends with
 * zeros), else by name with the usual suffix variants — 青山 / 青山镇, 东城街道 / 东城街道办事处 / 东城办事处 — when
 * exactly one unit has that name. Every feature gets `properties.name` = the matched unit's name (the map series
 * keys on it); the unmatched features and the units without a boundary are listed.
 */
import { CODE_KEYS, NAME_KEYS, featureLabel, type GeoCollection } from './geojson'

export interface MapUnit { unitCode: string; unitName: string }
export interface MatchResult {
  geo: GeoCollection
  /** feature index → unit code */
  byFeature: Map<number, string>
  unmatched: string[]
  /** Units (of those given) that no feature matched. */
  unitsWithout: MapUnit[]
  how: { code: number; name: number }
}

const SUFFIXES = ['街道办事处', '办事处', '街道', '民族乡', '镇', '乡']

/** A township/subdistrict name without its suffix (青山镇 → 青山, 东城街道办事处 → 东城). */
export function baseName(name: string): string {
  const n = name.replace(/\s+/g, '').trim()
  for (const s of SUFFIXES) if (n.length > s.length && n.endsWith(s)) return n.slice(0, -s.length)
  return n
}

function codeOf(p: Record<string, unknown>): string | null {
  for (const k of CODE_KEYS) {
    const v = p[k]
    if ((typeof v === 'string' && v.trim()) || typeof v === 'number') return String(v).trim()
  }
  return null
}
function nameOf(p: Record<string, unknown>): string | null {
  for (const k of NAME_KEYS) if (typeof p[k] === 'string' && (p[k] as string).trim()) return (p[k] as string).trim()
  return null
}

export function matchFeatures(geo: GeoCollection, units: readonly MapUnit[]): MatchResult {
  const byCode = new Map(units.map((u) => [u.unitCode, u]))
  const byName = new Map<string, MapUnit[]>()
  for (const u of units) {
    for (const k of new Set([u.unitName, baseName(u.unitName)])) byName.set(k, [...(byName.get(k) ?? []), u])
  }
  const byFeature = new Map<number, string>()
  const unmatched: string[] = []
  const how = { code: 0, name: 0 }
  const features = geo.features.map((f, i) => {
    const p = f.properties
    const code = codeOf(p)
    let unit: MapUnit | undefined
    if (code) {
      unit = byCode.get(code) ?? (/^\d{6,11}$/.test(code) ? byCode.get(code.padEnd(12, '0')) : undefined)
      if (unit) how.code++
    }
    if (!unit) {
      const name = nameOf(p)
      const hits = name ? (byName.get(name) ?? byName.get(baseName(name)) ?? []) : []
      const distinct = [...new Map(hits.map((u) => [u.unitCode, u])).values()]
      if (distinct.length === 1) { unit = distinct[0]; how.name++ }
    }
    if (unit) byFeature.set(i, unit.unitCode)
    else unmatched.push(featureLabel(f, i))
    return { ...f, properties: { ...p, name: unit ? unit.unitName : `${featureLabel(f, i)}` } }
  })
  const matched = new Set(byFeature.values())
  return { geo: { type: 'FeatureCollection', features }, byFeature, unmatched, unitsWithout: units.filter((u) => !matched.has(u.unitCode)), how }
}
