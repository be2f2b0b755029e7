/**
 * `report_fmt` (format per report), `cell_issues` (every cell of the winning rows that is not a plain
 * unsigned number: blanks, not-applicable, text, loosely written or negative numbers) and `summary`,
 * one wide row per (unit_code, year) — what the dashboards query. NULL stays NULL: nothing missing
 * is summed as 0; an outcome group with an absent or blank row is NULL (outcome_missing_cells counts them).
 */
import { APPLICANT_PARTS, NOT_READ, REVIEW_KEYS, formVersionIds, newestFirst, outcomeRowsFor, perVersions, type FormatVersion, type OutcomeGroup } from '../domain'
import { CELL_COLUMNS, DATA_KINDS, lit, q, type DataKind } from './schema'
import { cellDictNum, cellKind, cellTolerated, isPlain } from './sql/cells'
import { expectedFormatSql } from './sql/versions'

const formatSql = (): string => `CREATE OR REPLACE TABLE report_fmt AS
SELECT k.unit_code, k.year, r.format_declared, d.detected,
  coalesce(d.detected, r.format_declared, ${expectedFormatSql('k.year')}) AS format
FROM (SELECT unit_code, year FROM reports UNION SELECT unit_code, year FROM active
      UNION SELECT unit_code, year FROM applications UNION SELECT unit_code, year FROM reviews) k
LEFT JOIN reports r ON r.unit_code = k.unit_code AND r.year = k.year
LEFT JOIN fmt_detect d ON d.unit_code = k.unit_code AND d.year = k.year`

/**
 * Every winning cell that is not a plain number, in one UNPIVOT per table (no statement or
 * expression per column): kind/num/tolerated from cell_dict, located by file and line.
 */
function cellIssuesSql(): string {
  // One filtered scan per column, not an UNPIVOT of every cell: most cells are plain numbers and are
  // dropped by the scan's filter, so the later expressions and joins see only the few others.
  // A blank active cell only matters for items that have the measure (in either format): the rest
  // of that table's cells are blank by design, and are most of its rows.
  const blankMatters = (k: DataKind, c: string): string => {
    // A report that states no active total has no blank table cell (report-format.md, blank_cells).
    if (k === 'reports') return 'false'
    if (k !== 'active') return 'true'
    const items = [...new Set(newestFirst().flatMap((v) => v.activeItems).filter((it) => it.measures.includes(c as never)).map((it) => it.key))]
    return items.length ? `rk IN (${items.map(lit).join(', ')})` : 'false'
  }
  const parts = DATA_KINDS.flatMap((k) => CELL_COLUMNS[k].map((c) =>
    `SELECT ${lit(k)} AS tbl, unit_code, year, rk, file_id, rec, line, ${lit(c)} AS col, ${q(c)} AS raw
      FROM w_${k} WHERE dup_rank = 1 AND (${q(c)} IS NULL AND ${blankMatters(k, c)} OR NOT ${isPlain(q(c))})`))
  // blank/n.a. active cells of measures the item does not have in its format are expected, not missing
  return `CREATE OR REPLACE TABLE cell_issues AS
  SELECT x.tbl, x.unit_code, x.year, x.rk, x.col, x.raw, x.file_id, x.rec, fl.path, x.line,
    ${cellKind('x.raw', 'd')} AS kind, ${cellDictNum('x.raw', 'd')} AS num, ${cellTolerated('x.raw', 'd')} AS tolerated
  FROM (${parts.join('\n  UNION ALL ')}) x
  JOIN files fl ON fl.file_id = x.file_id
  LEFT JOIN cell_dict d ON d.raw = x.raw
  LEFT JOIN report_fmt f ON f.unit_code = x.unit_code AND f.year = x.year
  LEFT JOIN (SELECT item, measure, list(format) AS formats FROM active_applies GROUP BY item, measure) a
    ON x.tbl = 'active' AND a.item = x.rk AND a.measure = x.col
  WHERE (x.raw IS NULL OR NOT ${isPlain('x.raw')})
    AND (x.tbl <> 'active' OR coalesce(d.kind, 'blank') NOT IN ('blank', 'na')
      OR (a.item IS NOT NULL AND (f.format IS NULL OR list_contains(a.formats, f.format))))`
}

const pick = (rowKey: string, col = 'total'): string => `max(${q(col)}) FILTER (WHERE "row" = ${lit(rowKey)})`

/** Groups with sub-rows: summed only when every sub-row of the form is there with a number. */
const SUB_GROUPS: readonly OutcomeGroup[] = ['withheld', 'unavailable', 'rejected', 'other']
const rowsOf = (f: FormatVersion, g?: OutcomeGroup): string =>
  outcomeRowsFor(f).filter((r) => !g || r.outcome === g).map((r) => lit(r.key)).join(', ') || 'NULL'
const filled = (f: FormatVersion, g?: OutcomeGroup): string =>
  `count(*) FILTER (WHERE "row" IN (${rowsOf(f, g)}) AND total IS NOT NULL)`
const size = (f: FormatVersion, g?: OutcomeGroup): number => outcomeRowsFor(f).filter((r) => !g || r.outcome === g).length
/** Per format: the group's sum when complete in that format's rows (NULL otherwise). */
const groupIn = (f: FormatVersion, g: OutcomeGroup): string =>
  `CASE WHEN ${filled(f, g)} = ${size(f, g)} THEN sum(total) FILTER (WHERE "row" IN (${rowsOf(f, g)})) END`
const col = (g: string, f: FormatVersion): string => q(`${g}@${f}`)
/**
 * The report's own format decides which rows a group needs; a group complete only in the other
 * format's rows (a 2021 report printing the single 2019 其他处理 row) still counts. A group with an
 * absent or blank row is NULL — never the sum of the rows that happen to be there.
 */
const groupValue = (g: OutcomeGroup, fs: readonly FormatVersion[]): string => {
  const keys = (f: FormatVersion): string[] => outcomeRowsFor(f).filter((r) => r.outcome === g).map((r) => r.key)
  // Another version's rows stand in unless they are just fewer of the report's own (a newer form adding a row).
  const standIns = (f: FormatVersion): string[] => fs.filter((o) => o !== f && !(keys(o).length < keys(f).length && keys(o).every((k) => keys(f).includes(k))))
  return `CASE k.format ${fs.map((f) => `WHEN ${lit(f)} THEN coalesce(${[f, ...standIns(f)].map((o) => `app.${col(g, o)}`).join(', ')})`).join(' ')}
    ELSE coalesce(${fs.map((f) => `app.${col(g, f)}`).join(', ')}) END`
}
/** Outcome rows of the report's format that are absent or blank (fewest over formats when the format is unknown). */
const missingValue = (fs: readonly FormatVersion[]): string => `CASE k.format ${fs.map((f) => `WHEN ${lit(f)} THEN app.${col('missing', f)}`).join(' ')}
    ELSE least(${fs.map((f) => `app.${col('missing', f)}`).join(', ')}) END`

function summaryTableSql(): string {
  const fs = formVersionIds()
  const groupCols = SUB_GROUPS.flatMap((g) => fs.map((f) => col(g, f)))
  const missingCols = fs.map((f) => col('missing', f))
  return `CREATE OR REPLACE TABLE summary AS
WITH app AS (
  SELECT unit_code, year,
    ${['received', 'carried_in', 'handled', 'carried_out', 'granted', 'partial'].map((r) => `${pick(r)} AS ${r}`).join(', ')},
    ${SUB_GROUPS.flatMap((g) => fs.map((f) => `${groupIn(f, g)} AS ${col(g, f)}`)).join(',\n    ')},
    ${fs.map((f) => `(${size(f)} - ${filled(f)})::INTEGER AS ${col('missing', f)}`).join(', ')},
    ${APPLICANT_PARTS.map((c) => `${pick('received', c)} AS received_${c}`).join(', ')}
  FROM applications GROUP BY unit_code, year),
stats AS (
  SELECT unit_code, year, count(*) FILTER (WHERE kind = 'blank')::INTEGER AS missing_cells,
    count(*) FILTER (WHERE kind = 'na')::INTEGER AS na_cells, count(*) FILTER (WHERE kind = 'text' AND raw <> ${lit(NOT_READ)})::INTEGER AS text_cells
  FROM cell_issues GROUP BY unit_code, year)
SELECT k.unit_code, k.year, coalesce(r.unit_name, u.unit_name, k.unit_code) AS unit_name,
  u.parent_code, coalesce(r.parent_name, u.parent_name) AS parent_name, coalesce(r.level, u.level) AS level,
  k.format, k.format_declared, k.detected AS format_detected, r.unit_code IS NOT NULL AS has_report,
  r.active_total, app.* EXCLUDE (unit_code, year, ${[...groupCols, ...missingCols].join(', ')}),
  ${SUB_GROUPS.map((g) => `${groupValue(g, fs)} AS ${g}`).join(', ')},
  ${REVIEW_KEYS.map((c) => `rv.${q(c)}`).join(', ')},
  app.unit_code IS NOT NULL AS has_applications,
  coalesce(${missingValue(fs)}, 0)::INTEGER AS outcome_missing_cells,
  coalesce(st.missing_cells, 0) AS missing_cells, coalesce(st.na_cells, 0) AS na_cells, coalesce(st.text_cells, 0) AS text_cells
FROM report_fmt k
LEFT JOIN reports r ON r.unit_code = k.unit_code AND r.year = k.year
LEFT JOIN units u ON u.unit_code = k.unit_code
LEFT JOIN app ON app.unit_code = k.unit_code AND app.year = k.year
LEFT JOIN reviews rv ON rv.unit_code = k.unit_code AND rv.year = k.year
LEFT JOIN stats st ON st.unit_code = k.unit_code AND st.year = k.year`
}

/** The statements, rebuilt from the domain's form versions when they change. */
export const summarySql = perVersions((): readonly string[] => [formatSql(), cellIssuesSql(), summaryTableSql()])
