/** The coordinator alone runs the figures' statements: kept answers, one run for identical asks, stale ones dropped. */
import { afterEach, describe, expect, it } from 'vitest'
import { useEngine } from '../../../src/composables/useEngine'
import { StaleQuery, useCoordinator } from '../../../src/composables/useCoordinator'
import type { Query } from '../../../src/queries/types'
import { fakeDb, flush } from './fakeDb'

const q = (sql: string, ...params: (string | number)[]): Query<{ v: string }> => ({ sql, params })

afterEach(() => { useCoordinator.reset(); useEngine.reset() })

function setup(hold = false) {
  const db = fakeDb((sql, params) => [{ v: `${sql}|${params.join(',')}` }], { hold })
  useEngine({ startDb: async () => db })
  return { db, c: useCoordinator() }
}

describe('useCoordinator', () => {
  it('answers the same statement and parameters from memory until the data changes; other parameters run', async () => {
    const { db, c } = setup()
    expect(await c.request(q('SELECT a', 1))).toEqual([{ v: 'SELECT a|1' }])
    await c.request(q('SELECT a', 1))
    expect(db.ran).toEqual(['SELECT a'])
    await c.request(q('SELECT a', 2))
    expect(db.ran).toHaveLength(2)
    const v = c.version.value
    c.dataChanged(true)
    expect(c.version.value).toBe(v + 1)
    expect(c.hasData.value).toBe(true)
    await c.request(q('SELECT a', 1))
    expect(db.ran).toHaveLength(3)
  })

  it('the same statement asked twice at once runs once; both askers get the answer', async () => {
    const { db, c } = setup(true)
    const a = c.request(q('SELECT b'))
    const b = c.request(q('SELECT b'))
    await flush()
    expect(c.inFlight.value).toBe(2)
    expect(c.querying.value).toBe(true)
    db.release()
    expect(await a).toEqual(await b)
    expect(db.ran).toEqual(['SELECT b'])
    expect(c.inFlight.value).toBe(0)
  })

  it('a queued statement whose every asker moved on never reaches the engine', async () => {
    const { db, c } = setup(true)
    const running = ['1', '2', '3', '4'].map((n) => c.request(q(`SELECT ${n}`)))
    const ctl = new AbortController()
    const stale = c.request(q('SELECT stale'), ctl.signal)
    const other = new AbortController()
    const shared1 = c.request(q('SELECT kept'), other.signal)
    const shared2 = c.request(q('SELECT kept')) // a second asker still wants it
    await flush()
    ctl.abort()
    other.abort()
    await expect(stale).rejects.toBeInstanceOf(StaleQuery)
    for (let i = 0; i < 5; i++) { db.release(); await flush() }
    await Promise.all([...running, shared2])
    await shared1
    expect(db.ran).not.toContain('SELECT stale')
    expect(db.ran).toContain('SELECT kept')
  })

  it('settled() waits for the statements in flight', async () => {
    const { db, c } = setup(true)
    void c.request(q('SELECT slow'))
    let done = false
    const s = c.settled().then(() => { done = true })
    await flush()
    expect(done).toBe(false)
    db.release()
    await s
    expect(c.inFlight.value).toBe(0)
  })
})
