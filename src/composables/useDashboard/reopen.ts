/**
 * Instant reload (issue 19): after a load is saved, the database itself is kept (src/db/snapshot.ts in
 * src/persist/snapshot.ts); a reload reopens it instead of replaying the saved CSV files. Any mismatch (bundles
 * changed by another tab, a part missing or damaged, rows not as saved) or error falls back to the replay, and the
 * saved-data notice says so (persist.reopenFailed).
 */
import { exportDb, importDb } from '../../db/snapshot'
import type { Db } from '../../db/types'
import type { Persistence } from '../../persist'
import type { FindingItem, RejectedFile } from './types'

/** What the dashboard holds of a load beside the database (file-level findings and notices). */
export interface LoadSideState {
  ingestFindings: FindingItem[]
  skipped: { path: string; reason: string }[]
  rejected: RejectedFile[]
}

/** How the last start-up got its data (browser tests and the bench read it through window.__dashboard). */
export const reopenStats: { from: 'database' | 'replay' | null; ms: number } = { from: null, ms: 0 }

const isArray = (v: unknown): v is unknown[] => Array.isArray(v)

function sideState(v: unknown): LoadSideState {
  const s = (v ?? {}) as Partial<Record<keyof LoadSideState, unknown>>
  return {
    ingestFindings: isArray(s.ingestFindings) ? (s.ingestFindings as FindingItem[]) : [],
    skipped: isArray(s.skipped) ? (s.skipped as LoadSideState['skipped']) : [],
    rejected: isArray(s.rejected) ? (s.rejected as RejectedFile[]) : [],
  }
}

/** Reopen the database saved for the restored bundles; null (notice given) when the CSV files must be replayed. */
export async function reopenSaved(d: Db, persist: Persistence): Promise<LoadSideState | null> {
  const t0 = performance.now()
  try {
    const { snap, state } = await persist.openDatabase()
    await importDb(d, snap)
    reopenStats.from = 'database'
    reopenStats.ms = performance.now() - t0
    return sideState(state)
  } catch (e) {
    if (!(e instanceof Error && e.name === 'SnapshotBroken' && (e as { reason?: string }).reason === 'none')) console.warn('reopen', e)
    persist.reopenFailed(e)
    reopenStats.from = 'replay'
    return null
  }
}

/** Keep the database as it is now for the next reload (after the bundle itself is saved); never throws. */
export async function keepDatabase(d: Db, persist: Persistence, state: LoadSideState): Promise<void> {
  try {
    await persist.saveDatabase(await exportDb(d), JSON.parse(JSON.stringify(state)) as unknown)
  } catch (e) {
    console.warn('persist: database not kept', e)
  }
}
