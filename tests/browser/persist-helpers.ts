/** Shared by the persistence browser tests: settle after a (re)start, count saved bundles, scan every storage. */
import type { Page } from 'playwright-core'
import { WORK_BOUND } from './helpers'

/** Ready, retrying when DuckDB's start-up timed out (a heavily loaded machine can exceed the 60 s limit). */
export async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await page.waitForSelector('[data-state="ready"], [data-state="error"]', { timeout: WORK_BOUND })
    if ((await page.getAttribute('[data-state]', 'data-state')) !== 'error') return
    const msg = (await page.textContent('[data-testid="error-message"]')) ?? ''
    if (!msg.includes('未能启动')) return // a real error: let the assertions report it
    await page.click('[data-testid="retry"]')
    await page.waitForTimeout(500)
  }
}

/** Bundles in the app's IndexedDB store. */
export const savedCount = (page: Page) => page.evaluate(() => new Promise<number>((resolve, reject) => {
  const r = indexedDB.open('gdd-persist')
  r.onerror = () => reject(r.error)
  r.onupgradeneeded = () => r.result.createObjectStore('bundles', { keyPath: 'id', autoIncrement: true })
  r.onsuccess = () => {
    const db = r.result
    const c = db.transaction('bundles', 'readonly').objectStore('bundles').count()
    c.onsuccess = () => { db.close(); resolve(c.result) }
    c.onerror = () => reject(c.error)
  }
}))

export interface StorageScan {
  /** Records per database/store, for every IndexedDB database of the origin. */
  indexedDb: Record<string, number>
  localStorage: Record<string, string>
  sessionStorage: Record<string, string>
  caches: string[]
  /** Entries of the origin's private file system (OPFS) root. */
  opfs: string[]
}

/** Everything the origin holds in the browser, read from the page. */
export const scanStorage = (page: Page): Promise<StorageScan> => page.evaluate(async () => {
  const idb: Record<string, number> = {}
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue
    const db = await new Promise<IDBDatabase>((resolve, reject) => { const r = indexedDB.open(info.name!); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error) })
    for (const store of [...db.objectStoreNames]) {
      idb[`${info.name}/${store}`] = await new Promise<number>((resolve, reject) => {
        const c = db.transaction(store, 'readonly').objectStore(store).count()
        c.onsuccess = () => resolve(c.result)
        c.onerror = () => reject(c.error)
      })
    }
    db.close()
  }
  const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k) ?? '']))
  const opfs: string[] = []
  try {
    const root = await navigator.storage.getDirectory() as unknown as { keys(): AsyncIterable<string> }
    for await (const k of root.keys()) opfs.push(k)
  } catch { /* no OPFS */ }
  return { indexedDb: idb, localStorage: dump(localStorage), sessionStorage: dump(sessionStorage), caches: 'caches' in globalThis ? await caches.keys() : [], opfs }
})
