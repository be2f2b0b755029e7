/**
 * The sample bundle shipped with the app: data/sample/**\/*.csv, emitted by Vite as assets and
 * fetched from this origin (works offline on an intranet server, no CDN).
 */
import type { SourceFile } from '../../ingest/types'

const SAMPLE_URLS = import.meta.glob('/data/sample/**/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>

export async function fetchSampleFiles(onFile?: (done: number, total: number, path: string) => void): Promise<SourceFile[]> {
  const entries = Object.entries(SAMPLE_URLS).sort(([a], [b]) => a.localeCompare(b))
  let done = 0
  return Promise.all(entries.map(async ([key, url]) => {
    const res = await fetch(url)
    if (!res.ok) throw new Error(`${key}: HTTP ${res.status}`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    onFile?.(++done, entries.length, key)
    // '/data/sample/nongqiao/reports.csv' → 'sample/nongqiao/reports.csv'
    return { path: key.replace(/^\/data\//, ''), bytes }
  }))
}

/** `?nosample` in the page URL or in the hash route's query skips the automatic sample (tests). */
export function sampleSkipped(loc: Pick<Location, 'search' | 'hash'> = window.location): boolean {
  if (new URLSearchParams(loc.search).has('nosample')) return true
  const q = loc.hash.indexOf('?')
  return q >= 0 && new URLSearchParams(loc.hash.slice(q + 1)).has('nosample')
}
