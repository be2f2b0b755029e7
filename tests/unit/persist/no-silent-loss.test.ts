/**
 * Saved data is never lost silently (issue 17): each saved bundle is checked on its own (a bad one is removed and
 * named, the good ones restored); tabs tell each other about changes and a tab can save its own data again;
 * 清空数据 clears every bundle and every key of the app, tells the other tabs, and says what it cleared.
 */
import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, test, vi } from 'vitest'
import { createBundleStore, createPersistence, onWipe, type KeyValueStorage, type SavedNotice } from '../../../src/persist'
import { createTabChannel } from '../../../src/persist/channel'

const enc = (s: string) => new TextEncoder().encode(s)
const dec = (b: Uint8Array) => new TextDecoder().decode(b)

/** localStorage-like, with key()/length like the real one. */
function listable(init: Record<string, string> = {}): KeyValueStorage & Storage & { map: Map<string, string> } {
  const map = new Map(Object.entries(init))
  return {
    map,
    get length() { return map.size },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => { map.set(k, v) },
    removeItem: (k: string) => { map.delete(k) },
    clear: () => map.clear(),
  }
}

/** Put a record as a damaged or older store would hold it. */
async function putRaw(idb: IDBFactory, rec: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const r = idb.open('gdd-persist', 1)
    r.onupgradeneeded = () => r.result.createObjectStore('bundles', { keyPath: 'id', autoIncrement: true })
    r.onsuccess = () => resolve(r.result)
  })
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('bundles', 'readwrite')
    tx.objectStore('bundles').add(rec)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  db.close()
}

const channelName = () => `gdd-test-${Math.random().toString(36).slice(2)}`
const kinds = (ns: readonly SavedNotice[]) => ns.map((n) => n.kind)

describe('each saved bundle on its own', () => {
  test.each([
    ['a file without its content (the Blob lost)', { savedAt: 2000, files: [{ path: 'b/reports.csv' }] }],
    ['files that are not a list', { savedAt: 2000, files: 'b/reports.csv' }],
    ['a file without a path', { savedAt: 2000, files: [{ bytes: enc('x') }] }],
  ])('one bad bundle of three (%s): the two good ones restored, the bad one removed and named', async (_what, bad) => {
    const idb = new IDBFactory()
    const store = createBundleStore({ idb })
    await store.append([{ path: 'a/reports.csv', bytes: enc('A') }], 1000)
    await putRaw(idb, bad)
    await store.append([{ path: 'c/reports.csv', bytes: enc('C') }], 3000)
    const p = createPersistence({ store, storage: listable(), session: null, channel: createTabChannel(channelName()) })
    const got = await p.restore()
    expect(got.map((b) => dec(b.files[0].bytes))).toEqual(['A', 'C'])
    expect(p.notices.value).toHaveLength(1)
    const n = p.notices.value[0]
    expect(n.kind).toBe('dropped')
    if (n.kind !== 'dropped') return
    expect(n.bad.n).toBe(2)
    expect(n.kept).toBe(2)
    if (Array.isArray(bad.files) && (bad.files[0] as { path?: string }).path) expect(n.bad.paths).toEqual(['b/reports.csv'])
    // removed, so the next start restores the good ones without a notice
    const again = createPersistence({ store: createBundleStore({ idb }), storage: null, session: null, channel: createTabChannel(channelName()) })
    expect((await again.restore()).map((b) => dec(b.files[0].bytes))).toEqual(['A', 'C'])
    expect(again.notices.value).toEqual([])
  })

  test('a replay that fails is named and kept saved; the others are the tab\'s data', async () => {
    const store = createBundleStore({ idb: new IDBFactory() })
    await store.append([{ path: 'a.csv', bytes: enc('A') }], 1000)
    await store.append([{ path: 'b.csv', bytes: enc('B') }], 2000)
    const p = createPersistence({ store, storage: null, session: null, channel: createTabChannel(channelName()) })
    const [a] = await p.restore()
    p.replayFailed(a, '数据载入失败：no tables')
    expect(kinds(p.notices.value)).toEqual(['replayFailed'])
    expect((await store.list()).length).toBe(2)
  })
})

describe('two tabs', () => {
  async function twoTabs() {
    const idb = new IDBFactory()
    const name = channelName()
    const a = createPersistence({ store: createBundleStore({ idb }), storage: listable(), session: null, channel: createTabChannel(name) })
    const b = createPersistence({ store: createBundleStore({ idb }), storage: listable(), session: null, channel: createTabChannel(name) })
    return { idb, a, b }
  }

  test('tab B loading the sample empties the saved data: tab A is told, saves its own again, tab B is told in turn', async () => {
    const { idb, a, b } = await twoTabs()
    await a.afterLoad(a.snapshot([{ path: 'x/reports.csv', bytes: enc('X') }]), { sample: false })
    expect((await b.restore()).map((x) => dec(x.files[0].bytes))).toEqual(['X'])
    await vi.waitFor(() => expect(kinds(b.notices.value)).toEqual(['otherTab'])) // A's append, told to B
    b.dismiss(b.notices.value[0].id)
    await b.afterLoad(null, { sample: true })
    expect(await createBundleStore({ idb }).list()).toEqual([])
    await vi.waitFor(() => expect(a.notices.value.map((n) => n.kind === 'otherTab' && n.change)).toEqual(['sample']))
    const told = a.notices.value[0]
    expect(told.kind === 'otherTab' && told.canKeep).toBe(true)
    await a.keepMine()
    expect((await createBundleStore({ idb }).list()).map((x) => dec(x.files[0].bytes))).toEqual(['X'])
    expect(kinds(a.notices.value)).toEqual(['kept'])
    await vi.waitFor(() => expect(b.notices.value.map((n) => n.kind === 'otherTab' && n.change)).toEqual(['replace']))
  })

  test('a tab with nothing of its own is told, with nothing to keep', async () => {
    const { a, b } = await twoTabs()
    await b.afterLoad(null, { sample: true })
    await vi.waitFor(() => expect(a.notices.value).toHaveLength(1))
    const n = a.notices.value[0]
    expect(n.kind === 'otherTab' && n.canKeep).toBe(false)
  })
})

describe('清空数据', () => {
  test('every bundle and every key of the app (not the language); the memory holders and the other tabs are told; it says what went', async () => {
    const idb = new IDBFactory()
    const name = channelName()
    const storage = listable({
      'gdd.filters': '{"yearFrom":2020}', 'gdd.briefingPack.v1': '{"items":[{"caption":{"title":"浓桥镇"}}]}',
      'gdd.reviewMarks.v1': '{"k":{"status":"ok"}}', 'gdd.locale': 'zh-CN', 'other-app': 'kept',
    })
    const session = listable({ 'gdd.tmp': 'x' })
    const p = createPersistence({ store: createBundleStore({ idb }), storage, session, channel: createTabChannel(name) })
    const other = createPersistence({ store: createBundleStore({ idb }), storage: null, session: null, channel: createTabChannel(name) })
    await p.afterLoad([{ path: 'a.csv', bytes: enc('A') }], { sample: false })
    await p.afterLoad([{ path: 'b.csv', bytes: enc('B') }], { sample: false })
    let wiped = 0
    const off = onWipe(() => { wiped++ })
    await p.clear()
    off()
    expect(wiped).toBe(1)
    expect(await createBundleStore({ idb }).list()).toEqual([])
    expect([...storage.map.keys()].sort()).toEqual(['gdd.locale', 'other-app'])
    expect(session.map.size).toBe(0)
    const n = p.notices.value.at(-1)!
    expect(n.kind).toBe('cleared')
    if (n.kind === 'cleared') {
      expect(n.bundles).toBe(2)
      expect(n.keys.sort()).toEqual(['gdd.briefingPack.v1', 'gdd.filters', 'gdd.reviewMarks.v1', 'gdd.tmp'])
    }
    await vi.waitFor(() => expect(other.notices.value.map((x) => x.kind === 'otherTab' && x.change)).toContain('clear'))
  })
})
