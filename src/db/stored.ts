/**
 * Stored answers of a published database's first view (issue 20). Read by range, every table the start-up touches
 * costs at least one block of the file (256 KB, ~340 KB fetched with DuckDB-WASM's read-ahead), and the start-up
 * asked a dozen tables (manifest, counts, years, units, findings, the overview's figures over `summary`): 45 % of
 * a 10 MB province file before any figure. So the summariser runs the very statements the first view asks
 * (./firstView.ts) on the finished file and keeps their rows in ONE table, `stored_answers`; the app answers a
 * statement from it when the file holds that statement's answer, and runs it on the data otherwise.
 *
 * A statement is identified by its text and parameters (as the views' cache keys it): an answer is only
 * ever used for the exact statement that produced it, on the read-only file it was computed on, so it equals the
 * live answer by construction — a builder that changes asks another statement and simply finds no stored answer.
 * That holds while the data is exactly the file's: data added on top must stop it (the index is read at every call,
 * so emptying the engine's set, `Published.stored`, does).
 *
 * Layout: one row per statement: `id` (a 64-bit hash of its key), `key` (the full text: no hash collision can answer
 * another statement) and, in the column named by its id, its rows as a list of structs in the statement's order,
 * each column with its own name and type (a wide table of one column per answer column, NULL in the other
 * statements' rows, took twice the bytes: two blocks instead of one). Which statements are stored is therefore known
 * from the catalog alone (read at ATTACH with the rest of the metadata): no block is fetched to learn it.
 */
import type { Query, SqlParam } from '../queries/types'
import { lit, q } from './schema'
import type { Db, Row } from './types'

export const STORED_TABLE = 'stored_answers'

/** The ids of the stored statements. */
export type StoredIndex = ReadonlySet<string>

/**
 * A statement's identity: its text and parameters (as the views' cache keys it, src/db/cache.ts), joined by a line
 * break instead of NUL, which a SQL string literal cannot hold; JSON has no raw line break, so the last line is
 * always the parameters and no two statements share a key.
 */
const storedKey = (sql: string, params: readonly SqlParam[]): string => `${sql}\n${JSON.stringify(params)}`

/** FNV-1a over the key, 64 bits as two 32-bit lanes with different offsets: a compact column prefix. */
function storedId(key: string): string {
  let a = 0x811c9dc5
  let b = 0x050c5d1f
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193) >>> 0
    b = Math.imul(b ^ c, 0x01000193) >>> 0
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')
}

/** The stored statements of `stored_answers` in database `database`, from the catalog (no data block is read). */
export async function readStoredIndex(db: Pick<Db, 'query'>, database: string): Promise<Set<string>> {
  const rows = await db.query<{ c: string }>(`SELECT column_name AS c FROM duckdb_columns()
    WHERE database_name = ? AND schema_name = 'main' AND table_name = ? AND column_name NOT IN ('id', 'key')`, [database, STORED_TABLE])
  return new Set(rows.map((r) => r.c))
}

/** The statement reading `sql`'s stored answer from `table`, or null when the file stores none for it. */
export function storedStatement(index: StoredIndex, sql: string, params: readonly SqlParam[], table = STORED_TABLE): Query<Row> | null {
  if (index.size === 0) return null
  const key = storedKey(sql, params)
  const id = storedId(key)
  if (!index.has(id)) return null
  // the list keeps the statement's row order; unnesting one row's list keeps it too
  return { sql: `SELECT r.* FROM (SELECT unnest(${q(id)}) AS r FROM ${table} WHERE id = ? AND key = ?)`, params: [id, key] }
}

/** `c` answering the statements stored in `index` from `table`, every other statement as before. */
export function answeringStored<C extends Pick<Db, 'query'>>(c: C, index: StoredIndex, table = STORED_TABLE): C {
  if (index.size === 0) return c
  return {
    ...c,
    query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const s = storedStatement(index, sql, params, table)
      return s ? c.query<T>(s.sql, s.params) : c.query<T>(sql, params)
    },
  }
}

/**
 * Run `statements` on the current database and keep their answers in `stored_answers` (replaced), each once.
 * Runs on one connection (its temporary tables), in the database the statements are to be answered from.
 */
export async function writeStoredAnswers(db: Db, statements: readonly Query<unknown>[]): Promise<number> {
  const parts: string[] = []
  const seen = new Set<string>()
  let made = 0
  try {
    for (const st of statements) {
      const key = storedKey(st.sql, st.params)
      if (seen.has(key)) continue
      seen.add(key)
      const id = storedId(key)
      const tmp = `stored_${made++}`
      // row_number() over the statement's own ORDER BY result keeps its row order (insertion order is preserved)
      await db.query(`CREATE OR REPLACE TEMP TABLE ${tmp} AS SELECT (row_number() OVER ())::INTEGER AS "#rn", * FROM (${st.sql})`, st.params)
      const cols = (await db.query<{ c: string }>(`SELECT column_name AS c FROM duckdb_columns()
        WHERE database_name = 'temp' AND table_name = ? AND column_name <> '#rn' ORDER BY column_index`, [tmp])).map((r) => r.c)
      const row = `struct_pack(${cols.map((c) => `${q(c)} := ${q(c)}`).join(', ')})`
      parts.push(`SELECT ${lit(id)} AS id, ${lit(key)} AS key, (SELECT list(${row} ORDER BY "#rn") FROM temp.main.${tmp}) AS ${q(id)}`)
    }
    if (parts.length) await db.exec(`CREATE OR REPLACE TABLE ${STORED_TABLE} AS ${parts.join('\nUNION ALL BY NAME ')}`)
    return parts.length
  } finally {
    for (let i = 0; i < made; i++) await db.exec(`DROP TABLE IF EXISTS temp.main.stored_${i}`)
  }
}
