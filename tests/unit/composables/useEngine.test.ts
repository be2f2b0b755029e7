/** The engine starts once, on first use; a failed start is tried again on the next use. */
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
})
