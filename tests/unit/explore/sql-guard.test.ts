import { describe, expect, it } from 'vitest'
import { isReadOnlySql, sqlRefusal, stripSql } from '../../../src/composables/useDashboard/sql'

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
  'EXPLAIN SELECT * FROM summary',
  'FROM summary LIMIT 3',
  '(select 1) union (select 2)',
  "SELECT * FROM summary WHERE unit_name = 'x' AND year IN (2021, 2022)",
  "select * from units where unit_name in ('a', 'b')",
  'select table_name from duckdb_tables()',
  'select * from load_findings',
  'select loaded, updated_at from files',
  "select 'read_csv(''x.csv'')'",
  'select * from summary -- ; drop table summary',
  'values (1), (2)',
]

const refused: [string, string][] = [
  ['', 'empty'],
  ['   ;  ', 'empty'],
  ['-- only a comment', 'empty'],
  ['select 1; drop table x', 'multiple'],
  ['select 1; select 2', 'multiple'],
  ["select 'a'; delete from t", 'multiple'],
  ['select 1 /* ; */ ; drop table x', 'multiple'],
  ['drop table x', 'first'],
  ['DELETE FROM summary', 'first'],
  ['insert into t values (1)', 'first'],
  ['update summary set year = 1', 'first'],
  ['create table t as select 1', 'first'],
  ['alter table summary rename to s', 'first'],
  ["copy summary to 'x.csv'", 'first'],
  ["attach 'x.db'", 'first'],
  ['detach x', 'first'],
  ['install httpfs', 'first'],
  ['load httpfs', 'first'],
  ['pragma version', 'first'],
  ["set threads = 1", 'first'],
  ["call pragma_version()", 'first'],
  ["export database 'x'", 'first'],
  ["import database 'x'", 'first'],
  ['checkpoint', 'first'],
  ['/* hi */ drop table x', 'first'],
  ['WITH x AS (DELETE FROM summary RETURNING *) SELECT * FROM x', 'keyword'],
  ['with x as (insert into t values (1) returning *) select * from x', 'keyword'],
  ['with x as (update t set a = 1 returning *) select 1', 'keyword'],
  ['explain analyze create table t as select 1', 'keyword'],
  ['select * from summary; ', ''],
  ["select * from read_csv('/etc/passwd')", 'file'],
  ["SELECT * FROM read_csv_auto('x.csv')", 'file'],
  ["select * from read_parquet('http://example.com/x.parquet')", 'file'],
  ["select * from read_json('x.json')", 'file'],
  ["select * from read_text('x')", 'file'],
  ["select * from read_blob('x')", 'file'],
  ["select * from glob('*')", 'file'],
  ["select * from parquet_scan('x')", 'file'],
  ["select * from READ_CSV ('x')", 'file'],
  ["select * from \"read_csv\"('x')", 'file'],
  ["select * from 'x.csv'", 'file'],
  ["select * from summary, 'x.parquet'", 'file'],
  ["select * from summary join 'https://x/y.csv' using (unit_code)", 'file'],
  ["select 'unterminated", 'unterminated'],
  ['select /* unterminated', 'unterminated'],
  ['select "unterminated', 'unterminated'],
  ['select $$ unterminated', 'unterminated'],
]

describe('isReadOnlySql', () => {
  it.each(allowed)('allows %s', (sql) => {
    expect(sqlRefusal(sql)).toBeNull()
    expect(isReadOnlySql(sql)).toBe(true)
  })
  it.each(refused.filter(([, k]) => k))('refuses %s (%s)', (sql, kind) => {
    expect(sqlRefusal(sql)?.kind).toBe(kind)
    expect(isReadOnlySql(sql)).toBe(false)
  })
  it('a trailing semicolon is fine', () => {
    expect(isReadOnlySql('select * from summary; ')).toBe(true)
  })
  it('strips literals and comments but keeps words', () => {
    expect(stripSql("select 'x' -- c\n from t /* d */")).not.toMatch(/[xcd]\b/)
    expect(stripSql('select 1')).toBe('select 1')
  })
  it('random noise never crashes the check', () => {
    const chars = "sel ct;'\"/*-$\\\nxdrop"
    let seed = 7
    for (let k = 0; k < 2000; k++) {
      let s = ''
      for (let i = 0; i < 20; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; s += chars[seed % chars.length] }
      expect(() => isReadOnlySql(s)).not.toThrow()
    }
  })
})
