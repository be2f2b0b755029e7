/**
 * DuckDB catalog knowledge (`duckdb_tables()`): which of the app's tables exist (the start-up check). The
 * names asked about are bound as parameters. The console's column list is src/queries/schema.ts.
 */
import type { Query } from '../queries/types'
import { runQuery } from './run'
import type { Db } from './types'

/** The tables that are there once anything was ever loaded (the start-up check asks for all of them). */
export const DATA_TABLES = ['summary', 'findings', 'files'] as const

export type TableCountRow = { n: number }

/** How many tables (in any schema, temporary ones too) carry one of these names. */
export function tableCountQuery(names: readonly string[]): Query<TableCountRow> {
  return {
    sql: `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE ${names.length ? `table_name IN (${names.map(() => '?').join(', ')})` : 'false'}`,
    params: [...names],
  }
}

/**
 * True when every one of `names` exists (default: the data tables). Asks the catalog: querying a
 * table that does not exist would log an error in the worker.
 */
export async function hasTables(db: Db, names: readonly string[] = DATA_TABLES): Promise<boolean> {
  const [r] = await runQuery(db, tableCountQuery(names))
  return (r?.n ?? 0) >= names.length
}
