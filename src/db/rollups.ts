/**
 * Rollups for a national first view (issue 20): one row per area (a unit at depth ≤ 2 — province, city, county —
 * with reports below it) and year, so that the first view of a national file reads a few thousand rows instead of a
 * million summary rows. Every numeric column of `summary` is summed over the area's units (itself included, through
 * `unit_tree`, as the app's unit filter does) with the count of reports that state it (`<col>__n`): NULL is never
 * summed as 0, and a figure can say how many reports it rests on. Findings are counted per area, year and severity.
 * Written by the summariser; not yet read by the app's queries.
 */
import { q } from './schema'
import type { Db } from './types'

/** Deepest unit level that gets a rollup row (0 province, 1 city, 2 county). */
const ROLLUP_MAX_DEPTH = 2

export async function buildRollups(db: Db): Promise<{ rows: number }> {
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
  return { rows: n }
}
