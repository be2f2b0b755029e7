import { describe, expect, test } from 'vitest'
import { createQueryCache } from '../../../src/db/cache'
import type { Query } from '../../../src/queries/types'

const q = (sql: string, ...params: (string | number)[]): Query<{ n: number }> => ({ sql, params })

function counting() {
  const calls: string[] = []
  const exec = (label: string, rows: { n: number }[] = [{ n: 1 }]) => () => { calls.push(label); return Promise.resolve(rows) }
  return { calls, exec }
}

describe('query cache', () => {
  test('a statement asked again with the same parameters answers the same rows without running', async () => {
    const c = createQueryCache()
    const { calls, exec } = counting()
    const a = await c.run(q('SELECT ?', 1), exec('a'))
    const b = await c.run(q('SELECT ?', 1), exec('b'))
    expect(calls).toEqual(['a'])
    expect(b).toBe(a) // the same array: a chart bound to it is not redrawn
  })

  test('other parameters (also 1 against "1") run again', async () => {
    const c = createQueryCache()
    const { calls, exec } = counting()
    await c.run(q('SELECT ?', 1), exec('1'))
    await c.run(q('SELECT ?', '1'), exec("'1'"))
    await c.run(q('SELECT ?', 2), exec('2'))
    expect(calls).toEqual(['1', "'1'", '2'])
  })

  test('the same statement asked twice at once runs once', async () => {
    const c = createQueryCache()
    const { calls, exec } = counting()
    const [a, b] = await Promise.all([c.run(q('SELECT 1'), exec('a')), c.run(q('SELECT 1'), exec('b'))])
    expect(calls).toEqual(['a'])
    expect(b).toBe(a)
  })

  test('after clear() (the data changed) it runs again, and an answer started before is not kept', async () => {
    const c = createQueryCache()
    const { calls, exec } = counting()
    await c.run(q('SELECT 1'), exec('before'))
    let finish!: (rows: { n: number }[]) => void
    const slow = c.run(q('SELECT 2'), () => new Promise((ok) => { finish = ok }))
    c.clear()
    finish([{ n: 2 }])
    await slow
    await c.run(q('SELECT 1'), exec('after'))
    await c.run(q('SELECT 2'), exec('after-2'))
    expect(calls).toEqual(['before', 'after', 'after-2'])
  })

  test('a failure is not kept: the next ask runs again', async () => {
    const c = createQueryCache()
    await expect(c.run(q('SELECT x'), () => Promise.reject(new Error('no such column')))).rejects.toThrow('no such column')
    const { calls, exec } = counting()
    await c.run(q('SELECT x'), exec('retry'))
    expect(calls).toEqual(['retry'])
  })

  test('keeps at most maxEntries statements, least recently used dropped first; large answers are not kept', async () => {
    const c = createQueryCache({ maxEntries: 2, maxRows: 3 })
    const { calls, exec } = counting()
    await c.run(q('A'), exec('A'))
    await c.run(q('B'), exec('B'))
    await c.run(q('A'), exec('A2')) // A is now the most recent
    await c.run(q('C'), exec('C')) // drops B
    expect(c.size).toBe(2)
    await c.run(q('A'), exec('A3'))
    await c.run(q('B'), exec('B2'))
    await c.run(q('big'), exec('big', [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]))
    await c.run(q('big'), exec('big2', [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]))
    expect(calls).toEqual(['A', 'B', 'C', 'B2', 'big', 'big2'])
  })
})
