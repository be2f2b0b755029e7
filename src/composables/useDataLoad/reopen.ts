/**
 * Instant reload (issue 19): after a load is saved, the database itself is kept (src/db/snapshot.ts in
 * src/persist/snapshot.ts); a reload reopens it instead of replaying the saved CSV files. Any mismatch (bundles
 * changed by another tab, a part missing or damaged, rows not as saved) or error falls back to the replay, and the
 * saved-data notice says so (persist.reopenFailed).
 */
import { KEEP_MAX_ROWS, exportDb, importDb, type TablePart } from '../../db/snapshot'
import { checksum } from '../../persist/snapshot'
import type { Db } from '../../db/types'
import { hasTables } from '../../db/catalog'
import { summarise, type LoadSummary } from '../../db/load'
import { savedPart, type Persistence, type SavedPart } from '../../persist'
import type { FindingItem, RejectedFile } from '../useDashboard/types'

/** What the dashboard holds of a load beside the database (file-level findings and notices). */
export interface LoadSideState {
  ingestFindings: FindingItem[]
  skipped: { path: string; reason: string }[]
  rejected: RejectedFile[]
}

/** How the last start-up got its data (browser tests and the bench read it through window.__dashboard). */
export const reopenStats: { from: 'database' | 'replay' | 'sample' | null; ms: number } = { from: null, ms: 0 }

const isArray = (v: unknown): v is unknown[] => Array.isArray(v)

function sideState(v: unknown): LoadSideState {
  const s = (v ?? {}) as Partial<Record<keyof LoadSideState, unknown>>
  return {
    ingestFindings: isArray(s.ingestFindings) ? (s.ingestFindings as FindingItem[]) : [],
    skipped: isArray(s.skipped) ? (s.skipped as LoadSideState['skipped']) : [],
    rejected: isArray(s.rejected) ? (s.rejected as RejectedFile[]) : [],
  }
}

/** The data already in the engine at start-up (tests inject one), as a load summary; null when there is none. */
export async function loadedSummary(d: Db): Promise<LoadSummary | null> {
  try {
    // Ask the catalog first: querying a table that does not exist logs an error in the worker.
    if (!(await hasTables(d))) return null
    const s = await summarise(d)
    return s.reports === 0 && s.files === 0 ? null : { ...s, ms: 0 }
  } catch {
    return null // no schema yet: nothing was ever loaded
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
    const parts: SavedPart[] = []
    // each table into a Blob as soon as it is read: the Arrow copies of all tables are never held at once
    const snap = await exportDb(d, (t) => { parts.push(savedPart(t)) }, KEEP_MAX_ROWS)
    if (!snap) { persist.forgetDatabase(); return } // too big to keep today: a reload replays the CSV files
    await persist.saveDatabase({ parts, nextFileId: snap.nextFileId }, JSON.parse(JSON.stringify(state)) as unknown)
  } catch (e) {
    console.warn('persist: database not kept', e)
  }
}

interface ShippedManifest { nextFileId: number; state: unknown; tables: { name: string; ddl: string; rows: number; size: number; sum: string }[] }

interface ShippedParts { manifest: ShippedManifest; tables: TablePart[] }
let shipped: Promise<ShippedParts | null> | null = null

/**
 * The shipped sample's parts (`sample-db/`, made at build time by scripts/sample-db.ts), fetched and checked once:
 * every part's size and checksum. Start-up asks for them as soon as it knows a first visit shows the sample, so
 * that they arrive while DuckDB starts (they were fetched after it, 0.7 s of a first visit). Rejects when anything
 * is off; null when there is no shipped sample.
 */
export function fetchShippedParts(): Promise<ShippedParts | null> {
  shipped ??= (async () => {
    const base = new URL('sample-db/', document.baseURI)
    const res = await fetch(new URL('manifest.json', base))
    if (!res.ok) return null
    const m = (await res.json()) as ShippedManifest
    if (!Array.isArray(m.tables) || typeof m.nextFileId !== 'number') return null
    const tables = await Promise.all(m.tables.map(async (t): Promise<TablePart> => {
      if (!/^[a-z_][a-z0-9_]*$/.test(String(t.name))) throw new Error(`sample-db: table ${String(t.name)}`)
      const r = await fetch(new URL(`${t.name}.arrow`, base))
      if (!r.ok) throw new Error(`sample-db/${t.name}.arrow: HTTP ${r.status}`)
      const bytes = new Uint8Array(await r.arrayBuffer())
      if (bytes.length !== t.size || checksum(bytes) !== t.sum) throw new Error(`sample-db/${t.name}.arrow: checksum`)
      return { name: t.name, ddl: t.ddl, rows: t.rows, bytes }
    }))
    return { manifest: m, tables }
  })()
  const mine = shipped
  // a failed fetch is tried again by the next caller (the arrays are dropped once imported: see openShippedSample)
  mine.catch(() => { if (shipped === mine) shipped = null })
  return mine
}

/**
 * First visit: the sample as shipped pre-built, so the charts come without parsing CSV. Every table's row count is
 * checked on import; null (the caller loads the sample's CSV files) when it is not there or anything is off.
 */
export async function openShippedSample(d: Db): Promise<LoadSideState | null> {
  const t0 = performance.now()
  try {
    const parts = await fetchShippedParts()
    shipped = null // imported once: its bytes are not kept for the page's life
    if (!parts) return null
    await importDb(d, { tables: parts.tables, nextFileId: parts.manifest.nextFileId })
    reopenStats.from = 'sample'
    reopenStats.ms = performance.now() - t0
    return sideState(parts.manifest.state)
  } catch (e) {
    console.warn('shipped sample: loading its CSV files instead', e)
    return null
  }
}
