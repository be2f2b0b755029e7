/**
 * Warm-up (issue 19). V8 compiles DuckDB-WASM's code as it first runs (a function on its first call, optimised once it
 * is hot), so a page's first load also pays for compiling the CSV reader, the rebuild and the rules: the same
 * 40-report bundle loaded four times in one page took 2.9, 1.4, 1.4, 1.2 s, and a 1,000-report load 3.2–3.8 s in a
 * fresh page against 2.0–2.4 s after a small load and a clear (this machine, one run each).
 *
 * So while the page waits for the supervisor to pick files, the whole load runs once over a small embedded bundle
 * (./warmup-bundle.ts) in a transaction that is rolled back: nothing of it stays (only the file ids the sequence gave
 * it are skipped: they are keys, never shown), no CSV file counts as read. It runs on the write connection, so a
 * load, a clear or a reopen waits for it: the caller stops it first (`signal`) and it ends at its next statement.
 * Never over data of some size: the dry run's rebuild covers everything loaded.
 */
import { ingestFiles, isCancelled } from '../ingest'
import { checkpoint } from '../ingest/abort'
import type { PreparedTable } from '../ingest/types'
import type { Query } from '../queries/types'
import { hasTables } from './catalog'
import { Files, loadOne } from './load'
import { rebuildChecks, rebuildFigures } from './rebuild'
import { runQuery } from './run'
import { ensureSchema, forgetSchema } from './schema'
import type { Db } from './types'
import { WARMUP_FILES } from './warmup-bundle'

/** done; skipped (too much data loaded); stopped (the signal, before its end); failed (logged, nothing else). */
export type WarmUpOutcome = 'done' | 'skipped' | 'stopped' | 'failed'

export interface WarmUpOptions {
  signal: AbortSignal
  /** Read statements run over the dry run's data too (a view's first statements: planning them is code to compile). */
  statements?: readonly Query<unknown>[]
  /** Skipped over more reports than this (default 2,000). */
  maxReports?: number
}

export function warmUp(db: Db, opts: WarmUpOptions): Promise<WarmUpOutcome> {
  return db.session('write', async (w) => {
    try {
      checkpoint(opts.signal)
      if (await hasTables(w)) {
        const [r] = await w.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM summary')
        if ((r?.n ?? 0) > (opts.maxReports ?? 2000)) return 'skipped'
      }
      const enc = new TextEncoder()
      const { tables } = await ingestFiles(WARMUP_FILES.map((f) => ({ path: f.path, bytes: enc.encode(f.text) })), undefined, { signal: opts.signal })
      await dryRun(w, tables, opts)
      return 'done'
    } catch (e) {
      if (isCancelled(e)) return 'stopped'
      console.warn('warm-up', e)
      return 'failed'
    }
  })
}

/** The load's steps (./load.ts) and the statements, in one transaction, rolled back whatever happens. */
async function dryRun(db: Db, tables: readonly PreparedTable[], { signal, statements = [] }: WarmUpOptions): Promise<void> {
  const files = new Files(db, false)
  await db.exec('BEGIN TRANSACTION')
  try {
    await ensureSchema(db)
    for (const t of tables) {
      checkpoint(signal)
      await loadOne(db, await files.register(t), 0)
    }
    checkpoint(signal)
    await rebuildFigures(db, signal)
    await rebuildChecks(db, signal)
    for (const q of statements) {
      checkpoint(signal)
      await runQuery(db, q)
    }
  } finally {
    await db.exec('ROLLBACK').catch(() => undefined)
    forgetSchema(db) // made in the transaction when there was none: gone with it
    await files.dropAll()
  }
}
