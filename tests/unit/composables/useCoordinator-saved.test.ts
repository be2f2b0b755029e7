/**
 * Saved answers (issue 19): before the data is live, the coordinator answers from the answers saved for it, without
 * the engine; a statement not among them waits (never runs on an engine without the data) and runs once the live
 * data is announced, when every client asks again and gets live answers.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { useEngine } from '../../../src/composables/useEngine'
import { useCoordinator } from '../../../src/composables/useCoordinator'
import { queryKey } from '../../../src/db/cache'
import type { Query } from '../../../src/queries/types'
import { fakeDb, flush } from './fakeDb'

const q = (sql: string, ...params: (string | number)[]): Query<{ v: string }> => ({ sql, params })

afterEach(() => { useCoordinator.reset(); useEngine.reset() })

describe('useCoordinator with saved answers', () => {
  it('answers saved statements at once without the engine; the others wait for the live data', async () => {
    let started = 0
    const db = fakeDb((sql, params) => [{ v: `live ${sql}|${params.join(',')}` }])
    useEngine({ startDb: async () => { started++; return db } })
    const c = useCoordinator()
    c.prime([[queryKey(q('SELECT a', 1)), [{ v: 'saved' }]]])
    expect(c.hasData.value).toBe(true)
    expect(c.live.value).toBe(false)
    expect(await c.request(q('SELECT a', 1))).toEqual([{ v: 'saved' }])
    // another parameter is not saved: it waits
    let other: unknown = null
    void c.request(q('SELECT a', 2)).then((r) => { other = r })
    await c.painted() // what the saved answers can answer has answered
    await flush()
    expect(other).toBeNull()
    expect(db.ran).toEqual([])
    expect(started).toBe(0)
    expect(c.answered()).toEqual([]) // saved answers are not live answers: never saved again as such
    c.dataChanged(true)
    await flush()
    expect(other).toEqual([{ v: 'live SELECT a|2' }])
    expect(c.live.value).toBe(true)
    expect(await c.request(q('SELECT a', 1))).toEqual([{ v: 'live SELECT a|1' }])
    expect(c.answered().map(([k]) => k)).toContain(queryKey(q('SELECT a', 1)))
  })

  it('painted waits for the figures to ask (a view still loading has asked nothing yet)', async () => {
    useEngine({ startDb: async () => fakeDb() })
    const c = useCoordinator()
    c.prime([[queryKey(q('SELECT a')), [{ v: 'saved' }]]])
    let done = false
    void c.painted().then(() => { done = true })
    await flush()
    expect(done).toBe(false)
    void c.request(q('SELECT a'))
    await flush()
    expect(done).toBe(true)
  })
})
