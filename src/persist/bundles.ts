/**
 * Saved bundles: the source files of every bundle the user loaded, in IndexedDB, so the data
 * survives a reload and a browser crash. One object store, one record per bundle
 * `{ id, savedAt, files: [{ path, blob }] }` (records saved before 2026-11-28 hold `bytes`, still read);
 * `id` grows with every save, so listing by key gives the load order. Files are kept as Blobs: IndexedDB
 * stores a Blob by reference, while cloning an 80 MB Uint8Array into the store blocked the page for ~2 s. A record is written in one transaction, after its load succeeded: a load
 * cut short by closing the tab never reaches the store, and the bundles saved before stay intact.
 *
 * Not DuckDB (DuckDB's own OPFS database has come back empty after reloads); the sources are
 * replayed through the normal load path instead. No Vue here: the IDB factory is injectable, so
 * the module runs under a fake IndexedDB in unit tests.
 */
import type { SourceFile } from '../ingest/types'

export const DB_NAME = 'gdd-persist'
export const DB_VERSION = 1
export const STORE = 'bundles'

export interface StoredBundle {
  /** Bundle number: increases with every save (load order). */
  id: number
  /** ms since the epoch. */
  savedAt: number
  files: SourceFile[]
}

/** Why a save did not happen: the quota, or no usable IndexedDB at all. */
export type SaveFailure = 'quota' | 'unavailable' | 'error'

export class PersistError extends Error {
  constructor(readonly reason: SaveFailure, message: string, cause?: unknown) {
    super(message, { cause })
    this.name = 'PersistError'
  }
}

/** QuotaExceededError as IndexedDB reports it (a DOMException name; old engines used code 22). */
export function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false
  const x = e as { name?: unknown; code?: unknown }
  return x.name === 'QuotaExceededError' || x.name === 'NS_ERROR_DOM_QUOTA_REACHED' || x.code === 22
}

/** A file as saved: its bytes copied into a Blob (outside the page's JS heap). */
export interface SavedFile { path: string; blob: Blob }

export interface BundleStore {
  /** Every saved bundle, in load order. */
  list(): Promise<StoredBundle[]>
  /** Save one bundle in a single transaction; resolves with its record once committed. */
  append(files: readonly (SourceFile | SavedFile)[], now?: number): Promise<Omit<StoredBundle, 'files'> & { files: SavedFile[] }>
  /** Remove every saved bundle. */
  clear(): Promise<void>
  /** Close the connection (tests; a version change elsewhere also closes it). */
  close(): void
}

/**
 * Copy the files' bytes now: loading hands the buffers to the DuckDB worker (they are detached
 * afterwards), so the copy that gets saved must be taken before the load starts.
 */
export function snapshotFiles(files: readonly SourceFile[]): SavedFile[] {
  return files.map((f) => ({ path: f.path, blob: toBlob(f.bytes) }))
}

const toBlob = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>])

/** A stored file as the loader wants it (Blob, or the bytes of records saved before Blobs). */
async function readStored(f: { path: string; blob?: Blob; bytes?: Uint8Array }): Promise<SourceFile> {
  return { path: f.path, bytes: f.blob ? new Uint8Array(await f.blob.arrayBuffer()) : (f.bytes ?? new Uint8Array()) }
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

/** Resolves when the transaction committed; rejects with its error when it aborted. */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
  })
}

function wrap(e: unknown, what: string): PersistError {
  if (e instanceof PersistError) return e
  const msg = e instanceof Error ? e.message : String(e)
  return new PersistError(isQuotaError(e) ? 'quota' : 'error', `${what}: ${msg}`, e)
}

export function createBundleStore(opts: { idb?: IDBFactory | null; name?: string } = {}): BundleStore {
  const idb = opts.idb === undefined ? (globalThis.indexedDB ?? null) : opts.idb
  const name = opts.name ?? DB_NAME
  let conn: Promise<IDBDatabase> | null = null

  function open(): Promise<IDBDatabase> {
    if (!idb) return Promise.reject(new PersistError('unavailable', 'IndexedDB is not available'))
    if (!conn) {
      conn = new Promise<IDBDatabase>((resolve, reject) => {
        let r: IDBOpenDBRequest
        try { r = idb.open(name, DB_VERSION) } catch (e) { reject(new PersistError('unavailable', String(e), e)); return }
        r.onupgradeneeded = () => {
          const db = r.result
          if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true })
        }
        r.onsuccess = () => {
          const db = r.result
          // Another tab upgrading or deleting the database: let it, reopen on next use.
          db.onversionchange = () => { db.close(); conn = null }
          resolve(db)
        }
        r.onerror = () => reject(new PersistError(isQuotaError(r.error) ? 'quota' : 'unavailable', `IndexedDB open: ${r.error?.message ?? 'failed'}`, r.error))
        r.onblocked = () => { /* wait: the other connection closes on versionchange */ }
      })
      conn.catch(() => { conn = null })
    }
    return conn
  }

  return {
    async list() {
      const db = await open()
      try {
        const tx = db.transaction(STORE, 'readonly')
        const all = req(tx.objectStore(STORE).getAll() as IDBRequest<(Omit<StoredBundle, 'files'> & { files: SavedFile[] })[]>)
        all.catch(() => {})
        await done(tx)
        const recs = (await all).sort((a, b) => a.id - b.id)
        return await Promise.all(recs.map(async (r) => ({ ...r, files: await Promise.all(r.files.map(readStored)) })))
      } catch (e) { throw wrap(e, 'IndexedDB read') }
    },
    async append(files, now = Date.now()) {
      const db = await open()
      const rec = { savedAt: now, files: files.map((f): SavedFile => ('blob' in f ? f : { path: f.path, blob: toBlob(f.bytes) })) }
      try {
        const tx = db.transaction(STORE, 'readwrite')
        const key = req(tx.objectStore(STORE).add(rec))
        key.catch(() => {}) // the transaction's error is the one reported
        await done(tx)
        return { ...rec, id: Number(await key) }
      } catch (e) { throw wrap(e, 'IndexedDB write') }
    },
    async clear() {
      const db = await open()
      try {
        const tx = db.transaction(STORE, 'readwrite')
        tx.objectStore(STORE).clear()
        await done(tx)
      } catch (e) { throw wrap(e, 'IndexedDB clear') }
    },
    close() {
      const c = conn
      conn = null
      void c?.then((db) => db.close(), () => {})
    },
  }
}
