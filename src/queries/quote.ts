/**
 * The one place SQL text is quoted (security relevant): for the app's own constants (domain labels, table
 * and column names) glued into DDL, rebuild statements and query builders' column lists. src/db imports it from here. User text is never glued: it is bound with `?`.
 */

/** A double-quoted identifier ("a""b"). */
export const q = (id: string): string => `"${id.replace(/"/g, '""')}"`

/** A single-quoted string literal ('it''s'). */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`
