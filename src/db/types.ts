/** The one interface the app and tests use to talk to DuckDB (browser worker or Node blocking). */

export type SqlParam = string | number | boolean | null
export type Row = Record<string, unknown>

export interface Db {
  /** Run a statement with `?` placeholders bound to params; returns plain JS rows (numbers, strings, null). */
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>
  /** Run one or more statements without parameters (DDL). */
  exec(sql: string): Promise<void>
  /** Make bytes readable by read_csv under `name`. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>
  dropFile(name: string): Promise<void>
  close(): Promise<void>
}
