/**
 * Browser persistence of the loaded data (see bundles.ts) and of the last filters (filters.ts),
 * as the dashboard uses it. Every method resolves (never rejects): persistence failing must not
 * break the in-memory session — a failed save becomes a notice (`notice`), a failed read means
 * "nothing saved".
 */
import { shallowRef, type ShallowRef } from 'vue'
import type { SourceFile } from '../ingest/types'
import type { Filters } from '../queries/types'
import { PersistError, createBundleStore, snapshotFiles, type BundleStore, type SaveFailure, type SavedFile, type StoredBundle } from './bundles'
import { clearFilters, defaultStorage, loadFilters, saveFilters, type KeyValueStorage } from './filters'

export * from './bundles'
export * from './filters'

/** What the storage notice shows: null = nothing to say. */
export interface PersistNotice { reason: SaveFailure; detail: string }

export interface Persistence {
  /** Last save failure (quota…), for the StorageNotice; cleared by a later successful save or a clear. */
  notice: ShallowRef<PersistNotice | null>
  /** Saved bundles in load order ([] when none or unreadable). */
  restore(): Promise<StoredBundle[]>
  /** Take the copy to save before loading (null for what is not saved). */
  snapshot(files: readonly SourceFile[]): SavedFile[] | null
  /** After a successful load: a sample replaces everything (store emptied), a user bundle is appended (or replaces). */
  afterLoad(copy: readonly (SourceFile | SavedFile)[] | null, opts: { sample: boolean; replace?: boolean }): Promise<void>
  /** "清空数据": remove every saved bundle and the saved filters. */
  clear(): Promise<void>
  saveFilters(f: Filters): void
  loadFilters(): Filters
  /** Dismiss the notice. */
  dismiss(): void
}

export function createPersistence(opts: { store?: BundleStore; storage?: KeyValueStorage | null } = {}): Persistence {
  const store = opts.store ?? createBundleStore()
  const storage = opts.storage === undefined ? defaultStorage() : opts.storage
  const notice = shallowRef<PersistNotice | null>(null)

  const fail = (e: unknown): void => {
    const p = e instanceof PersistError ? e : null
    console.warn('persist', e)
    notice.value = { reason: p?.reason ?? 'error', detail: e instanceof Error ? e.message : String(e) }
  }

  return {
    notice,
    async restore() {
      try { return await store.list() } catch (e) {
        if (!(e instanceof PersistError && e.reason === 'unavailable')) console.warn('persist: nothing restored', e)
        return []
      }
    },
    snapshot: (files) => snapshotFiles(files),
    async afterLoad(copy, { sample, replace }) {
      try {
        if (sample || replace) await store.clear()
        if (!sample && copy) await store.append(copy)
        else if (!sample && !replace) return
        notice.value = null
      } catch (e) { fail(e) }
    },
    async clear() {
      clearFilters(storage)
      notice.value = null
      try { await store.clear() } catch (e) { fail(e) }
    },
    saveFilters: (f) => saveFilters(f, storage),
    loadFilters: () => loadFilters(storage),
    dismiss: () => { notice.value = null },
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
