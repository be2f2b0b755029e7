/**
 * DuckDB catalog knowledge (`duckdb_tables()`, `duckdb_columns()`): which of the app's tables
 * exist and what columns they have. Builders return `Query<Row>` like those of src/queries; the
 * names asked about are bound as parameters.
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

export type SchemaColumnRow = { table: string; column: string; type: string }

/**
 * Columns of the user's tables for the SQL console's schema list: schema `main`, not DuckDB's
 * internal tables, not temporary ones; by table name, then column position.
 */
export function schemaColumnsQuery(schema = 'main'): Query<SchemaColumnRow> {
  return {
    sql: `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "type"
      FROM duckdb_columns() c JOIN duckdb_tables() tb ON tb.table_name = c.table_name AND tb.schema_name = c.schema_name
      WHERE c.schema_name = ? AND NOT tb.internal AND NOT tb.temporary ORDER BY c.table_name, c.column_index`,
    params: [schema],
  }
}
