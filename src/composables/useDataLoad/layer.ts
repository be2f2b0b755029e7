/**
 * A bundle loaded over a published database (issue 20). Adding copies the file's data into the tab's own tables
 * inside the load's transaction (src/db/adopt.ts), then the new files load on top; loading instead (replace, the
 * sample) or clearing leaves the file. Once that commits the data is the tab's own: the engine lets go of the file
 * (its stored answers no longer hold), `?db=` leaves the address (a reload shows the tab's saved data, not the file
 * alone), and `layer` says which reports came from the file and which from the added files — after a reload too
 * (src/persist/layer.ts), or that the file's part was not saved when only the added files could be replayed.
 */
import { shallowRef, type ShallowRef } from 'vue'
import { adoptPublished, layerCounts, releasePublished } from '../../db/adopt'
import { DB_PARAM } from '../../db/published-url'
import type { Db } from '../../db/types'
import type { OnProgress } from '../../ingest/types'
import { rememberLayer, savedLayer, type SavedLayer } from '../../persist'
import type { useEngine } from '../useEngine'

/** Where the data on screen came from when it was built on a published file. */
export interface PublishedLayer extends SavedLayer {
  /** Files added on top and the reports they added (a report already in the file counts there, once). */
  addedFiles: number
  addedReports: number
}

export interface LayerOps {
  layer: ShallowRef<PublishedLayer | null>
  /** The load's `base` step when a published file is open (null: none): copy it (add) or leave it (replace). */
  base(replace: boolean, onProgress: OnProgress, signal: AbortSignal): ((db: Db) => Promise<unknown>) | null
  /** The load or clear committed: let go of the file (when it was open), recount the layer. */
  committed(d: Db, replace: boolean): Promise<void>
  /** After the whole load (its checks too): detach the file it let go of, if any. */
  release(d: Db): Promise<void>
  /** After a start-up from the saved data: `reopened` the saved database (else the CSV files were replayed). */
  restored(d: Db, reopened: boolean): Promise<void>
}

const fileName = (path: string): string => path.split('/').pop() || path

export function createLayer(engine: ReturnType<typeof useEngine>, forgetLocal: () => void): LayerOps {
  const layer = shallowRef<PublishedLayer | null>(null)
  /** The copy made by the running load (its last file id), until it commits. */
  let adopted: { path: string; local: boolean; copy: boolean; last: number } | null = null
  let leftFile = false

  function base(replace: boolean, onProgress: OnProgress, signal: AbortSignal): ((db: Db) => Promise<unknown>) | null {
    const p = engine.published.value
    if (!p) return null
    return async (db) => {
      const last = await adoptPublished(db, { tables: p.tables, copy: !replace, label: fileName(p.path), onProgress, signal })
      adopted = { path: p.path, local: p.local === true, copy: !replace, last }
    }
  }

  async function count(d: Db, l: SavedLayer): Promise<PublishedLayer> {
    const c = await layerCounts(d, l.baseLast)
    return { ...l, reports: c.baseReports, addedFiles: c.addedFiles, addedReports: c.addedReports }
  }

  async function committed(d: Db, replace: boolean): Promise<void> {
    const a = adopted
    adopted = null
    if (a) {
      engine.leavePublished()
      leftFile = true
      if (a.local) forgetLocal()
      leaveUrl()
    }
    const l = layer.value
    if (a?.copy) layer.value = await count(d, { path: a.path, local: a.local, reports: 0, baseLast: a.last, lost: false })
    else if (replace || a) layer.value = null
    else if (l) layer.value = l.lost ? { ...l, addedFiles: 0, addedReports: 0 } : await count(d, l)
    else return // no file under the data: what is stored stays (a replay's loads come before restored())
    const k = layer.value
    rememberLayer(k && { path: k.path, local: k.local, reports: k.reports, baseLast: k.baseLast, lost: k.lost })
  }

  async function restored(d: Db, reopened: boolean): Promise<void> {
    const s = savedLayer()
    if (!s) return
    const lost = s.lost || !reopened
    layer.value = lost ? { ...s, addedFiles: 0, addedReports: 0, lost } : await count(d, s)
    if (lost !== s.lost) rememberLayer({ ...s, lost })
  }

  async function release(d: Db): Promise<void> {
    if (!leftFile) return
    leftFile = false
    await releasePublished(d)
  }

  return { layer, base, committed, release, restored }
}

/** The address without `?db=`: the data is the tab's own now, and a reload must show it, not the file alone. */
function leaveUrl(): void {
  if (typeof location === 'undefined' || typeof history === 'undefined') return
  const u = new URL(location.href)
  if (!u.searchParams.has(DB_PARAM)) return
  u.searchParams.delete(DB_PARAM)
  history.replaceState(history.state, '', u.href)
}
