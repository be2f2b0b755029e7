/**
 * A national-scale published database for the browser test, without running the generator and summariser on
 * 200,000+ reports (minutes on a 2-core machine): the summariser's province file is copied, table by table, into
 * `copies` provinces with node-api SQL. Every unit, parent, ancestor and area code gets another 2-digit province
 * prefix, and file ids are shifted, so each copy is a province of its own; dictionaries are copied once and the
 * manifest's counts are rewritten. The schema is the summariser's own (every table of its file), so the app
 * opens it as it opens a real national file. The rollups (area rollups and stored answers) are then built again on
 * the whole file by the summariser's own `buildRollups`, as its merge step does, and the file is written as the
 * summariser writes its output (`writePublishedFile`: fresh copy, storage format, first view's stored answers): a copy
 * of the province's answers would be the province's. Cached by the caller.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { startNativeDuckDb } from '../../src/db/duckdb-native'
import { buildRollups } from '../../src/db/rollups'
import { writePublishedFile } from '../../src/db/publish'
import { STORED_TABLE } from '../../src/db/stored'

const CODE_COLS = new Set(['unit_code', 'parent_code', 'ancestor_code', 'area_code'])

export async function buildNationalFile(province: string, out: string, copies: number): Promise<{ reports: number }> {
  if (copies < 1 || copies > 89) throw new Error('copies: 1–89 (a 2-digit province prefix each)')
  // built here, then written to `out` as the summariser writes its output (src/db/publish.ts)
  const built = `${out}.build`
  rmSync(built, { force: true })
  const inst = await DuckDBInstance.create(':memory:')
  const c = await inst.connect()
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`
  let reports: number
  try {
    await c.run(`ATTACH ${lit(province)} AS p (READ_ONLY); ATTACH ${lit(built)} AS n`)
    const cols = (await c.runAndReadAll(`SELECT table_name AS t, list(column_name ORDER BY column_index) AS cs FROM duckdb_columns()
      WHERE database_name = 'p' AND schema_name = 'main' AND table_name <> ${lit(STORED_TABLE)} GROUP BY table_name ORDER BY table_name`)).getRowObjectsJS() as { t: string; cs: string[] }[]
    const [{ maxFile }] = (await c.runAndReadAll('SELECT coalesce(max(file_id), 0) + 1 AS "maxFile" FROM p.main.files')).getRowObjectsJS() as { maxFile: number }[]
    for (const { t, cs } of cols) {
      const perCopy = cs.some((x) => CODE_COLS.has(x) || x === 'file_id') && t !== 'manifest'
      const sel = cs.map((x) => CODE_COLS.has(x) ? `CASE WHEN ${q(x)} IS NULL OR ${q(x)} = '' THEN ${q(x)} ELSE lpad((k + 11)::VARCHAR, 2, '0') || substr(${q(x)}, 3) END AS ${q(x)}`
        : x === 'file_id' ? `(file_id + k * ${Number(maxFile)})::INTEGER AS file_id` : q(x)).join(', ')
      await c.run(perCopy
        ? `CREATE TABLE n.main.${q(t)} AS SELECT ${sel} FROM range(${copies}) r(k), p.main.${q(t)} ORDER BY k`
        : `CREATE TABLE n.main.${q(t)} AS SELECT * FROM p.main.${q(t)}`)
    }
    ;[{ reports }] = (await c.runAndReadAll('SELECT count(*)::INTEGER AS reports FROM n.main.summary')).getRowObjectsJS() as { reports: number }[]
    // The manifest's counts: rows of each table, as the summariser writes them.
    for (const [key, sql] of [['reports', 'count(*) FROM n.main.summary'], ['units', 'count(DISTINCT unit_code) FROM n.main.summary'],
      ['findings', 'count(*) FROM n.main.findings'], ['files', 'count(*) FROM n.main.files'], ['groups', `${copies}`]] as const) {
      await c.run(`UPDATE n.main.manifest SET value = (SELECT ${sql})::VARCHAR WHERE key = ${lit(key)}`)
    }
    await c.run(`INSERT INTO n.main.manifest VALUES ('synthetic', ${lit(`${copies} copies of a summarised province (tests/browser/national-db.ts)`)})`)
    await c.run('DETACH n')
  } finally {
    c.closeSync()
    inst.closeSync()
  }
  const scratch = mkdtempSync(join(tmpdir(), 'gdd-national-'))
  const db = await startNativeDuckDb(built, { scratch, locked: false })
  try {
    const { answers } = await buildRollups(db)
    await db.exec('CHECKPOINT')
    await writePublishedFile(db, out, { rollups: answers })
  } finally {
    await db.close()
    rmSync(scratch, { recursive: true, force: true })
    rmSync(built, { force: true })
  }
  return { reports }
}
