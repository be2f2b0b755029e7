/**
 * Database schema (docs/ARCHITECTURE.md gives the overview). Raw tables keep every cell as read
 * (VARCHAR, NULL = blank); typed tables, `summary` and `findings` are rebuilt from them.
 */
import {
  ACTIVE_MEASURES, APPLICANT_KEYS, BUNDLE_TABLES, REVIEW_KEYS, formVersions,
  type TableKind,
} from '../domain'
import { HELPER_MACROS_SQL, setZhSql } from './sql/helpers'
import { lit, q } from '../queries/quote'
import type { Db } from './types'

/** Tables read into a raw table of their own (facts are kept long and pivoted at rebuild). */
export type RawKind = TableKind
export const RAW_KINDS: readonly RawKind[] = ['reports', 'units', 'active', 'applications', 'reviews', 'facts']
/** Kinds that make typed tables (facts feed active/applications/reviews). */
export type DataKind = 'reports' | 'active' | 'applications' | 'reviews'
export const DATA_KINDS: readonly DataKind[] = ['reports', 'active', 'applications', 'reviews']

/** Canonical columns per raw table, in bundle order. */
export const RAW_COLUMNS = {} as Record<RawKind, readonly string[]>
for (const k of RAW_KINDS) RAW_COLUMNS[k] = BUNDLE_TABLES[k].columns.map((c) => c.key)

/** Cell columns (cell-meaning rules apply) of each data table. */
export const CELL_COLUMNS: Record<DataKind, readonly string[]> = {
  reports: ['active_total'],
  active: ACTIVE_MEASURES.map((m) => m.key),
  applications: APPLICANT_KEYS,
  reviews: REVIEW_KEYS,
}
/** The row-label column of a table (null: one row per unit and year). */
export const ROW_COLUMN: Record<DataKind, 'item' | 'row' | null> = {
  reports: null, active: 'item', applications: 'row', reviews: null,
}
/** Cells that may be negative (2019 本年增/减). */
export const SIGNED_COLUMNS: ReadonlySet<string> = new Set(ACTIVE_MEASURES.filter((m) => m.signed).map((m) => m.key))

export { lit, q }

const rawDdl = (k: RawKind): string =>
  `CREATE TABLE IF NOT EXISTS raw_${k} (file_id INTEGER, rec INTEGER, ${RAW_COLUMNS[k].map((c) => `${q(c)} VARCHAR`).join(', ')});`

/** Which measures of which active item a report fills, per format (blank elsewhere is expected). */
const activeApplies = (): string => {
  const rows: string[] = []
  for (const v of formVersions())
    for (const it of v.activeItems) for (const m of it.measures) rows.push(`(${lit(v.id)}, ${lit(it.key)}, ${lit(m)})`)
  return `INSERT INTO active_applies SELECT * FROM (VALUES ${rows.join(', ')})
    WHERE NOT EXISTS (SELECT 1 FROM active_applies);`
}

const SCHEMA_SQL = `
CREATE SEQUENCE IF NOT EXISTS file_seq START 1;
CREATE TABLE IF NOT EXISTS files (file_id INTEGER PRIMARY KEY, path VARCHAR, kind VARCHAR, encoding VARCHAR,
  delimiter VARCHAR, header_lines INTEGER, records INTEGER, loaded INTEGER, bundle_no INTEGER);
-- header text and 1-based position of each recognised column, for located messages
CREATE TABLE IF NOT EXISTS file_cols (file_id INTEGER, key VARCHAR, pos INTEGER, header VARCHAR);
-- multi-line records: from record rec_from on, line = rec + header_lines + shift
CREATE TABLE IF NOT EXISTS line_shift (file_id INTEGER, rec_from INTEGER, shift INTEGER);
-- findings made while loading (malformed rows); kept across rebuilds, removed with their file
CREATE TABLE IF NOT EXISTS load_findings (rule VARCHAR, severity VARCHAR, file_id INTEGER, line INTEGER, raw VARCHAR, message VARCHAR);
-- row labels (keys or Chinese labels) → keys, filled from the domain's label index in JS
CREATE TABLE IF NOT EXISTS label_map (tbl VARCHAR, label VARCHAR, key VARCHAR);
-- facts.csv section/column → table/column key
CREATE TABLE IF NOT EXISTS facts_map (section VARCHAR, col VARCHAR, tbl VARCHAR, key VARCHAR);
CREATE TABLE IF NOT EXISTS active_applies (format VARCHAR, item VARCHAR, measure VARCHAR);
-- distinct year texts and non-plain cell texts, parsed in JS by the domain (src/db/dicts.ts)
CREATE TABLE IF NOT EXISTS year_dict (raw VARCHAR, year INTEGER, two_digit BOOLEAN);
CREATE TABLE IF NOT EXISTS cell_dict (raw VARCHAR, kind VARCHAR, num DOUBLE, tolerated BOOLEAN, key VARCHAR);
${RAW_KINDS.map(rawDdl).join('\n')}
-- placeholder until the first rebuild()
CREATE TABLE IF NOT EXISTS units (unit_code VARCHAR, unit_name VARCHAR, parent_code VARCHAR, parent_name VARCHAR, level VARCHAR, depth INTEGER);
CREATE TABLE IF NOT EXISTS findings (rule VARCHAR, severity VARCHAR, unit_code VARCHAR, year INTEGER, tbl VARCHAR,
  cells VARCHAR, left_val DOUBLE, right_val DOUBLE, file_id INTEGER, line INTEGER, col VARCHAR, raw VARCHAR, message VARCHAR);
`

/** Create everything that does not exist yet (idempotent). */
const ready = new WeakSet<Db>()
export async function ensureSchema(db: Db): Promise<void> {
  if (ready.has(db)) return
  await db.exec(SCHEMA_SQL + activeApplies() + HELPER_MACROS_SQL + setZhSql())
  ready.add(db)
}
/** The schema made by ensureSchema was rolled back (src/db/adopt.ts in a load's transaction): make it again next time. */
export function forgetSchema(db: Db): void {
  ready.delete(db)
}

/** SQL expression for the source line of record `rec` of file `fileId` (aliases given). */
export const lineExpr = (fileAlias: string, recExpr: string): string =>
  `(${recExpr} + ${fileAlias}.header_lines + coalesce((SELECT max_by(ls.shift, ls.rec_from) FROM line_shift ls
     WHERE ls.file_id = ${fileAlias}.file_id AND ls.rec_from <= ${recExpr}), 0))`
