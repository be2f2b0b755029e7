/**
 * "清空数据" beyond the saved bundles: every key the app keeps in localStorage/sessionStorage (all named `gdd.…`:
 * filters, briefing pack, review marks) except the interface language, which is a preference and holds no data.
 * The app keeps nothing in CacheStorage or OPFS (tests/browser/persist-tabs.test.ts scans every storage after a
 * clear). Parts of the app that hold such data in memory (the briefing pack, the review marks) listen with onWipe.
 */
import { FILTERS_KEY, type KeyValueStorage } from './filters'

const APP_KEY_PREFIX = 'gdd.'
/** Kept by a clear: preferences, not data. */
const KEPT_KEYS: readonly string[] = ['gdd.locale']

/** Remove the app's keys; the keys removed. A storage that cannot list its keys (a test fake) loses the filters' key. */
export function wipeKeys(storage: KeyValueStorage | null): string[] {
  if (!storage) return []
  const gone: string[] = []
  try {
    const keys: string[] = []
    if ('key' in storage && 'length' in storage) {
      const s = storage as Storage
      for (let i = 0; i < s.length; i++) { const k = s.key(i); if (k != null) keys.push(k) }
    } else if (storage.getItem(FILTERS_KEY) != null) keys.push(FILTERS_KEY)
    for (const k of keys) {
      if (k.startsWith(APP_KEY_PREFIX) && !KEPT_KEYS.includes(k)) { storage.removeItem(k); gone.push(k) }
    }
  } catch { /* disabled storage: nothing stored */ }
  return gone
}

const listeners = new Set<() => void>()

/** Run `fn` when the app's data is cleared (drop what is held in memory); returns the unsubscribe. */
export function onWipe(fn: () => void): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

export function notifyWiped(): void {
  for (const fn of listeners) {
    try { fn() } catch (e) { console.warn('wipe', e) }
  }
}
