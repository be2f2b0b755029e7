/**
 * A bundle loaded over a published database (issue 20: this year's new reports over last year's province file).
 * The attached file is read-only and its tables are the app's views (src/db/attach.ts); ATTACH is refused after
 * the lock, so the file cannot be reopened writable. Instead its views become the tab's own tables: the tables a
 * CSV load writes and the rebuild reads (raw tables, files, load findings, dictionaries) are copied into memory, and
 * the load of the new files runs on top as any added bundle does, so duplicates and conflicts with the file's
 * reports are found by the same rules, and the rebuild gives what one load of both bundles gives.
 *
 * It runs first inside the load's transaction (loadTables' `base`): a cancel or failure rolls the copy back and the
 * published views are there again, as they were. The copied files' paths are prefixed with the file's name, so every
 * finding that names a file names the published file as the source of its reports.
 */
import { checkpoint } from '../ingest/abort'
import type { OnProgress } from '../ingest/types'
import { RAW_KINDS, ensureSchema, lit, q } from './schema'
import type { Db } from './types'

const PUBLISHED_ALIAS = 'published'

/** What a CSV load writes and the rebuild reads; everything else of the file (summary, findings …) is rebuilt. */
const INPUT_TABLES = [...RAW_KINDS.map((k) => `raw_${k}`), 'files', 'file_cols', 'line_shift', 'load_findings',
  'label_map', 'facts_map', 'year_dict', 'cell_dict']

export interface AdoptOptions {
  /** The published file's tables (Published.tables): their views are dropped. */
  tables: readonly string[]
  /** Copy the file's data (add on top); false: leave the file (a replacing load starts from empty tables). */
  copy: boolean
  /** The file's name, put before the copied files' paths ("province.duckdb/bundle/reports.csv"). */
  label: string
  onProgress?: OnProgress
  signal?: AbortSignal
}

/** The published views become the tab's own tables (module comment); returns the last copied file id (0: none). */
export async function adoptPublished(db: Db, o: AdoptOptions): Promise<number> {
  await db.exec(o.tables.map((t) => `DROP VIEW IF EXISTS main.${q(t)}`).join(';\n'))
  await ensureSchema(db)
  if (!o.copy) return 0
  const copied = INPUT_TABLES.filter((t) => o.tables.includes(t))
  for (const [i, t] of copied.entries()) {
    checkpoint(o.signal)
    o.onProgress?.({ stage: 'copying', done: i, total: copied.length })
    const sel = t === 'files' ? `SELECT * REPLACE (${lit(`${o.label}/`)} || path AS path)` : 'SELECT *'
    await db.exec(`INSERT INTO main.${q(t)} BY NAME ${sel} FROM ${PUBLISHED_ALIAS}.main.${q(t)}`)
  }
  o.onProgress?.({ stage: 'copying', done: copied.length, total: copied.length })
  // the new bundle's files are numbered after the file's (as the summariser's own merge leaves them: src/db/merge.ts)
  const [{ last }] = await db.query<{ last: number }>('SELECT coalesce(max(file_id), 0)::INTEGER AS last FROM files')
  await db.exec(`DROP SEQUENCE IF EXISTS file_seq; CREATE SEQUENCE file_seq START ${(last | 0) + 1}`)
  return last
}

/**
 * After the load that left or copied the file committed: detach it (allowed under the lock), so that its cached
 * blocks go (18 MB after copying a 50,000-report file in Node) and nothing can read it any more. Never throws.
 */
export async function releasePublished(db: Pick<Db, 'exec'>): Promise<void> {
  await db.exec(`DETACH DATABASE IF EXISTS ${PUBLISHED_ALIAS}`).catch((e: unknown) => { console.warn('detach', e) })
}

export interface LayerCounts {
  /** Reports counted from the published file (file ids up to `baseLast`). */
  baseReports: number
  /** Files added on top, and the reports they added (a report already in the file counts there, once). */
  addedFiles: number
  addedReports: number
}

/** Where the reports shown come from: the copied file (file ids ≤ `baseLast`) or the files added on top. */
export async function layerCounts(db: Pick<Db, 'query'>, baseLast: number): Promise<LayerCounts> {
  const [r] = await db.query<{ b: number; f: number; a: number }>(`SELECT
    (SELECT count(*) FROM reports WHERE file_id <= ?)::INTEGER AS b,
    (SELECT count(*) FROM files WHERE file_id > ?)::INTEGER AS f,
    (SELECT count(*) FROM reports WHERE file_id > ?)::INTEGER AS a`, [baseLast, baseLast, baseLast])
  return { baseReports: r.b, addedFiles: r.f, addedReports: r.a }
}
