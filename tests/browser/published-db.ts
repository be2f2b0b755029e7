/**
 * Published database files for the browser tests (tests/browser/attach.test.ts, attach-local.test.ts): the files
 * themselves (./published-files.ts, built once and cached), and the native engine's answer to a builder on such a file.
 */
import { DuckDBInstance } from '@duckdb/node-api'
import { expect } from 'vitest'
import { overviewQuery } from '../../src/queries/overview'
import type { OverviewRow } from '../../src/queries/rows'
import type { Filters, Query } from '../../src/queries/types'
import type { Page } from 'playwright-core'
import { query } from './helpers'

export { PROVINCE_SEED, REPORTS, provinceFile } from './published-files'

/** A builder's rows as the native engine (@duckdb/node-api, same version) answers them on the file. */
export async function nativeRows<T>(file: string, q: Query<T>): Promise<T[]> {
  const inst = await DuckDBInstance.create(':memory:')
  const c = await inst.connect()
  try {
    await c.run(`ATTACH '${file.replace(/'/g, "''")}' AS published (READ_ONLY); USE published`)
    const rows = (await c.runAndReadAll(q.sql, q.params as never)).getRowObjectsJS()
    return JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))) as T[]
  } finally {
    c.closeSync()
    inst.closeSync()
  }
}

/** The overview row (the ordinary builder, on the summary) as the native engine answers it. */
export const nativeOverview = async (file: string, f: Filters = {}): Promise<OverviewRow> => (await nativeRows(file, overviewQuery(f)))[0]

/**
 * The overview's figures in the app equal the native engine's: the cards on screen (read from the file's stored
 * answers at no filter), and the app's engine running the ordinary builder on the summary (through the hook).
 */
export async function expectOverviewEqualsNative(page: Page, native: OverviewRow, f: Filters = {}): Promise<void> {
  const q = overviewQuery(f)
  const inline = q.params.reduce<string>((sql, p) => sql.replace('?', typeof p === 'number' ? String(p) : `'${String(p).replace(/'/g, "''")}'`), q.sql)
  const [inApp] = await query<OverviewRow>(page, inline)
  expect(inApp).toEqual(native)
  const card = (id: string) => page.getAttribute(`[data-kpi="${id}"]`, 'data-value')
  const n = (v: number | null) => new Intl.NumberFormat('zh-CN').format(v ?? 0)
  expect(await card('reports')).toBe(n(native.reports))
  expect(await card('units')).toBe(n(native.units))
  expect(await card('received')).toBe(n(native.received))
  expect(await card('active-total')).toBe(n(native.activeTotal))
}
