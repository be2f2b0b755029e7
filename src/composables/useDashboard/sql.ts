/** The guard of the read-only SQL helper exposed to browser tests (window.__dashboard.query). */
export const FINDINGS_SHOWN = 200

/** One read-only statement: SELECT/WITH/DESCRIBE/SHOW/SUMMARIZE/EXPLAIN, no second statement. */
export function isReadOnlySql(sql: string): boolean {
  const s = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ').trim().replace(/;\s*$/, '')
  if (!/^(select|with|describe|show|summarize|explain|from|values)\b/i.test(s)) return false
  // A ';' outside quotes means a second statement.
  let quote: string | null = null
  for (const ch of s) {
    if (quote) { if (ch === quote) quote = null } else if (ch === "'" || ch === '"') quote = ch
    else if (ch === ';') return false
  }
  return !/\b(insert|update|delete|drop|create|alter|attach|detach|copy|export|import|install|load|set|pragma|call|checkpoint)\b/i.test(s.replace(/'[^']*'/g, "''"))
}
