/**
 * The saved database's store (src/persist/snapshot.ts): opens only for exactly the bundles it was made of, and
 * every damage (a byte changed, a part missing, a broken manifest) is refused with its reason before DuckDB sees it.
 */
import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, test } from 'vitest'
import { SnapshotBroken, checksum, createSnapshotStore, ledgerKey, savedPart, type SavedDb } from '../../../src/persist/snapshot'
import type { DbSnapshot } from '../../../src/db/snapshot'
import { capAnswers } from '../../../src/persist/answers'

const built = (): DbSnapshot => ({
  nextFileId: 3,
  tables: [
    { name: 'summary', ddl: 'CREATE TABLE summary(a INTEGER);', rows: 2, bytes: new Uint8Array([1, 2, 3, 4, 5]) },
    { name: 'files', ddl: 'CREATE TABLE files(file_id INTEGER);', rows: 1, bytes: new Uint8Array([9, 8, 7]) },
  ],
})
const snap = (): SavedDb => { const b = built(); return { nextFileId: b.nextFileId, parts: b.tables.map(savedPart) } }
const file = (path: string, text: string) => ({ path, blob: new Blob([text]) })

async function reason(p: Promise<unknown>): Promise<string> {
  try { await p } catch (e) { return e instanceof SnapshotBroken ? e.reason : `other: ${String(e)}` }
  return 'opened'
}

describe('saved database store', () => {
  test('the bundles key changes with a bundle, a file or a size; none while a save is pending', () => {
    const a = ledgerKey([{ id: 1, saved: [file('a.csv', 'x,y')] }])
    expect(a).toBe(ledgerKey([{ id: 1, saved: [file('a.csv', 'x,z')] }])) // same size: same key (contents are checked by read_csv's replay)
    expect(a).not.toBe(ledgerKey([{ id: 2, saved: [file('a.csv', 'x,y')] }]))
    expect(a).not.toBe(ledgerKey([{ id: 1, saved: [file('a.csv', 'x,yy')] }]))
    expect(a).not.toBe(ledgerKey([{ id: 1, saved: [file('a.csv', 'x,y')] }, { id: 2, saved: [file('b.csv', '1')] }]))
    expect(ledgerKey([{ id: null, saved: [file('a.csv', 'x,y')] }])).toBeNull()
    expect(ledgerKey([])).toBeNull()
    expect(checksum(new Uint8Array([1, 2, 3]))).not.toBe(checksum(new Uint8Array([1, 2, 4])))
  })

  test('round trip for the same bundles; stale for others; none when nothing is saved or after clear', async () => {
    const store = createSnapshotStore({ idb: new IDBFactory() })
    expect(await reason(store.open('k1'))).toBe('none')
    await store.save(snap(), 'k1', { ingestFindings: [{ rule: 'x' }] }, 1000)
    const got = await store.open('k1')
    expect(got.snap.nextFileId).toBe(3)
    expect(got.snap.tables.map((t) => [t.name, t.rows, [...t.bytes]])).toEqual([['summary', 2, [1, 2, 3, 4, 5]], ['files', 1, [9, 8, 7]]])
    expect(got.state).toEqual({ ingestFindings: [{ rule: 'x' }] })
    expect(await reason(store.open('k2'))).toBe('stale')
    await store.clear()
    expect(await reason(store.open('k1'))).toBe('none')
  })

  test('a changed byte, a missing part or a broken manifest is corrupt', async () => {
    const idb = new IDBFactory()
    const store = createSnapshotStore({ idb, name: 'snap' })
    const edit = async (fn: (os: IDBObjectStore) => void): Promise<void> => {
      await store.save(snap(), 'k', null)
      const db = await new Promise<IDBDatabase>((resolve) => { const r = idb.open('snap'); r.onsuccess = () => resolve(r.result) })
      const tx = db.transaction('parts', 'readwrite')
      fn(tx.objectStore('parts'))
      await new Promise((resolve) => { tx.oncomplete = resolve })
      db.close()
    }
    await edit((os) => os.put({ key: 't:summary', blob: new Blob([new Uint8Array([1, 2, 0, 4, 5])]) }))
    expect(await reason(store.open('k'))).toBe('corrupt')
    await edit((os) => os.delete('t:files'))
    expect(await reason(store.open('k'))).toBe('corrupt')
    await edit((os) => os.put({ key: 'manifest', version: 1, tables: 'nope' }))
    expect(await reason(store.open('k'))).toBe('corrupt')
    await store.save(snap(), 'k', null)
    expect(await reason(store.open('k'))).toBe('opened')
  })
})

describe('saved answers beside the saved database', () => {
  const answers = { summary: { reports: 2 }, years: [2021], units: [], entries: [['k', [{ n: 1 }]]] as [string, unknown[]][] }

  test('kept only for the database saved now; gone with the next save and with clear', async () => {
    const store = createSnapshotStore({ idb: new IDBFactory() })
    expect(await store.peek()).toBeNull()
    expect(await store.putAnswers({ ...answers, fingerprint: 'x' })).toBe(false) // no database saved
    const fp = await store.save(snap(), 'k1', {}, 1000)
    expect(await store.putAnswers({ ...answers, fingerprint: 'other' })).toBe(false)
    expect((await store.peek())?.answers).toBeNull()
    expect(await store.putAnswers({ ...answers, fingerprint: fp })).toBe(true)
    const p = await store.peek()
    expect(p?.ledger).toBe('k1')
    expect(p?.answers?.entries).toEqual(answers.entries)
    expect((await store.open('k1')).fingerprint).toBe(fp)
    // a new save of the database (other data): the old answers are not its answers
    const fp2 = await store.save(snap(), 'k2', {}, 2000)
    expect(fp2).not.toBe(fp)
    expect((await store.peek())?.answers).toBeNull()
    expect(await store.putAnswers({ ...answers, fingerprint: fp })).toBe(false)
    await store.putAnswers({ ...answers, fingerprint: fp2 })
    await store.clear()
    expect(await store.peek()).toBeNull()
  })

  test('capped: the most recent answers that fit, none that cannot be written', () => {
    const big = Array.from({ length: 100 }, (_, i) => ({ i }))
    const out = capAnswers([['a', big], ['b', [{ x: 1n }]], ['c', [{ y: 1 }]]], 10, 200)
    expect(out.map(([k]) => k)).toEqual(['c'])
    expect(capAnswers([['a', []], ['b', []], ['c', []]], 2).map(([k]) => k)).toEqual(['a', 'b'])
  })
})
