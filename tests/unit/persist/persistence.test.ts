/** src/persist/index.ts: what the dashboard calls — sample vs user bundles, quota notice, filters, clear. */
import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, test } from 'vitest'
import { PersistError, createBundleStore, createPersistence, loadFilters, saveFilters, sanitiseFilters, type BundleStore, type KeyValueStorage } from '../../../src/persist'

const enc = (s: string) => new TextEncoder().encode(s)

function memStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => { map.set(k, v) }, removeItem: (k) => { map.delete(k) } }
}

describe('persistence', () => {
  test('user bundles are appended, the sample empties the store, clear wipes bundles and filters', async () => {
    const storage = memStorage()
    const p = createPersistence({ store: createBundleStore({ idb: new IDBFactory() }), storage })
    await p.afterLoad(p.snapshot([{ path: 'a.csv', bytes: enc('a') }]), { sample: false })
    await p.afterLoad(p.snapshot([{ path: 'b.csv', bytes: enc('b') }]), { sample: false })
    expect((await p.restore()).map((b) => b.files[0].path)).toEqual(['a.csv', 'b.csv'])
    await p.afterLoad(null, { sample: true })
    expect(await p.restore()).toEqual([])
    await p.afterLoad(p.snapshot([{ path: 'c.csv', bytes: enc('c') }]), { sample: false })
    p.saveFilters({ yearFrom: 2020, unitCodes: ['01'] })
    expect(p.loadFilters()).toEqual({ yearFrom: 2020, unitCodes: ['01'] })
    await p.clear()
    expect(await p.restore()).toEqual([])
    expect(p.loadFilters()).toEqual({})
    expect(storage.map.size).toBe(0)
  })

  test('quota exceeded: no throw, a "quota" notice; the next good save clears it', async () => {
    let full = true
    const inner = createBundleStore({ idb: new IDBFactory() })
    const store: BundleStore = {
      ...inner,
      append: (files, now) => (full ? Promise.reject(new PersistError('quota', 'full')) : inner.append(files, now)),
    }
    const p = createPersistence({ store, storage: memStorage() })
    await expect(p.afterLoad([{ path: 'a.csv', bytes: enc('a') }], { sample: false })).resolves.toBeUndefined()
    expect(p.notice.value?.reason).toBe('quota')
    full = false
    await p.afterLoad([{ path: 'b.csv', bytes: enc('b') }], { sample: false })
    expect(p.notice.value).toBeNull()
  })

  test('unreadable store: restore gives [] (the app falls back to the sample)', async () => {
    const p = createPersistence({ store: createBundleStore({ idb: null }), storage: null })
    expect(await p.restore()).toEqual([])
    await p.afterLoad([{ path: 'a.csv', bytes: enc('a') }], { sample: false })
    expect(p.notice.value?.reason).toBe('unavailable')
    expect(p.loadFilters()).toEqual({})
  })
})

describe('filters in localStorage', () => {
  test('round trip, empty removes, junk is dropped', () => {
    const s = memStorage()
    saveFilters({ yearFrom: 2019, yearTo: 2023, level: '县', drill: '0101' }, s)
    expect(loadFilters(s)).toEqual({ yearFrom: 2019, yearTo: 2023, level: '县', drill: '0101' })
    saveFilters({}, s)
    expect(s.map.size).toBe(0)
    s.setItem('gdd.filters', '{not json')
    expect(loadFilters(s)).toEqual({})
    expect(sanitiseFilters({ yearFrom: '2020', unitCodes: [1, '', 'a'], evil: '<script>' })).toEqual({ unitCodes: ['a'] })
    expect(sanitiseFilters([1])).toEqual({})
  })

  test('a throwing storage (disabled) is harmless', () => {
    const bad: KeyValueStorage = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('denied') }, removeItem: () => { throw new Error('denied') } }
    expect(() => saveFilters({ yearFrom: 2020 }, bad)).not.toThrow()
    expect(loadFilters(bad)).toEqual({})
  })
})
