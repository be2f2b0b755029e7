/**
 * Data-quality view and per-report view: pure SQL builders with bound `?` parameters.
 * Findings (filtered, paged, counted), coverage (unit × year with status), risk ranking, and the
 * cells of one report (typed value + verbatim raw text, with file and line).
 */
import { ACTIVE_MEASURES, APPLICANT_KEYS, REVIEW_KEYS } from '../domain'
import { summaryWhere } from './filters'
import { findingCountsQuery, findingsQuery, findingsTotalQuery, type FindingsOptions } from './findings'
import type { FindingCountRow, FindingRow } from './rows'
import { q } from './quote'
import type { Filters, Query, SqlParam } from './types'

// ------------------------------------------------------------------ findings (one SELECT: ./findings.ts)

/** Options of the quality view on top of the shared filters. */
export type QualityOptions = FindingsOptions
export type QualityFindingRow = FindingRow
export type QualityCountRow = FindingCountRow
type TotalRow = { total: number }

/** One page of findings (errors first, then rule, unit, year, location; 100 rows unless asked). */
export const qualityFindingsQuery = (f: Filters = {}, o: QualityOptions = {}): Query<QualityFindingRow> =>
  findingsQuery(f, { ...o, limit: o.limit ?? 100 })
export const qualityTotalQuery = findingsTotalQuery
export const qualityCountsQuery = findingCountsQuery

// ------------------------------------------------------------------ coverage

export type CoverageStatus = 'ok' | 'missing' | 'warning' | 'error'

export type CoverageRow = {
  unitCode: string
  unitName: string
  parentName: string | null
  year: number
  status: CoverageStatus
  /** The unit-year has a reports.csv row (false: only table rows, or nothing). */
  hasReport: boolean
  errors: number
  warnings: number
  infos: number
  /** Units in the matrix (all pages) — the same on every row. */
  unitsTotal: number
}

export interface CoverageOptions { limit?: number; offset?: number }

/**
 * Unit × year matrix over the units that have data in the filtered years and every year loaded in
 * that range. `missing`: no data for the unit-year; else the worst severity of its findings
 * (`error` · `warning`), else `ok` (info findings do not colour a cell). Paged by unit.
 */
export function coverageQuery(f: Filters = {}, o: CoverageOptions = {}): Query<CoverageRow> {
  const s = summaryWhere(f, 's')
  return {
    sql: `WITH sel AS (SELECT s.unit_code, s.year, s.unit_name, s.parent_name, s.has_report FROM summary s ${s.sql}),
    years AS (SELECT DISTINCT year FROM sel),
    us AS (SELECT unit_code, arg_max(unit_name, year) AS unit_name, arg_max(parent_name, year) AS parent_name FROM sel GROUP BY unit_code),
    ranked AS (SELECT *, row_number() OVER (ORDER BY parent_name NULLS LAST, unit_code) AS rn, count(*) OVER () AS n FROM us),
    page AS (SELECT * FROM ranked WHERE rn > ? AND rn <= ?),
    fc AS (SELECT f.unit_code, f.year, count(*) FILTER (WHERE f.severity = 'error') AS e,
        count(*) FILTER (WHERE f.severity = 'warning') AS w, count(*) FILTER (WHERE f.severity = 'info') AS i
      FROM findings f WHERE f.unit_code IN (SELECT unit_code FROM page) GROUP BY f.unit_code, f.year)
    SELECT p.unit_code AS "unitCode", p.unit_name AS "unitName", p.parent_name AS "parentName", y.year::INTEGER AS "year",
      CASE WHEN x.unit_code IS NULL THEN 'missing' WHEN coalesce(fc.e, 0) > 0 THEN 'error'
        WHEN coalesce(fc.w, 0) > 0 THEN 'warning' ELSE 'ok' END AS "status",
      coalesce(x.has_report, false) AS "hasReport",
      coalesce(fc.e, 0)::INTEGER AS "errors", coalesce(fc.w, 0)::INTEGER AS "warnings", coalesce(fc.i, 0)::INTEGER AS "infos",
      p.n::INTEGER AS "unitsTotal"
    FROM page p CROSS JOIN years y
    LEFT JOIN sel x ON x.unit_code = p.unit_code AND x.year = y.year
    LEFT JOIN fc ON fc.unit_code = p.unit_code AND fc.year = y.year
    ORDER BY p.rn, y.year`,
    params: [...s.params, o.offset ?? 0, (o.offset ?? 0) + (o.limit ?? 1_000_000)],
  }
}

// ------------------------------------------------------------------ risk

export type RiskRow = {
  unitCode: string
  unitName: string
  parentName: string | null
  errors: number
  warnings: number
  infos: number
  /** Loaded unit-years in the filtered range. */
  reports: number
  /** Years with at least one error, ascending. */
  errorYears: number[]
}

/** Units ranked by their error findings, then warnings (units with neither are left out). */
export function riskQuery(f: Filters = {}, o: { limit?: number } = {}): Query<RiskRow> {
  const s = summaryWhere(f, 's')
  return {
    sql: `WITH sel AS (SELECT s.unit_code, s.year, s.unit_name, s.parent_name FROM summary s ${s.sql}),
    fc AS (SELECT f.unit_code, count(*) FILTER (WHERE f.severity = 'error') AS e, count(*) FILTER (WHERE f.severity = 'warning') AS w,
        count(*) FILTER (WHERE f.severity = 'info') AS i,
        list(DISTINCT f.year ORDER BY f.year) FILTER (WHERE f.severity = 'error') AS ey
      FROM findings f JOIN sel ON sel.unit_code = f.unit_code AND sel.year = f.year GROUP BY f.unit_code),
    us AS (SELECT unit_code, arg_max(unit_name, year) AS unit_name, arg_max(parent_name, year) AS parent_name, count(*) AS n
      FROM sel GROUP BY unit_code)
    SELECT us.unit_code AS "unitCode", us.unit_name AS "unitName", us.parent_name AS "parentName",
      fc.e::INTEGER AS "errors", fc.w::INTEGER AS "warnings", fc.i::INTEGER AS "infos", us.n::INTEGER AS "reports",
      coalesce(list_transform(fc.ey, x -> x::INTEGER), []) AS "errorYears"
    FROM fc JOIN us ON us.unit_code = fc.unit_code
    WHERE fc.e > 0 OR fc.w > 0
    ORDER BY fc.e DESC, fc.w DESC, us.unit_code
    LIMIT ?`,
    params: [...s.params, o.limit ?? 100],
  }
}

// ------------------------------------------------------------------ one report

export type ReportMetaRow = {
  unitCode: string
  unitName: string | null
  parentCode: string | null
  parentName: string | null
  level: string | null
  year: number
  hasReport: boolean
  format: string | null
  formatDeclared: string | null
  formatDetected: string | null
  activeTotal: number | null
  /** Verbatim active_total cell of reports.csv. */
  activeTotalRaw: string | null
  source: string | null
  file: string | null
  line: number | null
}

/** Source line of record `rec` of file `fl` (files.header_lines + multi-line shifts). */
const lineOf = (fl: string, t: string): string =>
  `(${t}.rec + ${fl}.header_lines + coalesce((SELECT max_by(ls.shift, ls.rec_from) FROM line_shift ls
     WHERE ls.file_id = ${t}.file_id AND ls.rec_from <= ${t}.rec), 0))::INTEGER`

/** The unit-year's summary row, its reports.csv row (verbatim active_total) and where it came from. */
export function reportMetaQuery(unitCode: string, year: number): Query<ReportMetaRow> {
  return {
    sql: `SELECT coalesce(s.unit_code, r.unit_code) AS "unitCode", coalesce(s.unit_name, r.unit_name, u.unit_name) AS "unitName",
      coalesce(s.parent_code, r.parent_code, u.parent_code) AS "parentCode", coalesce(s.parent_name, r.parent_name, u.parent_name) AS "parentName",
      coalesce(s.level, r.level, u.level) AS "level", ?::INTEGER AS "year", coalesce(s.has_report, false) AS "hasReport",
      s.format AS "format", s.format_declared AS "formatDeclared", s.format_detected AS "formatDetected",
      r.active_total::DOUBLE AS "activeTotal", rr.active_total AS "activeTotalRaw", r.source AS "source",
      fl.path AS "file", CASE WHEN r.rec IS NULL THEN NULL ELSE ${lineOf('fl', 'r')} END AS "line"
    FROM (SELECT ? AS unit_code, ?::INTEGER AS year) k
    LEFT JOIN summary s ON s.unit_code = k.unit_code AND s.year = k.year
    LEFT JOIN reports r ON r.unit_code = k.unit_code AND r.year = k.year
    LEFT JOIN raw_reports rr ON rr.file_id = r.file_id AND rr.rec = r.rec
    LEFT JOIN units u ON u.unit_code = k.unit_code
    LEFT JOIN files fl ON fl.file_id = r.file_id`,
    params: [year, unitCode, year],
  }
}

export type CellTable = 'active' | 'applications' | 'reviews'

/** Cell columns of each section table (domain keys). */
export const REPORT_COLUMNS: Record<CellTable, readonly string[]> = {
  active: ACTIVE_MEASURES.map((m) => m.key),
  applications: APPLICANT_KEYS,
  reviews: REVIEW_KEYS,
}
const ROW_COL: Record<CellTable, string | null> = { active: 'item', applications: 'row', reviews: null }

/**
 * A typed row of one section table: `rowKey` ('' for reviews), the source file (kind: a facts file
 * has no wide raw row), line, and per cell column c: `v_<c>` (number or null) and `r_<c>` (verbatim text,
 * null = blank in a wide file or a cell taken from facts.csv — see reportFactsQuery).
 */
export type ReportCellsRow = {
  rowKey: string
  fileId: number
  file: string | null
  fileKind: string | null
  line: number | null
  [cell: string]: unknown
}

/** The winning rows of one section table for a unit-year, each cell as number and as written. */
export function reportCellsQuery(tbl: CellTable, unitCode: string, year: number): Query<ReportCellsRow> {
  const cols = REPORT_COLUMNS[tbl]
  const rk = ROW_COL[tbl]
  return {
    sql: `SELECT ${rk ? `t.${q(rk)}` : "''"} AS "rowKey", t.file_id::INTEGER AS "fileId", fl.path AS "file", fl.kind AS "fileKind",
      ${lineOf('fl', 't')} AS "line",
      ${cols.map((c) => `t.${q(c)}::DOUBLE AS ${q('v_' + c)}, r.${q(c)} AS ${q('r_' + c)}`).join(',\n      ')}
    FROM ${tbl} t
    LEFT JOIN raw_${tbl} r ON r.file_id = t.file_id AND r.rec = t.rec
    LEFT JOIN files fl ON fl.file_id = t.file_id
    WHERE t.unit_code = ? AND t.year = ?
    ORDER BY t.file_id, t.rec`,
    params: [unitCode, year],
  }
}

export type ReportFactRow = { tbl: CellTable; rowKey: string; col: string; raw: string | null; fileId: number; line: number | null }

/** Cells of the unit-year given in facts.csv (long form), verbatim, first occurrence per cell and file. */
export function reportFactsQuery(unitCode: string, year: number): Query<ReportFactRow> {
  return {
    sql: `SELECT m.tbl AS "tbl", coalesce(lm.key, '') AS "rowKey", m.key AS "col", arg_min(rf.value, rf.rec) AS "raw",
      rf.file_id::INTEGER AS "fileId", min(${lineOf('fl', 'rf')}) AS "line"
    FROM raw_facts rf
    JOIN facts_map m ON m.section = rf.section AND m.col = rf."column"
    LEFT JOIN label_map lm ON lm.tbl = m.tbl AND lm.label = rf."row"
    JOIN files fl ON fl.file_id = rf.file_id
    WHERE trim(rf.unit_code) = ? AND try_cast(regexp_extract(rf.year, '(\\d{4})', 1) AS INTEGER) = ? AND m.key IS NOT NULL
    GROUP BY m.tbl, coalesce(lm.key, ''), m.key, rf.file_id`,
    params: [unitCode, year],
  }
}
