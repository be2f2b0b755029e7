/** The one interface the app and tests use to talk to DuckDB (browser worker or Node blocking). */

import type { Row, SqlParam } from '../queries/types'

export type { Row, SqlParam }
/** Connections of their own: 'write' for loads and clears, 'user' for the SQL console (src/db/engine.ts). */
export type SessionName = 'write' | 'user'

export interface Db {
  /** Run a statement with `?` placeholders bound to params; returns plain JS rows (numbers, strings, null). */
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>
  /** Run one or more statements without parameters (DDL). */
  exec(sql: string): Promise<void>
  /** Make bytes readable by read_csv under `name` (a path made by registeredPath, src/db/engine.ts). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>
  dropFile(name: string): Promise<void>
  /**
   * Run `fn` on the connection `name`, one caller at a time: its transactions are neither seen by nor broken by
   * the queries run meanwhile on this Db (they see the last committed data).
   */
  session<T>(name: SessionName, fn: (c: Db) => Promise<T>): Promise<T>
  /** The result of a query as an Arrow IPC stream (src/db/snapshot.ts saves tables this way). */
  queryIpc(sql: string): Promise<IpcResult>
  /** Create table `name` from an Arrow IPC stream (no file is read: allowed under the locked engine). */
  insertIpc(name: string, bytes: Uint8Array): Promise<void>
  close(): Promise<void>
}

export interface IpcResult { bytes: Uint8Array; rows: number }
