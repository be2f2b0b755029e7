/**
 * A supervisor's township boundaries (GeoJSON) checked before anything is drawn: size and vertex budgets, WGS-84
 * longitude/latitude (projected metres, swapped axes, a declared GCJ-02/BD-09/Web-Mercator/Gauss CRS are refused with
 * the reason), rings that cross themselves (named, the map is still drawn). Pure: runs in a worker or in Node.
 */

/** Largest file read (characters): a county's townships are well under 5 MB even at survey precision. */
export const MAX_CHARS = 30_000_000
/** Most vertices kept (drawing and the self-intersection check stay interactive). */
const MAX_VERTICES = 1_500_000
/** Segment pairs compared per ring at most; longer rings are not checked for self-intersection (said so). */
const MAX_PAIRS = 4_000_000

export interface MapMessage { key: string; params?: Record<string, unknown> }
export type Position = [number, number]
export interface GeoFeature { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } }
export interface GeoCollection { type: 'FeatureCollection'; features: GeoFeature[] }

export type CheckResult =
  | { ok: true; geo: GeoCollection; warnings: MapMessage[]; vertices: number }
  | { ok: false; error: MapMessage }

const DECLARED_BAD = /gcj|bd-?09|3857|900913|mercator|gauss|45\d\d|2383|3395/i

function polygonsOf(g: GeoFeature['geometry']): Position[][][] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][]
}

export const featureLabel = (f: GeoFeature, i: number): string => {
  const p = f.properties ?? {}
  for (const k of NAME_KEYS) if (typeof p[k] === 'string' && p[k]) return p[k] as string
  for (const k of CODE_KEYS) if (p[k] != null && p[k] !== '') return String(p[k])
  return `#${i + 1}`
}
export const NAME_KEYS = ['name', 'NAME', 'Name', '名称', 'unit_name', 'XZQMC', 'xzqmc']
export const CODE_KEYS = ['unit_code', 'code', 'adcode', 'CODE', 'ADCODE', '区划代码', 'XZQDM', 'xzqdm', 'gb']

/** Segments (a,b) and (c,d) cross at a point inside both (touching ends of neighbours do not count). */
function cross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position): number => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))
  const o1 = o(a, b, c); const o2 = o(a, b, d); const o3 = o(c, d, a); const o4 = o(c, d, b)
  return o1 * o2 < 0 && o3 * o4 < 0
}

/** Whether a ring crosses itself (null: too long to check within the budget). */
export function ringSelfIntersects(ring: readonly Position[]): boolean | null {
  const n = ring.length - 1
  if (n < 4) return false
  if ((n * n) / 2 > MAX_PAIRS) return null
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue // the closing segment touches the first
      if (cross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true
    }
  }
  return false
}

export function checkGeoJson(text: string): CheckResult {
  if (text.length > MAX_CHARS) return { ok: false, error: { key: 'map.err.tooBig', params: { mb: (text.length / 1e6).toFixed(1), max: MAX_CHARS / 1e6 } } }
  let o: unknown
  try { o = JSON.parse(text) } catch (e) {
    return { ok: false, error: { key: 'map.err.json', params: { msg: e instanceof Error ? e.message.slice(0, 120) : String(e) } } }
  }
  const fc = o as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } }
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return { ok: false, error: { key: 'map.err.notCollection' } }
  const crsName = fc.crs?.properties?.name
  if (typeof crsName === 'string' && DECLARED_BAD.test(crsName)) return { ok: false, error: { key: 'map.err.declaredCrs', params: { name: crsName.slice(0, 80) } } }
  const features = (fc.features as GeoFeature[]).filter((f) => f && f.type === 'Feature' && f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
  if (!features.length) return { ok: false, error: { key: 'map.err.noPolygons' } }

  let vertices = 0
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity
  for (const f of features) {
    f.properties = f.properties && typeof f.properties === 'object' ? f.properties : {}
    for (const poly of polygonsOf(f.geometry)) {
      if (!Array.isArray(poly)) return { ok: false, error: { key: 'map.err.badGeometry', params: { name: featureLabel(f, 0) } } }
      for (const ring of poly) {
        if (!Array.isArray(ring) || ring.length < 3) return { ok: false, error: { key: 'map.err.badGeometry', params: { name: featureLabel(f, 0) } } }
        vertices += ring.length
        if (vertices > MAX_VERTICES) return { ok: false, error: { key: 'map.err.tooComplex', params: { max: MAX_VERTICES } } }
        for (const p of ring) {
          const x = Number(p?.[0]); const y = Number(p?.[1])
          if (!Number.isFinite(x) || !Number.isFinite(y)) return { ok: false, error: { key: 'map.err.badGeometry', params: { name: featureLabel(f, 0) } } }
          if (x < minX) minX = x; if (x > maxX) maxX = x; if (y < minY) minY = y; if (y > maxY) maxY = y
        }
        // an unclosed ring is closed (a common export quirk, not an error)
        const a = ring[0]; const b = ring[ring.length - 1]
        if (a[0] !== b[0] || a[1] !== b[1]) ring.push([a[0], a[1]])
      }
    }
  }
  // China lies within 73–136° E, 3–54° N: latitude/longitude given the other way round is a common mistake
  const inChina = (x0: number, x1: number, y0: number, y1: number): boolean => x0 >= 73 && x1 <= 136 && y0 >= 3 && y1 <= 54
  if (inChina(minY, maxY, minX, maxX)) return { ok: false, error: { key: 'map.err.swapped' } }
  if (Math.abs(minX) > 180 || Math.abs(maxX) > 180 || Math.abs(minY) > 90 || Math.abs(maxY) > 90) {
    return { ok: false, error: { key: 'map.err.projected', params: { x: Math.round(minX), y: Math.round(minY) } } }
  }
  if (!inChina(minX, maxX, minY, maxY)) {
    return { ok: false, error: { key: 'map.err.outside', params: { x: minX.toFixed(2), y: minY.toFixed(2) } } }
  }
  const warnings: MapMessage[] = []
  const crossing: string[] = []
  let unchecked = 0
  features.forEach((f, i) => {
    let bad = false
    for (const poly of polygonsOf(f.geometry)) for (const ring of poly) {
      const r = ringSelfIntersects(ring)
      if (r === null) unchecked++
      else if (r) bad = true
    }
    if (bad) crossing.push(featureLabel(f, i))
  })
  if (crossing.length) warnings.push({ key: 'map.warn.selfIntersect', params: { n: crossing.length, names: crossing.slice(0, 10).join('、') } })
  if (unchecked) warnings.push({ key: 'map.warn.unchecked', params: { n: unchecked } })
  return { ok: true, geo: { type: 'FeatureCollection', features }, warnings, vertices }
}
