/**
 * SQL typed or pasted by a user (the SQL console, window.__dashboard.query): read-only by construction,
 * not by a text filter.
 * - DuckDB's own parser decides what the text is: it runs as `SELECT * FROM query(?)`, with the text as a
 *   bound parameter, and the `query` table function accepts exactly one SELECT statement (WITH, FROM-first,
 *   VALUES, DESCRIBE, SHOW, SUMMARIZE are SELECTs to DuckDB) — anything else, or a second statement hidden
 *   where a text filter sees a string ($$…$$), is "Expected a single SELECT statement".
 * - It runs on a connection of its own ('user'), inside `BEGIN TRANSACTION READ ONLY` that is always rolled
 *   back: a SELECT that writes (nextval) is refused by DuckDB, and a failure there cannot abort a load's
 *   transaction, which lives on the 'write' connection.
 * - The engine is locked (src/db/engine.ts): no URL, file, extension or setting is reachable by any statement.
 */
import type { Db, Row } from './types'

export type SqlRefusalKind = 'empty' | 'notSelect' | 'access' | 'write' | 'syntax' | 'error'

/** Why user SQL did not run; `message` is the Chinese text for the automation hook, the console translates `kind`. */
export class SqlRefused extends Error {
  constructor(readonly kind: SqlRefusalKind, readonly detail: string, message: string) {
    super(message)
    this.name = 'SqlRefused'
  }
}

/** DuckDB's message without the "LINE 1: …" excerpt, which shows the wrapper, not the user's text. */
function firstPart(msg: string): string {
  return msg.split(/\n\s*\n|\nLINE \d+:/)[0].trim().slice(0, 300)
}

/** What DuckDB said → the refusal the user sees. */
function refusalOf(e: unknown): SqlRefused {
  const raw = e instanceof Error ? e.message : String(e)
  const msg = firstPart(raw)
  if (/Expected a single SELECT statement/i.test(msg)) {
    return new SqlRefused('notSelect', '', '只能执行一条只读查询（SELECT、WITH、FROM、VALUES、DESCRIBE、SHOW 或 SUMMARIZE）。DuckDB 把这段 SQL 解析为多条语句，或修改数据、设置、扩展的语句，未执行，数据没有改变。')
  }
  const ext = /exists in the (\w+) extension/i.exec(msg)
  if (ext) return new SqlRefused('access', `（扩展 ${ext[1]}）`, `查询用到扩展 ${ext[1]}，控制台不加载任何扩展，已拒绝。`)
  const file = /Cannot access (?:file|directory) "([^"]*)"|external (?:access|extensions)|disabled (?:by|through) configuration/i.exec(msg)
  if (file) {
    const what = file[1] ? `（${file[1]}）` : ''
    return new SqlRefused('access', what, `查询试图访问文件、网址或扩展${what}，控制台只能查询已载入的数据表，已拒绝。`)
  }
  if (/read-only mode|read only/i.test(msg)) {
    return new SqlRefused('write', msg, `查询试图修改数据库（${msg}），控制台只读，已拒绝，数据没有改变。`)
  }
  if (/^Parser Error/i.test(msg)) return new SqlRefused('syntax', msg, `SQL 语法错误：${msg}`)
  return new SqlRefused('error', msg, `查询出错：${msg}`)
}

export interface UserSqlOptions {
  /** At most this many rows (the console asks one more than it shows, to tell that there are more). */
  limit?: number
}

/** Run one read-only statement of the user's; throws SqlRefused. */
export async function runUserSql(db: Db, sql: string, opts: UserSqlOptions = {}): Promise<Row[]> {
  if (sql.trim().replace(/;+\s*$/, '').trim() === '') throw new SqlRefused('empty', '', '请输入一条查询语句。')
  const limit = opts.limit != null ? ` LIMIT ${Math.max(0, Math.floor(opts.limit))}` : ''
  return db.session('user', async (c) => {
    await c.exec('BEGIN TRANSACTION READ ONLY')
    try {
      return await c.query(`SELECT * FROM query(?)${limit}`, [sql])
    } catch (e) {
      throw refusalOf(e)
    } finally {
      await c.exec('ROLLBACK').catch(() => undefined)
    }
  })
}
