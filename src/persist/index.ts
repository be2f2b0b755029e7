/**
 * Browser persistence of the loaded data (see bundles.ts) and of the last filters (filters.ts),
 * as the dashboard uses it. Every method resolves (never rejects): persistence failing must not
 * break the in-memory session — a failed save becomes a notice (`notice`), a failed read means
 * "nothing saved".
 *
 * Nothing is lost silently (issue 17):
 * - each saved bundle is checked on its own: a bad one is removed and named in a notice, the good ones restored;
 * - this tab remembers the bundles its data is made of (`ledger`); when another tab replaces or clears the saved
 *   data (channel.ts), this tab is told and can save its own again (`keepMine`), and the other tab is told in turn;
 * - "清空数据" clears every bundle and every key the app keeps (wipe.ts) and says what it cleared.
 */
import { shallowRef, type ShallowRef } from 'vue'
import type { SourceFile } from '../ingest/types'
import type { Filters } from '../queries/types'
import { PersistError, createBundleStore, snapshotFiles, type BadBundle, type BundleStore, type SaveFailure, type SavedFile, type StoredBundle } from './bundles'
import { createTabChannel, type ChangeKind, type TabChannel } from './channel'
import { defaultStorage, loadFilters, saveFilters, type KeyValueStorage } from './filters'
import { notifyWiped, wipeKeys } from './wipe'
import { capAnswers, type StartAnswers } from './answers'
import { SnapshotBroken, createSnapshotStore, ledgerKey, type BrokenReason, type OpenedSnapshot, type SavedDb, type SnapshotStore } from './snapshot'

export * from './bundles'
export * from './filters'
export { onWipe } from './wipe'
export { lastLocalDatabase, rememberLocalDatabase } from './localDb'
export { rememberLayer, savedLayer, type SavedLayer } from './layer'
export { savedPart, type SavedPart } from './snapshot'
export { isStartAnswers, type StartAnswers } from './answers'

/** What the storage notice shows: null = nothing to say. */
interface PersistNotice { reason: SaveFailure; detail: string }

type NamedBundle = Pick<BadBundle, 'n' | 'savedAt' | 'paths' | 'why' | 'detail'>

/** A notice about the saved data: a bad bundle dropped, another tab's change, what a clear removed. */
export type SavedNotice =
  | { id: number; kind: 'dropped'; bad: NamedBundle; kept: number }
  | { id: number; kind: 'replayFailed'; bad: NamedBundle; kept: number }
  | { id: number; kind: 'otherTab'; change: ChangeKind; canKeep: boolean }
  | { id: number; kind: 'kept'; count: number }
  | { id: number; kind: 'cleared'; bundles: number; keys: string[] }
  /** The saved database could not be reopened (why): the saved CSV files were replayed instead. */
  | { id: number; kind: 'replayed'; reason: BrokenReason; detail: string }

type NewNotice = SavedNotice extends infer N ? (N extends SavedNotice ? Omit<N, 'id'> : never) : never

export interface Persistence {
  /** Last save failure (quota…), for the StorageNotice; cleared by a later successful save or a clear. */
  notice: ShallowRef<PersistNotice | null>
  /** Notices about the saved data (StorageNotice lists them). */
  notices: ShallowRef<SavedNotice[]>
  /** Saved bundles in load order ([] when none or unreadable); bad ones are removed and named in `notices`. */
  restore(opts?: { bytes?: boolean }): Promise<StoredBundle[]>
  /** Keep the loaded database for the next reload, keyed by the bundles this tab's data is made of (never throws). */
  saveDatabase(db: SavedDb, state: unknown): Promise<void>
  /** The database saved for exactly the restored bundles; throws SnapshotBroken. */
  openDatabase(): Promise<OpenedSnapshot>
  /** Keep the figures' answers for the saved database this tab's data is (./answers.ts); nothing when there is none. */
  saveAnswers(a: StartAnswers): Promise<void>
  /** The answers saved for exactly the saved bundles and database (start-up paints from them; null: none), and whether any bundle is saved. */
  savedAnswers(): Promise<{ saved: boolean; answers: StartAnswers | null }>
  /** Drop the saved database (not kept for this data): a reload replays the saved CSV files. */
  forgetDatabase(): void
  /** The saved database was not reopened: say so (unless nothing was saved yet) and forget it. */
  reopenFailed(e: unknown): void
  /** A restored bundle that could not be loaded again: named in a notice, kept in the store. */
  replayFailed(b: StoredBundle, why: string): void
  /** Take the copy to save before loading (null for what is not saved). */
  snapshot(files: readonly SourceFile[]): SavedFile[] | null
  /** After a successful load: a sample replaces everything (store emptied), a user bundle is appended (or replaces). */
  afterLoad(copy: readonly (SourceFile | SavedFile)[] | null, opts: { sample: boolean; replace?: boolean }): Promise<void>
  /** "清空数据": every saved bundle and every key of the app (filters, briefing pack, marks); says what went. */
  clear(): Promise<void>
  /** Save this tab's bundles again, in place of what another tab left. */
  keepMine(): Promise<void>
  saveFilters(f: Filters): void
  loadFilters(): Filters
  /** Dismiss the save-failure notice, or one of `notices`. */
  dismiss(id?: number): void
}

export interface PersistenceOptions {
  store?: BundleStore
  storage?: KeyValueStorage | null
  /** sessionStorage (cleared too). */
  session?: KeyValueStorage | null
  channel?: TabChannel
  snapshots?: SnapshotStore
}

export function createPersistence(opts: PersistenceOptions = {}): Persistence {
  const store = opts.store ?? createBundleStore()
  const storage = opts.storage === undefined ? defaultStorage() : opts.storage
  const session = opts.session === undefined ? (() => { try { return globalThis.sessionStorage ?? null } catch { return null } })() : opts.session
  const channel = opts.channel ?? createTabChannel()
  const snapshots = opts.snapshots ?? createSnapshotStore()
  const dropSnapshot = (): Promise<void> => snapshots.clear().catch((e: unknown) => { console.warn('persist: snapshot', e) })
  const notice = shallowRef<PersistNotice | null>(null)
  const notices = shallowRef<SavedNotice[]>([])
  /** The bundles this tab's data is made of, as saved (id null: the save failed). */
  let ledger: { id: number | null; saved: readonly SavedFile[] }[] = []
  /** The fingerprint of the saved database that is this tab's data (null: none, or the data changed since). */
  let current: string | null = null
  let seq = 0

  const push = (n: NewNotice, replacing?: SavedNotice['kind']): void => {
    notices.value = [...notices.value.filter((x) => x.kind !== replacing), { ...n, id: ++seq } as SavedNotice]
  }
  const fail = (e: unknown): void => {
    const p = e instanceof PersistError ? e : null
    console.warn('persist', e)
    notice.value = { reason: p?.reason ?? 'error', detail: e instanceof Error ? e.message : String(e) }
  }

  channel.onChange((change) => {
    // Appending loses nothing of this tab's; the others leave the saved data without this tab's bundles.
    push({ kind: 'otherTab', change, canKeep: change !== 'append' && ledger.length > 0 }, 'otherTab')
  })

  return {
    notice,
    notices,
    async restore(o) {
      try {
        const { bundles, bad } = await store.read(o)
        if (bad.length) {
          await store.remove(bad.map((b) => b.id)).catch(fail)
          for (const b of bad) push({ kind: 'dropped', bad: b, kept: bundles.length })
        }
        ledger = bundles.map((b) => ({ id: b.id, saved: b.saved }))
        return bundles
      } catch (e) {
        if (!(e instanceof PersistError && e.reason === 'unavailable')) console.warn('persist: nothing restored', e)
        return []
      }
    },
    async saveDatabase(snap, state) {
      const key = ledgerKey(ledger)
      if (!key) return
      current = null
      try { current = await snapshots.save(snap, key, state) } catch (e) { console.warn('persist: database not saved', e); await dropSnapshot() }
    },
    async openDatabase() {
      const key = ledgerKey(ledger)
      if (!key) throw new SnapshotBroken('stale', 'no saved bundles')
      const opened = await snapshots.open(key)
      current = opened.fingerprint
      return opened
    },
    async saveAnswers(a) {
      const fp = current
      if (!fp) return
      try { await snapshots.putAnswers({ ...a, entries: capAnswers(a.entries), fingerprint: fp }) } catch (e) { console.warn('persist: answers not kept', e) }
    },
    async savedAnswers() {
      try {
        const { bundles, bad } = await store.read({ bytes: false })
        const key = bad.length ? null : ledgerKey(bundles.map((b) => ({ id: b.id, saved: b.saved })))
        const peeked = key ? await snapshots.peek() : null
        return { saved: bundles.length + bad.length > 0, answers: peeked && peeked.ledger === key ? peeked.answers : null }
      } catch { return { saved: false, answers: null } } // nothing to paint from: the start-up waits for DuckDB as before
    },
    forgetDatabase() { current = null; void dropSnapshot() },
    reopenFailed(e) {
      current = null
      const b = e instanceof SnapshotBroken ? e : new SnapshotBroken('import', e instanceof Error ? e.message : String(e))
      if (b.reason !== 'none') push({ kind: 'replayed', reason: b.reason, detail: b.message })
      void dropSnapshot()
    },
    replayFailed(b, why) {
      ledger = ledger.filter((x) => x.id !== b.id)
      push({ kind: 'replayFailed', bad: { n: 0, savedAt: b.savedAt, paths: b.files.map((f) => f.path), why: 'missing', detail: why }, kept: ledger.length })
    },
    snapshot: (files) => snapshotFiles(files),
    async afterLoad(copy, { sample, replace }) {
      current = null // the data changed: answers wait for the database saved of it
      try {
        if (sample || replace) {
          await store.clear()
          ledger = []
          await dropSnapshot()
        }
        if (sample) channel.post('sample')
        else if (copy) {
          const saved = copy.map((f) => ('blob' in f ? f : snapshotFiles([f])[0]))
          const entry: { id: number | null; saved: readonly SavedFile[] } = { id: null, saved }
          ledger = [...ledger, entry]
          entry.id = (await store.append(saved)).id
          channel.post(replace ? 'replace' : 'append')
        } else if (replace) channel.post('replace')
        else return
        notice.value = null
      } catch (e) { fail(e) }
    },
    async clear() {
      current = null
      notice.value = null
      let bundles = 0
      try {
        const all = await store.read({ bytes: false })
        bundles = all.bundles.length + all.bad.length
        await store.clear()
      } catch (e) { if (!(e instanceof PersistError && e.reason === 'unavailable')) fail(e) }
      await dropSnapshot()
      const keys = [...wipeKeys(storage), ...wipeKeys(session)]
      ledger = []
      notifyWiped() // the briefing pack and the marks drop what they hold in memory
      channel.post('clear')
      notices.value = []
      push({ kind: 'cleared', bundles, keys })
    },
    async keepMine() {
      try {
        const ids = await store.replace(ledger.map((x) => x.saved))
        ledger = ledger.map((x, i) => ({ ...x, id: ids[i] }))
        channel.post('replace')
        push({ kind: 'kept', count: ids.length }, 'otherTab')
      } catch (e) { fail(e) }
    },
    saveFilters: (f) => saveFilters(f, storage),
    loadFilters: () => loadFilters(storage),
    dismiss(id) {
      if (id == null) notice.value = null
      else notices.value = notices.value.filter((x) => x.id !== id)
    },
  }
}

let shared: Persistence | null = null

/** The app's persistence (browser IndexedDB + localStorage); a no-op store where IndexedDB is missing. */
export function usePersistence(): Persistence {
  return (shared ??= createPersistence())
}

/** For tests: forget the shared instance. */
export function resetPersistence(): void {
  shared = null
}
