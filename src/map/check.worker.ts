/** Checks a GeoJSON text off the main thread (a large file's parse and ring checks never freeze the tab). */
import { checkGeoJson } from './geojson'

self.onmessage = (e: MessageEvent<string>) => {
  try { self.postMessage(checkGeoJson(e.data)) } catch (err) {
    self.postMessage({ ok: false, error: { key: 'map.err.read', params: { msg: err instanceof Error ? err.message : String(err) } } })
  }
}
