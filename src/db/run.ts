import { findingsQuery, type FindingsOptions } from '../queries/findings'
import type { FindingRow } from '../queries/rows'
import type { Filters, Query } from '../queries/types'
import type { Db, Row } from './types'

/** Run a query builder's statement; rows come back as the builder's row type. */
export async function runQuery<T>(db: Db, q: Query<T>): Promise<T[]> {
  // Row shapes are guaranteed by the builder's SQL aliases (tested), not by the driver.
  return (await db.query<Row>(q.sql, q.params)) as unknown as T[]
}

/** Findings for the UI (filters applied; see findingsQuery for paging and severity/rule options). */
export function findingsRows(db: Db, filters: Filters = {}, opts: FindingsOptions = {}): Promise<FindingRow[]> {
  return runQuery(db, findingsQuery(filters, opts))
}
