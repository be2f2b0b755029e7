/**
 * Merging database files written by the summariser's parts (one per province) into one. Generic over the
 * schema, so no table's SQL is written twice: every table of a part is appended to the output, `file_id`s moved
 * past the output's; tables with neither `file_id` nor `unit_code` (dictionaries: label_map, year_dict,
 * cell_dict, active_applies …) get only the rows they lack.
 *
 * Parts that share a unit (the same unit code in two groups) would need each other's rows for the derived
 * tables (duplicates, units, peers): then the app's own `rebuild` runs once over the merged raw tables, so the
 * result equals one load of everything. Otherwise the parts' derived tables are already that result.
 */
import { rebuild } from './rebuild'
import { lit, q } from './schema'
import type { Db } from './types'

export interface MergeReport { parts: number; rebuilt: boolean; sharedUnits: number }

type Col = { table_name: string; column_name: string }

async function tablesOf(db: Db, catalog: string): Promise<Map<string, string[]>> {
  const cols = await db.query<Col>(`SELECT table_name, column_name FROM duckdb_columns()
    WHERE database_name = ? AND schema_name = 'main' AND NOT internal ORDER BY table_name, column_index`, [catalog])
  const m = new Map<string, string[]>()
  for (const c of cols) m.set(c.table_name, [...(m.get(c.table_name) ?? []), c.column_name])
  return m
}

/**
 * Append the parts (database files) to `db` (opened on the first part's copy). `exclude`: tables the caller
 * writes itself (the manifest). `db` must be allowed to ATTACH the part files.
 */
export async function mergeParts(db: Db, parts: readonly string[], opts: { exclude?: readonly string[]; onPart?: (i: number) => void } = {}): Promise<MergeReport> {
  const exclude = new Set(opts.exclude ?? [])
  const [{ cat }] = await db.query<{ cat: string }>('SELECT current_database() AS cat')
  let shared = 0
  for (const [i, part] of parts.entries()) {
    await db.exec(`ATTACH ${lit(part)} AS part_db (READ_ONLY)`)
    try {
      const [{ off }] = await db.query<{ off: number }>('SELECT coalesce(max(file_id), 0)::INTEGER AS off FROM files')
      const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT unit_code FROM part_db.units
        INTERSECT SELECT unit_code FROM units)`)
      shared += n
      const mine = await tablesOf(db, cat)
      for (const [t, cols] of await tablesOf(db, 'part_db')) {
        if (exclude.has(t)) continue
        const src = `part_db.main.${q(t)}`
        const sel = cols.includes('file_id') ? `SELECT * REPLACE (file_id + ${off | 0} AS file_id) FROM ${src}` : `SELECT * FROM ${src}`
        if (!mine.has(t)) await db.exec(`CREATE TABLE ${q(t)} AS ${sel}`)
        else if (cols.includes('file_id') || cols.includes('unit_code')) await db.exec(`INSERT INTO ${q(t)} BY NAME ${sel}`)
        else await db.exec(`INSERT INTO ${q(t)} BY NAME (${sel} EXCEPT ALL SELECT ${cols.map(q).join(', ')} FROM ${q(t)})`)
      }
    } finally {
      await db.exec('DETACH part_db')
    }
    opts.onPart?.(i)
  }
  // Later loads into this file (the app adding a bundle on top) number their files after the merged ones.
  const [{ next }] = await db.query<{ next: number }>('SELECT (coalesce(max(file_id), 0) + 1)::INTEGER AS next FROM files')
  await db.exec(`DROP SEQUENCE IF EXISTS file_seq; CREATE SEQUENCE file_seq START ${next | 0}`)
  if (shared > 0) await rebuild(db)
  return { parts: parts.length + 1, rebuilt: shared > 0, sharedUnits: shared }
}
