/**
 * Rollups for a national first view (issue 20).
 *
 * Per-range stored answers (`buildAnswers`, read by the app when a year range is set; the first view itself is
 * answered from `stored_answers`, ./stored.ts, written last by ./publish.ts): the builders of the first view (src/queries/rollupSpecs.ts) are
 * run here over the whole file for every year range — a bound unset or any year from the first with reports to one
 * past the last — and their rows kept in one table per builder, keyed by the range. With `rollup_sig` (the
 * builders' signature) the app reads them at no filter or a year range instead of scanning `summary`: the same rows,
 * computed by the same statements, so every figure equals the ordinary answer.
 *
 * Area rollups (`rollup_area_year`, `rollup_findings`; not read by the app yet): one row per area (a unit at depth ≤ 2 — province, city, county —
 * with reports below it) and year, so that the first view of a national file reads a few thousand rows instead of a
 * million summary rows. Every numeric column of `summary` is summed over the area's units (itself included, through
 * `unit_tree`, as the app's unit filter does) with the count of reports that state it (`<col>__n`): NULL is never
 * summed as 0, and a figure can say how many reports it rests on. Findings are counted per area, year and severity.
 * Written by the summariser.
 */
import { ROLLUP_SPECS, rollupSignature } from '../queries/rollupSpecs'
import { ROLLUP_SIG_TABLE, ROLLUP_YEARS } from '../queries/rollup'
import type { SqlParam } from '../queries/types'
import { lit, q } from './schema'
import type { Db } from './types'

/**
 * Stored answers are written from this many reports on. Each of their tables is at least one block of the file
 * (256 KB, read by range with DuckDB-WASM's read-ahead), so they pay only when the summary's columns span more
 * blocks than the ~9 answer tables do: measured, a 3,000-report file (summary: 1 block) fetched 4.5 MB for its first
 * view without them and 8.5 MB with them; the 210,000-report file (summary: 22 blocks) 33.8 MB without, 11.2 MB with.
 * A summary block holds ~10,000 reports.
 */
const ANSWERS_MIN_REPORTS = 100_000

/** Year-range keys: each bound unset or from `lo` (from) / `lo - 1` (to) to `hi + 1` / `hi` (see readRollup). */
function rangeKeys(lo: number, hi: number): [number | null, number | null][] {
  const froms: (number | null)[] = [null]
  const tos: (number | null)[] = [null]
  for (let y = lo; y <= hi + 1; y++) froms.push(y)
  for (let y = lo - 1; y <= hi; y++) tos.push(y)
  return froms.flatMap((a) => tos.map((b): [number | null, number | null] => [a, b]))
}

/** The first view's stored answers (module comment). */
export async function buildAnswers(db: Db): Promise<{ keys: number }> {
  await db.exec(`CREATE OR REPLACE TABLE ${ROLLUP_YEARS} AS SELECT DISTINCT year::INTEGER AS year FROM summary WHERE year IS NOT NULL ORDER BY year`)
  const [{ lo, hi }] = await db.query<{ lo: number | null; hi: number | null }>(`SELECT min(year) AS lo, max(year) AS hi FROM ${ROLLUP_YEARS}`)
  const ranges = lo == null || hi == null ? [] : rangeKeys(lo, hi)
  for (const spec of ROLLUP_SPECS) {
    const keys: [number | null, number | null][] = spec.ranges ? [[null, null], ...ranges.filter(([a, b]) => a != null || b != null)] : [[null, null]]
    // row_number() over the builder's own ORDER BY result keeps its row order (insertion order is preserved)
    const insert = (from: number | null, to: number | null): { sql: string; params: SqlParam[] } => {
      const b = spec.build({ yearFrom: from ?? undefined, yearTo: to ?? undefined })
      return { sql: `SELECT ?::INTEGER AS year_from, ?::INTEGER AS year_to, (row_number() OVER ())::INTEGER AS rn, * FROM (${b.sql})`, params: [from, to, ...b.params] }
    }
    const first = insert(null, null)
    await db.query(`CREATE OR REPLACE TABLE ${q(spec.table)} AS ${first.sql}`, first.params)
    for (const [a, b] of keys.slice(1)) {
      const x = insert(a, b)
      await db.query(`INSERT INTO ${q(spec.table)} ${x.sql}`, x.params)
    }
  }
  await db.exec(`CREATE OR REPLACE TABLE ${ROLLUP_SIG_TABLE} AS SELECT ${lit(rollupSignature())} AS sig`)
  return { keys: ranges.length + 1 }
}

/** Deepest unit level that gets a rollup row (0 province, 1 city, 2 county). */
const ROLLUP_MAX_DEPTH = 2

/** `answers`: write the stored answers whatever the size (tests); default from ANSWERS_MIN_REPORTS reports on. */
export async function buildRollups(db: Db, opts: { answers?: boolean } = {}): Promise<{ rows: number; answers: boolean }> {
  const cols = (await db.query<{ c: string }>(`SELECT column_name AS c FROM duckdb_columns()
    WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'summary'
      AND data_type IN ('DOUBLE', 'INTEGER', 'BIGINT', 'HUGEINT', 'DECIMAL') AND column_name <> 'year'
    ORDER BY column_index`)).map((r) => r.c)
  const sums = cols.map((c) => `sum(s.${q(c)})::DOUBLE AS ${q(c)}, count(s.${q(c)})::INTEGER AS ${q(`${c}__n`)}`).join(',\n    ')
  const areas = `SELECT t.unit_code, a.unit_code AS area_code, a.unit_name AS area_name, a.level AS area_level, a.depth AS area_depth
    FROM unit_tree t JOIN units a ON a.unit_code = t.ancestor_code WHERE a.depth <= ${ROLLUP_MAX_DEPTH}`
  await db.exec(`CREATE OR REPLACE TABLE rollup_area_year AS
  SELECT ar.area_code, any_value(ar.area_name) AS area_name, any_value(ar.area_level) AS area_level,
    any_value(ar.area_depth)::INTEGER AS area_depth, s.year,
    count(*)::INTEGER AS reports, count(DISTINCT s.unit_code)::INTEGER AS units,
    ${sums}
  FROM summary s JOIN (${areas}) ar ON ar.unit_code = s.unit_code
  GROUP BY ar.area_code, s.year;
CREATE OR REPLACE TABLE rollup_findings AS
  SELECT ar.area_code, f.year, f.severity, count(*)::INTEGER AS n
  FROM findings f JOIN (${areas}) ar ON ar.unit_code = f.unit_code
  GROUP BY ar.area_code, f.year, f.severity`)
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM rollup_area_year')
  const [{ reports }] = await db.query<{ reports: number }>('SELECT count(*)::INTEGER AS reports FROM summary')
  const answers = opts.answers ?? reports >= ANSWERS_MIN_REPORTS
  // without the signature table the app never reads answers (a file rebuilt smaller keeps none that are stale)
  if (answers) await buildAnswers(db)
  else await db.exec(`DROP TABLE IF EXISTS ${ROLLUP_SIG_TABLE}`)
  return { rows: n, answers }
}
