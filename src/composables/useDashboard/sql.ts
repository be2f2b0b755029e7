/** The guard of the read-only SQL helper (window.__dashboard.query) and of the SQL console. */
export const FINDINGS_SHOWN = 200

/** Keywords that change data, settings or the catalog, or reach outside the database. */
const WRITE_KEYWORDS = [
  'insert', 'update', 'delete', 'merge', 'upsert', 'truncate', 'create', 'drop', 'alter', 'rename', 'copy', 'attach', 'detach',
  'install', 'load', 'pragma', 'set', 'reset', 'call', 'export', 'import', 'checkpoint', 'vacuum',
]
/** Table functions (and extensions) that read files or URLs. */
const FILE_FUNCTIONS = [
  'read_csv', 'read_csv_auto', 'read_parquet', 'parquet_scan', 'parquet_metadata', 'parquet_schema', 'read_json', 'read_json_auto',
  'read_json_objects', 'read_ndjson', 'read_ndjson_auto', 'read_ndjson_objects', 'read_text', 'read_blob', 'glob', 'httpfs',
  'sniff_csv', 'read_xlsx', 'st_read', 'iceberg_scan', 'delta_scan', 'sqlite_scan', 'sqlite_attach', 'postgres_scan', 'mysql_scan',
]
const FIRST_WORDS = ['select', 'with', 'describe', 'summarize', 'show', 'explain', 'from', 'values', 'table']

export type SqlRefusal =
  | { kind: 'empty' }
  | { kind: 'unterminated' }
  | { kind: 'multiple' }
  | { kind: 'first'; word: string }
  | { kind: 'keyword'; word: string }
  | { kind: 'file'; word: string }

/**
 * Blank out comments, string literals ('…', E'…', $$…$$) and quoted identifiers ("…") so that
 * only the SQL words remain. Returns null when a literal or comment is never closed.
 */
export function stripSql(sql: string): string | null {
  let out = ''
  let i = 0
  const n = sql.length
  while (i < n) {
    const c = sql[i]
    const d = sql[i + 1]
    if (c === '-' && d === '-') {
      const e = sql.indexOf('\n', i)
      i = e < 0 ? n : e
      out += ' '
    } else if (c === '/' && d === '*') {
      // DuckDB block comments do not nest; the first */ ends it.
      const e = sql.indexOf('*/', i + 2)
      if (e < 0) return null
      i = e + 2
      out += ' '
    } else if (c === "'") {
      // E'…' strings escape with a backslash; standard strings double the quote.
      const escapes = /[eE]/.test(sql[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? '')
      let j = i + 1
      for (;;) {
        if (j >= n) return null
        const ch = sql[j]
        if (escapes && ch === '\\') { j += 2; continue }
        if (ch === "'") {
          if (sql[j + 1] === "'") { j += 2; continue }
          break
        }
        j++
      }
      i = j + 1
      out += " '' "
    } else if (c === '"') {
      let j = i + 1
      for (;;) {
        const e = sql.indexOf('"', j)
        if (e < 0) return null
        if (sql[e + 1] === '"') { j = e + 2; continue }
        i = e + 1
        break
      }
      out += ' "" '
    } else if (c === '$') {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))
      if (m && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
        const e = sql.indexOf(m[0], i + m[0].length)
        if (e < 0) return null
        i = e + m[0].length
        out += " '' "
      } else { out += c; i++ }
    } else { out += c; i++ }
  }
  return out
}

/** Why a statement is refused, or null when it is one read-only statement. */
export function sqlRefusal(sql: string): SqlRefusal | null {
  const stripped = stripSql(sql)
  if (stripped == null) return { kind: 'unterminated' }
  const s = stripped.trim().replace(/(;\s*)+$/, '').trim()
  if (!s) return { kind: 'empty' }
  if (s.includes(';')) return { kind: 'multiple' }
  const first = /^\(*\s*([A-Za-z_]+)/.exec(s)?.[1]?.toLowerCase() ?? ''
  if (!FIRST_WORDS.includes(first)) return { kind: 'first', word: first || s.slice(0, 12) }
  const words = s.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []
  for (const w of words) {
    if (WRITE_KEYWORDS.includes(w)) return { kind: 'keyword', word: w.toUpperCase() }
    if (FILE_FUNCTIONS.includes(w)) return { kind: 'file', word: w }
  }
  // A quoted table function name ("read_csv"(...)) or a string used as a table ('file.csv').
  if (/"\s*\(/.test(s) && FILE_FUNCTIONS.some((f) => new RegExp(`"${f}"`, 'i').test(stripNothingButComments(sql)))) {
    return { kind: 'file', word: 'read_*' }
  }
  if (/(\bfrom|\bjoin|,)\s*''/i.test(fromClauses(s))) return { kind: 'file', word: "'…'" }
  return null
}

/** Comments removed, literals kept (to see quoted identifiers). */
function stripNothingButComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ')
}

/** The text of FROM … up to WHERE/GROUP/ORDER/etc. (to spot a literal file name among tables). */
function fromClauses(s: string): string {
  const m = s.match(/\bfrom\b[\s\S]*?(?=\bwhere\b|\bgroup\b|\border\b|\blimit\b|\bhaving\b|\bqualify\b|\bunion\b|\bwindow\b|$)/gi)
  return (m ?? []).join(' ')
}

/** One read-only statement: SELECT/WITH/DESCRIBE/SHOW/SUMMARIZE/EXPLAIN, nothing that writes or reads files. */
export function isReadOnlySql(sql: string): boolean {
  return sqlRefusal(sql) == null
}
