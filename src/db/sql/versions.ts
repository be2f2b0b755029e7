/**
 * SQL that depends on the form versions, generated from the domain's registry (src/domain/versions.ts):
 * no version name is written here, so a version added to the domain is declared, detected and expected
 * without a change in the db layer.
 */
import { ACTIVE_MEASURES, allActiveItems, allApplicationRows, formVersions, newestFirst } from '../../domain'
import { lit, q } from '../../queries/quote'
const reEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The version named in reports.csv's free-text `format` column (e.g. "2021版"), or NULL. */
export const formatDeclaredSql = (col: string): string =>
  `nullif(regexp_extract(${col}, '(${formVersions().map((v) => reEscape(v.id)).join('|')})', 1), '')`

/** The version a report for year `yearExpr` should use (NULL before the first version). */
export const expectedFormatSql = (yearExpr: string): string =>
  `CASE ${newestFirst().map((v) => `WHEN ${yearExpr} >= ${v.startYear} THEN ${lit(v.id)}`).join(' ')} END`

/**
 * Format each report's tables are actually in, from the rows and measures used: a row or a filled measure
 * that a version does not print rules that version out; the report is detected in a version when exactly
 * one is left (none or several: not detected, the declared format or the year decides).
 */
export function formatDetectSql(): string {
  const vs = formVersions()
  // Row keys come from the label map, so a known row not printed by a version is one of the others' rows.
  const notIn = (all: readonly { key: string }[], own: readonly { key: string }[]): string[] =>
    all.map((x) => x.key).filter((k) => !own.some((o) => o.key === k))
  const rowsOut = (keys: string[]): string => keys.length ? `coalesce(rk IN (${keys.map(lit).join(', ')}), false)` : 'false'
  const appOut = vs.map((v, i) => `${rowsOut(notIn(allApplicationRows(), v.applicationRows))} AS x${i}`)
  const activeOut = vs.map((v, i) => {
    const others = notIn(ACTIVE_MEASURES, v.activeMeasures).map(q)
    return `(${rowsOut(notIn(allActiveItems(), v.activeItems))}${others.length ? ` OR coalesce(${others.join(', ')}) IS NOT NULL` : ''}) AS x${i}`
  })
  const fits = vs.map((_, i) => `NOT bool_or(x${i})`)
  return `CREATE OR REPLACE TABLE fmt_detect AS
  SELECT unit_code, year,
    CASE WHEN ${fits.map((f) => `(${f})::INTEGER`).join(' + ')} = 1 THEN CASE ${vs.map((v, i) => `WHEN ${fits[i]} THEN ${lit(v.id)}`).join(' ')} END END AS detected
  FROM (
    SELECT unit_code, year, ${appOut.join(', ')} FROM w_applications WHERE dup_rank = 1
    UNION ALL
    SELECT unit_code, year, ${activeOut.join(', ')}
    FROM w_active WHERE dup_rank = 1)
  GROUP BY unit_code, year`
}
