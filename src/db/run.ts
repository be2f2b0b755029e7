import type { Query } from '../queries/types'
import type { Db, Row } from './types'

/** Run a query builder's statement; rows come back as the builder's row type. */
export async function runQuery<T>(db: Db, q: Query<T>): Promise<T[]> {
  // Row shapes are guaranteed by the builder's SQL aliases (tested), not by the driver.
  return (await db.query<Row>(q.sql, q.params)) as unknown as T[]
}
