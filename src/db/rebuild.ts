/**
 * Rebuild everything derived from the raw tables: keyed rows with their duplicate rank (`w_*`),
 * typed tables (first occurrence wins), units hierarchy, `summary`, `findings`.
 */
import { checkpoint } from '../ingest/abort'
import { updateDicts, type DictState } from './dicts'
import { findingsSql } from './findings'
import { CELL_COLUMNS, DATA_KINDS, RAW_COLUMNS, ROW_COLUMN, ensureSchema, lit, q, type DataKind } from './schema'
import { SET_CELL_NUM_SQL, cellNum } from './sql/cells'
import { summarySql } from './summary'
import { UNITS_SQL } from './units'
import { formatDeclaredSql, formatDetectSql } from './sql/versions'
import type { Db } from './types'

/**
 * facts.csv pivoted into the wide shape of one table; one record per (file, unit, year, row) by meaning:
 * the unit code trimmed, the year parsed (year_dict) and the row by its key (label_map), so one row
 * spelled two ways (`received`, `本年新收…`) is one record. Spellings not understood stay apart (their
 * findings name them). The record shows the spelling of its first line. Cells facts does not give are NULL.
 */
function factsPivot(kind: Exclude<DataKind, 'reports'>): string {
  const rowCol = ROW_COLUMN[kind]
  const first = (c: string): string => `arg_min(${c}, f.rec)`
  const cells = CELL_COLUMNS[kind].map((c) => `${first('f.value')} FILTER (WHERE m.key = ${lit(c)}) AS ${q(c)}`)
  return `SELECT f.file_id, min(f.rec)::INTEGER AS rec, ${first('f.unit_code')} AS unit_code, ${first('f.year')} AS year${
    rowCol ? `, ${first('f."row"')} AS ${q(rowCol)}` : ''}, ${cells.join(', ')}
    FROM raw_facts f JOIN facts_map m ON m.section = f.section AND m.col = f."column"
    LEFT JOIN year_dict yd ON yd.raw = f.year
    ${rowCol ? `LEFT JOIN label_map lm ON lm.tbl = ${lit(kind)} AND lm.label = f."row"` : ''}
    WHERE m.tbl = ${lit(kind)} AND m.key IS NOT NULL
    GROUP BY f.file_id, trim(f.unit_code), coalesce(yd.year::VARCHAR, '?' || f.year)${rowCol ? `, coalesce(lm.key, '?' || f."row")` : ''}`
}

/**
 * `SELECT src.*, dup_rank FROM src`: 1 for the first row of its key by (file_id, rec), 2 for later ones,
 * NULL when a key part is NULL. An aggregate over the (few) repeated keys, not a window over every
 * row: the window's sort was half the cost of building w_applications.
 */
function dupRank(keyList: string): string {
  const keys = keyList.split(', ')
  const ord = (a: string): string => `(${a}.file_id::BIGINT * 4294967296 + ${a}.rec)`
  return `, dk AS (SELECT ${keyList}, min(${ord('src')}) AS first_ord FROM src
      WHERE ${keys.map((k) => `${k} IS NOT NULL`).join(' AND ')} GROUP BY ${keyList} HAVING count(*) > 1)
    SELECT src.*, CASE WHEN ${keys.map((k) => `src.${k} IS NULL`).join(' OR ')} THEN NULL
        WHEN dk.first_ord IS NULL OR dk.first_ord = ${ord('src')} THEN 1 ELSE 2 END AS dup_rank
    FROM src LEFT JOIN dk ON ${keys.map((k) => `dk.${k} = src.${k}`).join(' AND ')}`
}

/**
 * All source rows of a data table with parsed keys and their rank among rows of the same key. The year and row
 * label as written are kept only where a finding quotes them (a year not read plainly, a label not understood),
 * and the file's path not at all (the few rows that need it join `files`): at 50,000 reports these texts were a
 * third of the table's memory and of its building time (issue 19).
 */
function keyedSql(kind: DataKind, { facts, shifts }: DictState): string {
  const rowCol = ROW_COLUMN[kind]
  const srcCols = ['file_id', 'rec', ...RAW_COLUMNS[kind]].map(q).join(', ')
  const union = kind === 'reports' || !facts
    ? `SELECT ${srcCols} FROM raw_${kind}`
    : `SELECT ${srcCols} FROM raw_${kind} UNION ALL BY NAME ${factsPivot(kind)}`
  const rk = rowCol ? 'lm.key' : "''"
  const join = rowCol ? `LEFT JOIN label_map lm ON lm.tbl = ${lit(kind)} AND lm.label = s.${q(rowCol)}` : ''
  const label = rowCol ? `, ${q(rowCol)}), CASE WHEN lm.key IS NULL THEN s.${q(rowCol)} END AS ${q(rowCol)},` : '),'
  return `CREATE OR REPLACE TABLE w_${kind} AS
    WITH src AS (SELECT s.* EXCLUDE (unit_code, year${label} nullif(trim(s.unit_code), '') AS unit_code,
        CASE WHEN yd.year IS NULL OR yd.two_digit THEN s.year END AS year_raw,
        yd.year AS year, coalesce(yd.two_digit, false) AS year_short, ${rk} AS rk,
        (s.rec + fl.header_lines${shifts ? ' + coalesce(ls.shift, 0)' : ''})::INTEGER AS line
      FROM (${union}) s LEFT JOIN year_dict yd ON yd.raw = s.year ${join} JOIN files fl ON fl.file_id = s.file_id
      ${shifts ? 'ASOF LEFT JOIN line_shift ls ON ls.file_id = s.file_id AND s.rec >= ls.rec_from' : ''})
    ${dupRank('unit_code, year, rk')}`
}

function typedSql(kind: DataKind): string {
  const rowCol = ROW_COLUMN[kind]
  const cells = CELL_COLUMNS[kind].map((c) => `${cellNum(q(c))} AS ${q(c)}`).join(', ')
  const head = kind === 'reports'
    ? `nullif(trim(unit_name), '') AS unit_name, nullif(trim(parent_code), '') AS parent_code,
       nullif(trim(parent_name), '') AS parent_name, nullif(trim(level), '') AS level,
       ${formatDeclaredSql('format')} AS format_declared, source,`
    : rowCol ? `rk AS ${q(rowCol)},` : ''
  return `CREATE OR REPLACE TABLE ${kind} AS SELECT unit_code, year, ${head} ${cells}, file_id, rec
    FROM w_${kind} WHERE dup_rank = 1`
}

const unitsWinnersSql = `CREATE OR REPLACE TABLE w_units AS
  WITH src AS (SELECT file_id, rec, nullif(trim(unit_code), '') AS unit_code, nullif(trim(unit_name), '') AS unit_name,
    nullif(trim(parent_code), '') AS parent_code, nullif(trim(level), '') AS level FROM raw_units WHERE nullif(trim(unit_code), '') IS NOT NULL)
  ${dupRank('unit_code')}`

/**
 * Phase 1, what the figures read (issue 19): keyed rows, typed tables, `report_fmt`, `units`/`unit_tree`,
 * `cell_issues` (the summary's missing/n.a./text cell counts come from it) and `summary`. The previous findings
 * are deleted in the same statements: once this commits, no finding of other data is shown as if it were this one's.
 */
const figuresSql = (st: DictState): string[] => [...DATA_KINDS.map((k) => keyedSql(k, st)), unitsWinnersSql,
  SET_CELL_NUM_SQL, ...DATA_KINDS.map(typedSql), formatDetectSql(), ...UNITS_SQL, ...summarySql(), 'DELETE FROM findings']

/** Phase 2, the checks: findings and rules (they read the keyed rows, which are dropped at the end). */
const checksSql = (): string[] => [...findingsSql(), DROP_WORK_SQL]

/**
 * The keyed copies of the rows are only read within a rebuild: dropped at its end, they give their
 * memory back to later queries (340 of DuckDB's 940 MB after a 50k-report load).
 */
export const DROP_WORK_SQL = [...DATA_KINDS.map((k) => `DROP TABLE IF EXISTS w_${k}`), 'DROP TABLE IF EXISTS app_cols'].join(';\n')

// Rebuilds of one database run one at a time (the dictionaries are filled from what they lack).
const running = new WeakMap<Db, Promise<void>>()

function serial(db: Db, step: () => Promise<void>): Promise<void> {
  const prev = running.get(db) ?? Promise.resolve()
  const next = prev.catch(() => undefined).then(step)
  running.set(db, next)
  return next
}

/** Statements in `parts` round trips; a cancel is seen between them. */
async function runParts(db: Db, sql: readonly string[], parts: number, signal?: AbortSignal): Promise<void> {
  const size = Math.ceil(sql.length / parts)
  for (let i = 0; i < sql.length; i += size) {
    checkpoint(signal)
    await db.exec(sql.slice(i, i + size).join(';\n'))
  }
}

/** Phase 1 only (loadTables commits it before the checks run); a cancel is seen between its parts. */
export function rebuildFigures(db: Db, signal?: AbortSignal): Promise<void> {
  return serial(db, async () => {
    await ensureSchema(db)
    const st = await updateDicts(db)
    checkpoint(signal)
    // few round trips (each statement still runs in order)
    await runParts(db, figuresSql(st), signal ? 4 : 1, signal)
  })
}

/**
 * Phase 2 only, after phase 1 committed: one statement per round trip, so that the figures' queries on the read
 * connection get their turn in the DuckDB worker between them. Not cancellable after a load (the data is in, its
 * checks must end): only a warm-up's dry run (./warmup.ts) passes `signal`, seen between the statements.
 */
export function rebuildChecks(db: Db, signal?: AbortSignal): Promise<void> {
  return serial(db, async () => {
    for (const s of checksSql()) { checkpoint(signal); await db.exec(s) }
  })
}

/** Everything, both phases in a row (clear, remove a file, merges, the native summariser). */
export async function rebuild(db: Db, signal?: AbortSignal): Promise<void> {
  await rebuildFigures(db, signal)
  checkpoint(signal)
  await rebuildChecks(db)
}
