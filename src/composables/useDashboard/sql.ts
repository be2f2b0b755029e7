/**
 * User SQL (the SQL console, window.__dashboard.query) runs through src/db/user-sql.ts: DuckDB's own parser
 * accepts one SELECT statement, in a read-only transaction on a connection of its own, on a locked engine.
 * No text filter decides what may run.
 */
export const FINDINGS_SHOWN = 200

export { SqlRefused } from '../../db/user-sql'
