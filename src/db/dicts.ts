/**
 * Dictionaries filled in JS with the domain's own rules, so that SQL never re-implements them:
 * - `label_map(tbl, label, key)`: row labels → keys (normaliseLabel + labelIndex, src/db/labels.ts);
 * - `year_dict(raw, year, two_digit)`: distinct `year` texts → parseYear;
 * - `cell_dict(raw, kind, num, tolerated, key)`: distinct cell texts that are not plain numbers
 *   (see PLAIN in ./sql/cells.ts) → parseCell, plus the comparison key used for duplicates.
 * Only values not seen before are parsed (one query collects them all); entries are pure functions
 * of the text, so entries left over from removed files are harmless.
 */
import { parseCell, parseYear } from '../domain'
import { registeredPath } from './engine'
import { insertRows } from './insert'
import { rowKey, updateFactsMap } from './labels'
import { CELL_COLUMNS, DATA_KINDS, q } from './schema'
import { PLAIN } from './sql/cells'
import type { Db, SqlParam } from './types'

/** What a cell text is compared by when a key is given twice: numbers by value (key NULL), else kind or trimmed text. */
function cellKey(raw: string | null): string | null {
  const c = parseCell(raw)
  if (c.value != null) return null
  return c.kind === 'text' ? (raw ?? '').replace(/[\s\u200b-\u200f\ufeff]+/g, ' ').trim() : c.kind
}

function cellDictRow(raw: string): SqlParam[] {
  const c = parseCell(raw)
  // the number as its shortest round-trip text: the bindings reject integers beyond 2^63 as parameters
  return [raw, c.kind, c.value == null ? null : String(c.value), c.tolerated, cellKey(raw)]
}

const notPlain = (v: string): string => `${v} IS NOT NULL AND NOT regexp_full_match(${v}, '${PLAIN}')`

/** Distinct texts of every cell column (and report unit names, compared for duplicates) not in cell_dict. */
const newCellsSql = (): string => {
  const parts = DATA_KINDS.map((k) => {
    const cols = [...CELL_COLUMNS[k], ...(k === 'reports' ? ['unit_name'] : [])].map(q)
    return `SELECT unnest([${cols.join(', ')}]) AS v FROM raw_${k}`
  })
  parts.push('SELECT value AS v FROM raw_facts')
  return `SELECT DISTINCT v FROM (${parts.join(' UNION ALL ')}) WHERE ${notPlain('v')}
    EXCEPT SELECT raw FROM cell_dict`
}

const NEW_VALUES_SQL = `
SELECT 'label' AS what, tbl AS tbl, label AS v FROM (
  SELECT 'active' AS tbl, item AS label FROM raw_active WHERE item IS NOT NULL
  UNION SELECT 'applications', "row" FROM raw_applications WHERE "row" IS NOT NULL
  UNION SELECT m.tbl, f."row" FROM raw_facts f JOIN facts_map m ON m.section = f.section AND m.col = f."column"
    WHERE m.tbl IN ('active', 'applications') AND f."row" IS NOT NULL
  EXCEPT SELECT tbl, label FROM label_map)
UNION ALL
SELECT 'year', NULL, v FROM (
  ${[...DATA_KINDS, 'facts'].map((k) => `SELECT year AS v FROM raw_${k} WHERE year IS NOT NULL`).join(' UNION ')}
  EXCEPT SELECT raw FROM year_dict)
UNION ALL
SELECT 'cell', NULL, v FROM (${newCellsSql()})
UNION ALL
SELECT 'facts', NULL, NULL WHERE EXISTS (SELECT 1 FROM raw_facts)
UNION ALL
SELECT 'shifts', NULL, NULL WHERE EXISTS (SELECT 1 FROM line_shift)`

/**
 * Bound parameters are kept small: a 600 KB parameter, or 500 rows of 12 KB in one INSERT, crashes
 * DuckDB-WASM ("memory access out of bounds"). Rows holding a text longer than LONG_PARAM are written
 * as CSV to a registered file and read back with read_csv (the way every loaded file is read); the
 * other rows go in INSERTs of at most PARAM_BUDGET characters. Every entry is still parsed in JS by the domain.
 * More rows than one INSERT holds all go through the CSV file: binding is slow in the worker (13,000 cell texts of
 * a 50,000-report bundle took 30 INSERTs and 1.0 s, issue 19), reading them back one statement.
 */
const LONG_PARAM = 4096
const PARAM_BUDGET = 64 * 1024
const PARAM_ROWS = 500

let dictFileSeq = 0
const csvField = (v: SqlParam): string => (v == null ? '' : `"${String(v).replace(/"/g, '""')}"`)
const size = (r: SqlParam[]): number => r.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 8), 0)

/** Insert dictionary rows: with bound parameters when they fit one small INSERT, else (and rows holding a long text) through a registered CSV. */
async function insertDictRows(db: Db, table: string, rows: SqlParam[][]): Promise<void> {
  const isLong = (r: SqlParam[]): boolean => r.some((v) => typeof v === 'string' && v.length > LONG_PARAM)
  const short = rows.filter((r) => !isLong(r))
  const bound = short.length <= PARAM_ROWS && size(short.flat()) <= PARAM_BUDGET
  if (bound) await insertRows(db, table, short)
  const viaFile = bound ? rows.filter(isLong) : rows
  if (viaFile.length === 0) return
  const n = viaFile[0].length
  const name = registeredPath(`dict_${++dictFileSeq}.csv`)
  const lines = viaFile.map((r) => r.map(csvField).join(','))
  await db.registerFile(name, new TextEncoder().encode(lines.join('\n') + '\n'))
  // read_csv's buffer grows with max_line_size (64 MiB asked for 1 GiB, over the worker's memory limit): ask for
  // what the longest line needs (at most 3 UTF-8 bytes per UTF-16 unit), DuckDB's default 2 MiB at least.
  const maxLine = Math.max(2 * 1024 * 1024, 3 * Math.max(...lines.map((l) => l.length)) + 64)
  try {
    const cols = Array.from({ length: n }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')
    await db.exec(`INSERT INTO ${table} SELECT * FROM read_csv('${name}', delim=',', quote='"', escape='"', header=false,
      auto_detect=false, columns={${cols}}, allow_quoted_nulls=false, max_line_size=${maxLine})`)
  } finally {
    await db.dropFile(name)
  }
}

export interface DictState {
  /** raw_facts holds rows (else the facts pivot is left out of the rebuild). */
  facts: boolean
  /** line_shift holds rows (else no join with it). */
  shifts: boolean
}

/** Bring label_map, facts_map, year_dict and cell_dict up to date with the raw tables. */
export async function updateDicts(db: Db): Promise<DictState> {
  await updateFactsMap(db)
  const rows = await db.query<{ what: 'label' | 'year' | 'cell' | 'facts' | 'shifts'; tbl: 'active' | 'applications' | null; v: string }>(NEW_VALUES_SQL)
  const labels: SqlParam[][] = []
  const years: SqlParam[][] = []
  const cells: SqlParam[][] = []
  for (const r of rows) {
    if (r.what === 'label' && r.tbl) labels.push([r.tbl, r.v, rowKey(r.tbl, r.v)])
    else if (r.what === 'year') { const y = parseYear(r.v); years.push([r.v, y.year, y.twoDigit]) }
    else if (r.what === 'cell') cells.push(cellDictRow(r.v))
  }
  await insertDictRows(db, 'label_map', labels)
  await insertDictRows(db, 'year_dict', years)
  await insertDictRows(db, 'cell_dict', cells)
  return { facts: rows.some((r) => r.what === 'facts'), shifts: rows.some((r) => r.what === 'shifts') }
}
