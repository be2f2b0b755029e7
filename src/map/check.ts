/** Run the GeoJSON checks in a worker (main thread only where workers are unavailable). */
import { checkGeoJson, type CheckResult } from './geojson'

export function checkInWorker(text: string): Promise<CheckResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(checkGeoJson(text))
  return new Promise((resolve) => {
    const w = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' })
    const done = (r: CheckResult): void => { w.terminate(); resolve(r) }
    w.onmessage = (e: MessageEvent<CheckResult>) => done(e.data)
    w.onerror = (e) => done({ ok: false, error: { key: 'map.err.read', params: { msg: e.message || 'worker' } } })
    w.postMessage(text)
  })
}
