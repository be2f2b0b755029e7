/** src/persist/bundles.ts under fake-indexeddb: order, bytes, one transaction per bundle, quota. */
import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, test } from 'vitest'
import { PersistError, createBundleStore, isQuotaError, snapshotFiles } from '../../../src/persist/bundles'

const enc = (s: string) => new TextEncoder().encode(s)
const dec = (b: Uint8Array) => new TextDecoder().decode(b)

describe('bundle store', () => {
  test('append keeps every bundle, in load order, with its bytes', async () => {
    const idb = new IDBFactory()
    const store = createBundleStore({ idb })
    expect(await store.list()).toEqual([])
    const a = await store.append([{ path: 'a/reports.csv', bytes: enc('unit_code,year\n1,2023\n') }], 1000)
    const b = await store.append([{ path: 'b/reports.csv', bytes: enc('单位,年度\n') }, { path: 'b/units.csv', bytes: new Uint8Array([0xb5, 0xa5]) }], 2000)
    expect(b.id).toBeGreaterThan(a.id)
    store.close()
    // A new connection (a reload) sees the same.
    const again = createBundleStore({ idb })
    const list = await again.list()
    expect(list.map((x) => x.savedAt)).toEqual([1000, 2000])
    expect(list.map((x) => x.files.map((f) => f.path))).toEqual([['a/reports.csv'], ['b/reports.csv', 'b/units.csv']])
    expect(dec(list[0].files[0].bytes)).toBe('unit_code,year\n1,2023\n')
    expect(dec(list[1].files[0].bytes)).toBe('单位,年度\n')
    expect([...list[1].files[1].bytes]).toEqual([0xb5, 0xa5])
    expect(list[1].files[1].bytes).toBeInstanceOf(Uint8Array)
  })

  test('clear removes everything', async () => {
    const store = createBundleStore({ idb: new IDBFactory() })
    await store.append([{ path: 'x.csv', bytes: enc('x') }])
    await store.clear()
    expect(await store.list()).toEqual([])
    // Numbers keep growing after a clear (never reused).
    const n = await store.append([{ path: 'y.csv', bytes: enc('y') }])
    expect((await store.list()).map((x) => x.id)).toEqual([n.id])
  })

  test('snapshot copies the bytes: detaching the original (transfer to a worker) leaves the copy', async () => {
    const bytes = enc('abc')
    const [copy] = snapshotFiles([{ path: 'p.csv', bytes }])
    structuredClone(bytes.buffer, { transfer: [bytes.buffer] }) // detach, as postMessage(…, [buffer]) does
    expect(bytes.byteLength).toBe(0)
    expect(copy.blob).toBeInstanceOf(Blob)
    expect(await copy.blob.text()).toBe('abc')
  })

  test('a snapshot is saved as a Blob and read back as bytes; records saved with bytes (before Blobs) still read', async () => {
    const idb = new IDBFactory()
    const store = createBundleStore({ idb })
    await store.append(snapshotFiles([{ path: 'new.csv', bytes: enc('新的') }]), 2000)
    // a record as the earlier version wrote it: the bytes themselves
    const db = await new Promise<IDBDatabase>((resolve) => { const r = idb.open('gdd-persist', 1); r.onsuccess = () => resolve(r.result) })
    await new Promise<void>((resolve) => {
      const tx = db.transaction('bundles', 'readwrite')
      tx.objectStore('bundles').add({ savedAt: 1000, files: [{ path: 'old.csv', bytes: enc('旧的') }] })
      tx.oncomplete = () => resolve()
    })
    db.close()
    const raw = await new Promise<unknown[]>((resolve) => {
      const r = idb.open('gdd-persist', 1)
      r.onsuccess = () => { const g = r.result.transaction('bundles').objectStore('bundles').getAll(); g.onsuccess = () => { resolve(g.result); r.result.close() } }
    })
    expect((raw[0] as { files: { blob: unknown }[] }).files[0].blob).toBeInstanceOf(Blob)
    const list = await store.list()
    expect(list.map((b) => b.files[0].path)).toEqual(['new.csv', 'old.csv'])
    expect(list.map((b) => dec(b.files[0].bytes))).toEqual(['新的', '旧的'])
    expect(list[0].files[0].bytes).toBeInstanceOf(Uint8Array)
    store.close()
  })

  test('a failed write (quota) rejects with reason "quota" and leaves the earlier bundles intact', async () => {
    const idb = new IDBFactory()
    const store = createBundleStore({ idb })
    await store.append([{ path: 'first.csv', bytes: enc('first') }])
    // Make the next add() fail the way a full disk does: the transaction aborts with QuotaExceededError.
    const proto = Object.getPrototypeOf((await (async () => {
      const r = idb.open('probe'); await new Promise((res) => { r.onsuccess = res; r.onupgradeneeded = () => r.result.createObjectStore('s') })
      const os = r.result.transaction('s', 'readwrite').objectStore('s'); return os
    })())) as { add: (...a: unknown[]) => unknown }
    const orig = proto.add
    proto.add = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError') }
    try {
      const err = await store.append([{ path: 'second.csv', bytes: enc('second') }]).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(PersistError)
      expect((err as PersistError).reason).toBe('quota')
    } finally {
      proto.add = orig
    }
    expect((await store.list()).map((b) => b.files[0].path)).toEqual(['first.csv'])
  })

  test('no IndexedDB: list/append reject with reason "unavailable"', async () => {
    const store = createBundleStore({ idb: null })
    await expect(store.list()).rejects.toMatchObject({ reason: 'unavailable' })
    await expect(store.append([])).rejects.toMatchObject({ reason: 'unavailable' })
  })

  test('isQuotaError', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true)
    expect(isQuotaError({ code: 22 })).toBe(true)
    expect(isQuotaError(new Error('x'))).toBe(false)
    expect(isQuotaError(null)).toBe(false)
  })
})
