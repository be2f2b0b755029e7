/**
 * Catalog builders (src/db/catalog.ts) against a real DuckDB: the start-up check "is anything
 * loaded" (useDashboard) and the SQL console's schema list (SqlView).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATA_TABLES, hasTables, tableCountQuery } from '../../../src/db/catalog'
import { schemaColumnsQuery } from '../../../src/queries/schema'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import { csv, prepared } from '../../helpers/db'

const REPORTS = csv('unit_code,unit_name,year,active_total', 'A,甲镇,2022,100', 'B,乙镇,2023,')

describe('catalog: which tables exist', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb() }, 60_000)
  afterAll(async () => { await db.close() })

  it('nothing loaded: no data tables', async () => {
    expect(await hasTables(db)).toBe(false)
    expect(await runQuery(db, tableCountQuery(DATA_TABLES))).toEqual([{ n: 0 }])
  })

  it('two of the three data tables are not enough', async () => {
    await db.exec('CREATE TABLE summary(x INTEGER); CREATE TABLE findings(x INTEGER); CREATE TABLE other(x INTEGER)')
    expect(await runQuery(db, tableCountQuery(DATA_TABLES))).toEqual([{ n: 2 }])
    expect(await hasTables(db)).toBe(false)
    expect(await hasTables(db, ['summary', 'findings'])).toBe(true)
    expect(await hasTables(db, ['summary', 'nope'])).toBe(false)
    await db.exec('CREATE TABLE files(x INTEGER)')
    expect(await hasTables(db)).toBe(true)
    await db.exec('DROP TABLE summary; DROP TABLE findings; DROP TABLE other; DROP TABLE files')
    expect(await hasTables(db)).toBe(false)
  })

  it('names are bound, not glued into the SQL', async () => {
    const q = tableCountQuery(["summary' OR true --"])
    expect(q.sql).not.toContain('OR true')
    expect(q.params).toEqual(["summary' OR true --"])
    await db.exec('CREATE TABLE t1(x INTEGER)')
    expect(await runQuery(db, q)).toEqual([{ n: 0 }])
    expect(await runQuery(db, tableCountQuery([]))).toEqual([{ n: 0 }])
    await db.exec('DROP TABLE t1')
  })

  it('after a load: every data table is there', async () => {
    await loadTables(db, [prepared('reports.csv', 'reports', REPORTS)])
    expect(await runQuery(db, tableCountQuery(DATA_TABLES))).toEqual([{ n: 3 }])
    expect(await hasTables(db)).toBe(true)
  })
})

describe('catalog: the SQL console schema list', () => {
  let db: Db
  beforeAll(async () => {
    db = await freshDb()
    await loadTables(db, [prepared('reports.csv', 'reports', REPORTS)])
    // none of these may be listed: another schema, a temporary table, a view
    await db.exec(`CREATE SCHEMA side; CREATE TABLE side.hidden_other(a INTEGER);
      CREATE TEMP TABLE hidden_temp(a INTEGER); CREATE VIEW hidden_view AS SELECT 1 AS a`)
  }, 60_000)
  afterAll(async () => { await db.close() })

  it('lists the tables of main with their columns in table order, by table name', async () => {
    const rows = await runQuery(db, schemaColumnsQuery())
    const names = [...new Set(rows.map((r) => r.table))]
    // the same tables DuckDB's SHOW TABLES reports for main (views excluded), sorted by name
    const shown = (await db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name"))
      .map((r) => r.name)
    expect(names).toEqual(shown)
    expect(names).toEqual([...names].sort())
    for (const n of ['summary', 'findings', 'files', 'reports', 'units']) expect(names).toContain(n)
    for (const n of ['hidden_other', 'hidden_temp', 'hidden_view']) expect(names).not.toContain(n)
    // every table's columns in their declared order, with their types as DESCRIBE gives them
    for (const t of ['summary', 'files']) {
      const described = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${t}`)
      expect(rows.filter((r) => r.table === t).map((r) => [r.column, r.type])).toEqual(described.map((d) => [d.column_name, d.column_type]))
    }
    expect(rows.find((r) => r.table === 'summary' && r.column === 'active_total')?.type).toBe('DOUBLE')
    expect(Object.keys(rows[0]).sort()).toEqual(['column', 'table', 'type'])
  })

  it('another schema can be asked for (bound)', async () => {
    const q = schemaColumnsQuery('side')
    expect(q.params).toEqual(['side'])
    expect(await runQuery(db, q)).toEqual([{ table: 'hidden_other', column: 'a', type: 'INTEGER' }])
  })
})
