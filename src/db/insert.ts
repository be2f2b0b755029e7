import type { Db, SqlParam } from './types'

/** Batched multi-row INSERT with bound parameters (table names are ours, never user text). */
export async function insertRows(db: Db, table: string, rows: SqlParam[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500)
    const ph = chunk.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ')
    await db.query(`INSERT INTO ${table} VALUES ${ph}`, chunk.flat())
  }
}
