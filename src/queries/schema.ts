/**
 * The SQL console's view of the schema: the builder asking DuckDB's catalog for the user's tables and columns,
 * and which tables a supervisor queries (listed first) versus the working tables of a load (src/db/schema.ts
 * creates both; the console marks the second kind as internal).
 */
import type { Query } from './types'

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

/** The tables worth querying, most useful first (the console lists them in this order, the rest after). */
const CONSOLE_TABLES = [
  'summary', 'reports', 'units', 'unit_tree', 'active', 'applications', 'reviews', 'findings', 'cell_issues', 'report_fmt', 'files',
] as const

const INTERNAL = /^(raw_|w_|stg_|tmp_|_)|^(label_map|facts_map|line_shift|file_cols|load_findings)$/

/** A working table of loading and rebuilding (raw_*, w_*, maps…): shown apart, not meant for questions. */
export const isInternalTable = (name: string): boolean => INTERNAL.test(name)

/** Sort order of the console's schema list: CONSOLE_TABLES first in their order, then by name. */
export function compareTables(a: string, b: string): number {
  const rank = (n: string): number => { const i = (CONSOLE_TABLES as readonly string[]).indexOf(n); return i < 0 ? 99 : i }
  return rank(a) - rank(b) || a.localeCompare(b)
}
