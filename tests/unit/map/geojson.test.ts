/**
 * Township boundaries (src/map): the sample's boundaries match every sample township and subdistrict (by code, by
 * 9-digit code, by name with suffix variants); wrong coordinate systems, a declared GCJ-02 CRS, swapped axes,
 * self-crossing rings and oversized files are refused or named with a clear message.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX_CHARS, checkGeoJson, ringSelfIntersects, type Position } from '../../../src/map/geojson'
import { baseName, matchFeatures } from '../../../src/map/match'
import messages from '../../../src/i18n/features/map'

const sampleText = readFileSync(new URL('../../../data/sample/map/demo-county.geojson', import.meta.url), 'utf8')
const sampleUnits = readFileSync(new URL('../../../data/sample/demo/units.csv', import.meta.url), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split(',')).map(([unitCode, unitName]) => ({ unitCode, unitName }))
const townships = sampleUnits.filter((u) => /(镇|乡|街道)$/.test(u.unitName))

const square = (x: number, y: number, d = 0.01): Position[] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]
const fc = (coords: Position[][], props: Record<string, unknown> = { name: '青山镇' }, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features: [{ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: coords } }] })
const errorKey = (text: string): string | null => { const r = checkGeoJson(text); return r.ok ? null : r.error.key }

describe('the sample boundaries', () => {
  it('match every sample township and subdistrict, by code and by name variants', () => {
    const r = checkGeoJson(sampleText)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.warnings).toEqual([])
    const m = matchFeatures(r.geo, sampleUnits)
    expect(m.unmatched).toEqual([])
    expect(new Set(m.byFeature.values())).toEqual(new Set(townships.map((u) => u.unitCode)))
    expect(m.how.code).toBe(3)
    expect(m.how.name).toBe(9)
    expect(m.geo.features.map((f) => f.properties.name)).toContain('东城街道')
  })
})

describe('matching by name', () => {
  it('drops the usual suffixes', () => {
    expect(['青山镇', '白水乡', '东城街道', '东城街道办事处', '东城办事处', '青山'].map(baseName)).toEqual(['青山', '白水', '东城', '东城', '东城', '青山'])
  })
  it('an ambiguous name is unmatched, not guessed', () => {
    const r = checkGeoJson(fc([square(113, 28)], { name: '新村' }))
    if (!r.ok) throw new Error('not ok')
    const m = matchFeatures(r.geo, [{ unitCode: '1', unitName: '新村镇' }, { unitCode: '2', unitName: '新村乡' }])
    expect(m.unmatched).toEqual(['新村'])
    expect(m.unitsWithout).toHaveLength(2)
  })
})

describe('bad boundaries get a clear message', () => {
  it('projected metres', () => expect(errorKey(fc([square(500000, 3100000, 1000)]))).toBe('map.err.projected'))
  it('a declared GCJ-02 or Web Mercator CRS', () => {
    expect(errorKey(fc([square(113, 28)], undefined, { crs: { type: 'name', properties: { name: 'GCJ-02' } } }))).toBe('map.err.declaredCrs')
    expect(errorKey(fc([square(113, 28)], undefined, { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } } }))).toBe('map.err.declaredCrs')
  })
  it('latitude and longitude swapped', () => expect(errorKey(fc([square(28, 113)]))).toBe('map.err.swapped'))
  it('outside China', () => expect(errorKey(fc([square(2.3, 48.8)]))).toBe('map.err.outside'))
  it('not JSON, not a FeatureCollection, no polygons', () => {
    expect(errorKey('{"type":')).toBe('map.err.json')
    expect(errorKey('{"type":"Feature"}')).toBe('map.err.notCollection')
    expect(errorKey('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[113,28]}}]}')).toBe('map.err.noPolygons')
  })
  it('a huge file is refused before parsing', () => {
    const r = checkGeoJson(' '.repeat(MAX_CHARS + 1))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toEqual({ key: 'map.err.tooBig', params: { mb: expect.any(String), max: MAX_CHARS / 1e6 } })
  })
  it('a self-crossing ring is named (the map is still drawn)', () => {
    const bow: Position[] = [[113, 28], [113.1, 28.1], [113.1, 28], [113, 28.1], [113, 28]]
    expect(ringSelfIntersects(bow)).toBe(true)
    expect(ringSelfIntersects(square(113, 28))).toBe(false)
    const r = checkGeoJson(fc([bow], { name: '青山镇' }))
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.warnings).toEqual([{ key: 'map.warn.selfIntersect', params: { n: 1, names: '青山镇' } }])
  })
  it('an unclosed ring is closed, not refused', () => {
    const open = square(113, 28).slice(0, 4)
    const r = checkGeoJson(fc([open]))
    expect(r.ok).toBe(true)
  })
  it('every message has Chinese and English text', () => {
    const keys = ['tooBig', 'json', 'notCollection', 'noPolygons', 'declaredCrs', 'projected', 'swapped', 'outside', 'tooComplex', 'badGeometry']
    for (const k of keys) {
      expect((messages['zh-CN'].map.err as Record<string, string>)[k], k).toMatch(/[\u4e00-\u9fff]/)
      expect((messages.en.map.err as Record<string, string>)[k], k).toMatch(/[a-z]/)
    }
  })
})
