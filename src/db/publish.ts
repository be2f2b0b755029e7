/**
 * The last step of the summariser (and of the tests' national file): the built database is written into a fresh
 * file laid out for range reads, with the first view's answers stored in it (./stored.ts).
 *
 * - **A fresh copy** (`COPY FROM DATABASE`): the built file went through many loads and checkpoints; the copy holds
 *   no free blocks and every table's blocks together.
 * - **Storage version v1.4.0** (read by DuckDB-WASM 1.32 = DuckDB 1.4.3; v1.5.0 is refused, tests/unit/db/native.test.ts):
 *   DuckDB's default writes files readable by v0.10, whose column statistics take a 4 KB metadata block per column
 *   (299 of them, 5 × 256 KB blocks for a 3,000-report province); the v1.4 format needs 30 (one block). ATTACH
 *   reads all of the metadata, so it fetched 1.7 MB of that file before any table; now ~340 KB.
 * - **Stored answers** of `firstViewStatements`, run on the copy itself (attached as `published`, the name the app
 *   attaches it under, so even the statements naming it are the app's own text).
 *
 * Needs an engine that may ATTACH (the summariser's merge engine, unlocked).
 */
import type { DataSource } from '../queries/rollup'
import { PUBLISHED_ALIAS } from './attach'
import { firstViewStatements } from './firstView'
import { lit, q } from './schema'
import { writeStoredAnswers } from './stored'
import type { Db } from './types'

/** The storage format of published files: the oldest whose metadata is compact, readable by the app's engine. */
const PUBLISHED_STORAGE_VERSION = 'v1.4.0'

/** Write the current database to `out` (a new file) for publishing; `src` as the app will see the file. */
export async function writePublishedFile(db: Db, out: string, src: DataSource): Promise<{ stored: number }> {
  const [{ cur }] = await db.query<{ cur: string }>('SELECT current_database() AS cur')
  // one checkpoint at the end: a checkpoint after the copy, then another for the stored answers, wrote the
  // metadata twice, the second time around the first's blocks (two metadata blocks, both read at ATTACH)
  const [{ wal }] = await db.query<{ wal: string }>(`SELECT current_setting('wal_autocheckpoint') AS wal`)
  await db.exec(`SET wal_autocheckpoint = '1TB'; ATTACH ${lit(out)} AS ${PUBLISHED_ALIAS} (STORAGE_VERSION ${lit(PUBLISHED_STORAGE_VERSION)})`)
  try {
    await db.exec(`COPY FROM DATABASE ${q(cur)} TO ${PUBLISHED_ALIAS}; USE ${PUBLISHED_ALIAS}`)
    const stored = await writeStoredAnswers(db, firstViewStatements(src))
    await db.exec(`USE ${q(cur)}; CHECKPOINT ${PUBLISHED_ALIAS}`)
    return { stored }
  } finally {
    await db.exec(`USE ${q(cur)}; DETACH DATABASE IF EXISTS ${PUBLISHED_ALIAS}; SET wal_autocheckpoint = ${lit(wal)}`)
  }
}
