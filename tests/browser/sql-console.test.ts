/**
 * The SQL console's schema list (SqlView via schemaColumnsQuery, src/queries/schema.ts) in the browser:
 * the tables of the loaded data with their columns, as DuckDB's information schema has them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { appUrl, assertPrivate, openSession, query, type Session, WORK_BOUND } from './helpers'

describe('SQL console: schema list', () => {
  let s: Session
  beforeAll(async () => {
    s = await openSession()
    await s.page.goto(appUrl('/sql'))
    await s.page.waitForFunction(() => Number(document.querySelector('[data-testid="load-summary"]')?.getAttribute('data-reports') ?? 0) > 0, null, { timeout: WORK_BOUND })
    await s.page.waitForSelector('[data-testid="sql-schema"] [data-table="summary"]', { state: 'attached', timeout: WORK_BOUND })
  })
  afterAll(async () => { await s?.close() })

  test('every base table of main is listed, summary first, with its columns in order', async () => {
    const listed = await s.page.$$eval('[data-testid="sql-schema"] [data-table]', (els) => els.map((e) => ({
      table: e.getAttribute('data-table')!,
      columns: [...e.querySelectorAll('li')].map((li) => [li.querySelector('code')?.textContent ?? '', li.querySelector('.type')?.textContent ?? '']),
    })))
    const tables = await query<{ t: string }>(s.page,
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY t")
    expect(listed.map((x) => x.table).sort()).toEqual(tables.map((r) => r.t).sort())
    expect(listed[0].table).toBe('summary')
    for (const t of ['summary', 'findings', 'files']) {
      const cols = await query<{ c: string; ty: string }>(s.page,
        `SELECT column_name AS c, data_type AS ty FROM information_schema.columns WHERE table_schema = 'main' AND table_name = '${t}' ORDER BY ordinal_position`)
      expect(listed.find((x) => x.table === t)?.columns).toEqual(cols.map((r) => [r.c, r.ty]))
    }
  })

  test('privacy: every request stayed on 127.0.0.1', () => {
    assertPrivate(s)
  })
})
