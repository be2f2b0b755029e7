/**
 * Read statements kept prepared on the main connection (issue 19, src/db/prepared.ts): a figure's statement asked
 * again with other values answers exactly as a freshly prepared one would, also after a load replaced the tables
 * it reads, and an error is the same error as without keeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isReadStatement, keptStatements } from '../../../src/db/prepared'
import type { Db } from '../../../src/db/types'
import { freshDb } from '../../helpers/engine'

let db: Db
beforeAll(async () => {
  db = await freshDb()
  await db.exec(`CREATE TABLE t AS SELECT range::INTEGER AS x, (range % 3)::INTEGER AS g FROM range(30)`)
})
afterAll(async () => { await db.close() })

const SQL = 'SELECT g::INTEGER AS g, sum(x)::DOUBLE AS s, count(*)::INTEGER AS n FROM t WHERE x >= ? AND x <= ? GROUP BY g ORDER BY g'
/** The same statement on a connection that prepares afresh every time (the 'user' session keeps nothing). */
const fresh = (sql: string, params: (number | string)[]) => db.session('user', (c) => c.query(sql, params))

describe('kept prepared statements', () => {
  it('answer like a fresh statement for every set of values', async () => {
    for (const [lo, hi] of [[0, 29], [5, 12], [20, 29], [0, 0], [31, 40]]) {
      expect(await db.query(SQL, [lo, hi])).toEqual(await fresh(SQL, [lo, hi]))
    }
  })

  it('see the tables a load replaced (same name, other rows and columns)', async () => {
    expect((await db.query(SQL, [0, 29])).length).toBe(3)
    await db.session('write', async (c) => {
      await c.exec('BEGIN')
      await c.exec(`DROP TABLE t; CREATE TABLE t AS SELECT (range * 2)::INTEGER AS x, (range % 2)::INTEGER AS g, 'new' AS extra FROM range(10)`)
      await c.exec('COMMIT')
    })
    const now = await db.query(SQL, [0, 100])
    expect(now).toEqual([{ g: 0, s: 40, n: 5 }, { g: 1, s: 50, n: 5 }])
    expect(now).toEqual(await fresh(SQL, [0, 100]))
  })

  it('fail as a fresh statement fails, and answer again once the table is back', async () => {
    await db.exec('DROP TABLE t')
    await expect(db.query(SQL, [0, 1])).rejects.toThrow(/t does not exist/)
    await db.exec(`CREATE TABLE t AS SELECT range::INTEGER AS x, 0::INTEGER AS g FROM range(4)`)
    expect(await db.query(SQL, [0, 10])).toEqual([{ g: 0, s: 6, n: 4 }])
  })

  it('keep at most `max` statements, the least recently used closed first', async () => {
    const closed: string[] = []
    const k = keptStatements((sql: string) => ({ query: (...p: unknown[]) => `${sql}:${p.join()}`, close: () => { closed.push(sql) } }), 2)
    expect(await k.run('a', [1])).toBe('a:1')
    await k.run('b', [])
    await k.run('a', [2]) // a is now the most recent
    await k.run('c', [])
    await Promise.resolve()
    await new Promise((r) => setTimeout(r, 0))
    expect(closed).toEqual(['b'])
    expect(k.size).toBe(2)
  })

  it('are only single read statements', () => {
    expect(isReadStatement(SQL)).toBe(true)
    expect(isReadStatement('WITH a AS (SELECT 1) SELECT * FROM a')).toBe(true)
    expect(isReadStatement('CREATE TABLE x AS SELECT 1')).toBe(false)
    expect(isReadStatement('SELECT 1; DROP TABLE t')).toBe(false)
  })
})

describe('which statements are kept', () => {
  it('with parameters at once, without parameters from their second ask, never a write', () => {
    const k = keptStatements(() => ({ query: () => null, close: () => undefined }))
    expect(k.worth('SELECT ?', [1])).toBe(true)
    expect(k.worth('SELECT 1', [])).toBe(false)
    expect(k.worth('SELECT 1', [])).toBe(true)
    expect(k.worth('CREATE TABLE x AS SELECT ?', [1])).toBe(false)
  })
})
