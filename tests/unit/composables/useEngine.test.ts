/** The engine starts once, on first use; a failed start is tried again on the next use; a database file opened replaces it. */
import { afterEach, describe, expect, it } from 'vitest'
import { useEngine } from '../../../src/composables/useEngine'
import { fakeDb } from './fakeDb'

afterEach(() => useEngine.reset())

describe('useEngine', () => {
  it('starts once however many ask, and is the same for every caller', async () => {
    let starts = 0
    const db = fakeDb()
    const e = useEngine({ startDb: async () => { starts++; return db } })
    expect(e.status.value).toBe('off')
    const [a, b] = await Promise.all([e.getDb(), useEngine().getDb()])
    expect(a).toBe(db)
    expect(b).toBe(db)
    expect(starts).toBe(1)
    expect(e.status.value).toBe('up')
    expect(useEngine().db.value).toBe(db)
  })

  it('a failed start is forgotten: the next call starts over', async () => {
    let starts = 0
    const e = useEngine({ startDb: async () => { if (++starts === 1) throw new Error('wasm blocked'); return fakeDb() } })
    await expect(e.getDb()).rejects.toThrow('wasm blocked')
    expect(e.status.value).toBe('off')
    await e.getDb()
    expect(starts).toBe(2)
    expect(e.status.value).toBe('up')
  })

  it('reset() forgets the engine (tests start afresh)', async () => {
    const first = fakeDb()
    await useEngine({ startDb: async () => first }).getDb()
    useEngine.reset()
    const second = fakeDb()
    expect(await useEngine({ startDb: async () => second }).getDb()).toBe(second)
  })

  it('openFile starts an engine with the file through the injected start, then replaces and closes the running one', async () => {
    const running = fakeDb()
    let closed = 0
    running.close = async () => { closed++ }
    const opened = fakeDb()
    const asked: (File | undefined)[] = []
    const e = useEngine({
      startDb: async ({ file, onPublished }) => {
        asked.push(file)
        if (!file) return running
        onPublished({ path: file.name, local: true, manifest: {}, tables: [], rollups: true, sources: [], stored: new Set() })
        return opened
      },
    })
    expect(await e.getDb()).toBe(running)
    const file = new File([new Uint8Array(8)], '花埠省2023.duckdb')
    expect(await e.openFile(file)).toBe(opened)
    expect(asked).toEqual([undefined, file])
    expect(closed).toBe(1)
    expect(await e.getDb()).toBe(opened)
    expect(e.db.value).toBe(opened)
    expect(e.published.value?.path).toBe('花埠省2023.duckdb')
    expect(e.source.value).toEqual({ rollups: true })
  })

  it('a refused file leaves the running engine and what it published as they were', async () => {
    const running = fakeDb()
    const e = useEngine({ startDb: async ({ file }) => { if (file) throw new Error('不是 DuckDB 数据库文件'); return running } })
    await e.getDb()
    await expect(e.openFile(new File(['x'], 'a.duckdb'))).rejects.toThrow('不是 DuckDB 数据库文件')
    expect(await e.getDb()).toBe(running)
    expect(e.published.value).toBeNull()
  })
})
