/**
 * Saved bundles: the source files of every bundle the user loaded, in IndexedDB, so the data
 * survives a reload and a browser crash. One object store, one record per bundle
 * `{ id, savedAt, files: [{ path, blob }] }` (records saved before 2026-11-28 hold `bytes`, still read);
 * `id` grows with every save, so listing by key gives the load order. Files are kept as Blobs: IndexedDB
 * stores a Blob by reference, while cloning an 80 MB Uint8Array into the store blocked the page for ~2 s. A record is written in one transaction, after its load succeeded: a load
 * cut short by closing the tab never reaches the store, and the bundles saved before stay intact.
 *
 * Not DuckDB's own OPFS database (it has come back empty after reloads). The database is kept beside these
 * files as Arrow parts (snapshot.ts, issue 19) and reopened on reload; the sources are replayed through the
 * normal load path only when that saved database does not match or cannot be read. No Vue here: the IDB factory is injectable, so
 * the module runs under a fake IndexedDB in unit tests.
 */
import type { SourceFile } from '../ingest/types'

const DB_NAME = 'gdd-persist'
const DB_VERSION = 1
const STORE = 'bundles'

export interface StoredBundle {
  /** Bundle number: increases with every save (load order). */
  id: number
  /** ms since the epoch. */
  savedAt: number
  /** The files' bytes ([] when read with `bytes: false`: bundleFiles reads them when a replay needs them). */
  files: SourceFile[]
  /** The files as stored (Blobs): what is saved again when this tab keeps its data (src/persist/index.ts). */
  saved: SavedFile[]
}

/** Why a saved bundle cannot be restored: its record unreadable, malformed, or a file's content lost. */
type BadReason = 'unreadable' | 'shape' | 'missing'

/** A saved bundle that cannot be restored, named for the notice. */
export interface BadBundle {
  id: number
  /** 1-based position among the saved bundles (load order). */
  n: number
  savedAt: number | null
  paths: string[]
  why: BadReason
  /** The file whose content is lost, or the browser's error. */
  detail: string
}

interface ReadResult { bundles: StoredBundle[]; bad: BadBundle[] }

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
  /** The saved bundles that read, in load order (read() also names the others). */
  list(): Promise<StoredBundle[]>
  /**
   * Every saved bundle checked on its own: one bad record or lost file never hides the good ones. `bytes: false`
   * reads one byte of each file (a lost Blob still fails) instead of all of it: a reload that reopens the saved
   * database needs no CSV bytes.
   */
  read(opts?: { bytes?: boolean }): Promise<ReadResult>
  /** Remove these bundles (the bad ones, once named). */
  remove(ids: readonly number[]): Promise<void>
  /** In one transaction: remove every bundle, then save these (a tab keeping its own data); their new ids. */
  replace(bundles: readonly (readonly SavedFile[])[], now?: number): Promise<number[]>
  /** Save one bundle in a single transaction; resolves with its record once committed. */
  append(files: readonly (SourceFile | SavedFile)[], now?: number): Promise<{ id: number; savedAt: number; files: SavedFile[] }>
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

type StoredFile = { path: string; blob?: Blob; bytes?: Uint8Array }
type StoredRecord = { id: number; savedAt: number; files: StoredFile[] }

/** A record as it must be: an id, a time, and files each with a path and its content (Blob, or bytes before Blobs). */
function isRecord(v: unknown): v is StoredRecord {
  const r = v as StoredRecord
  return !!r && typeof r === 'object' && typeof r.id === 'number' && typeof r.savedAt === 'number' && Array.isArray(r.files) && r.files.length > 0 &&
    r.files.every((f) => !!f && typeof f.path === 'string' && f.path !== '' && (f.blob instanceof Blob || f.bytes instanceof Uint8Array))
}

const pathsOf = (v: unknown): string[] => {
  const files = (v as { files?: unknown })?.files
  return Array.isArray(files) ? files.map((f) => (f as { path?: unknown })?.path).filter((p): p is string => typeof p === 'string') : []
}

/** Read one record's files; a lost Blob (deleted from disk, unreadable) makes the bundle bad, naming the file. */
async function readRecord(r: StoredRecord, n: number, bytes: boolean): Promise<StoredBundle | BadBundle> {
  const files: SourceFile[] = []
  for (const f of r.files) {
    try {
      if (!bytes) { if (f.blob) await f.blob.slice(0, 1).arrayBuffer(); continue }
      files.push({ path: f.path, bytes: f.blob ? new Uint8Array(await f.blob.arrayBuffer()) : f.bytes! })
    } catch (e) {
      return { id: r.id, n, savedAt: r.savedAt, paths: pathsOf(r), why: 'missing', detail: `${f.path}（${e instanceof Error ? e.name || e.message : String(e)}）` }
    }
  }
  const saved = r.files.map((f): SavedFile => ({ path: f.path, blob: f.blob ?? toBlob(f.bytes!) }))
  return { id: r.id, savedAt: r.savedAt, files, saved }
}

/** A saved bundle's files with their bytes (read now when the bundle was read without them). */
export async function bundleFiles(b: StoredBundle): Promise<SourceFile[]> {
  if (b.files.length > 0) return b.files
  return Promise.all(b.saved.map(async (f) => ({ path: f.path, bytes: new Uint8Array(await f.blob.arrayBuffer()) })))
}

/**
 * A function that opens the named database once and hands out that connection; the connection is dropped when
 * another tab upgrades or deletes the database (reopened on next use) and after a failed open.
 */
export function cachedOpener(
  idb: IDBFactory | null, name: string, version: number, upgrade: (db: IDBDatabase) => void,
  errors: { missing(): Error; thrown(e: unknown): unknown; failed(e: DOMException | null): unknown },
): { open(): Promise<IDBDatabase>; close(): void } {
  let conn: Promise<IDBDatabase> | null = null
  const open = (): Promise<IDBDatabase> => {
    if (!idb) return Promise.reject(errors.missing())
    if (!conn) {
      conn = new Promise<IDBDatabase>((resolve, reject) => {
        let r: IDBOpenDBRequest
        try { r = idb.open(name, version) } catch (e) { reject(errors.thrown(e)); return }
        r.onupgradeneeded = () => upgrade(r.result)
        r.onsuccess = () => {
          const db = r.result
          db.onversionchange = () => { db.close(); conn = null }
          resolve(db)
        }
        r.onerror = () => reject(errors.failed(r.error))
        r.onblocked = () => { /* wait: the other connection closes on versionchange */ }
      })
      conn.catch(() => { conn = null })
    }
    return conn
  }
  const close = (): void => {
    const c = conn
    conn = null
    void c?.then((db) => db.close(), () => {})
  }
  return { open, close }
}

export function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

/** Resolves when the transaction committed; rejects with its error when it aborted. */
export function done(tx: IDBTransaction): Promise<void> {
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

  const { open, close } = cachedOpener(idb, name, DB_VERSION, (db) => {
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true })
  }, {
    missing: () => new PersistError('unavailable', 'IndexedDB is not available'),
    thrown: (e) => new PersistError('unavailable', String(e), e),
    failed: (e) => new PersistError(isQuotaError(e) ? 'quota' : 'unavailable', `IndexedDB open: ${e instanceof Error ? e.message : 'failed'}`, e),
  })

  /** Each record by its own request: a record the browser cannot read fails alone (its error does not abort the others). */
  async function getEach(db: IDBDatabase): Promise<{ key: number; value?: unknown; error?: string }[]> {
    const tx = db.transaction(STORE, 'readonly')
    const os = tx.objectStore(STORE)
    const keys = await req(os.getAllKeys())
    const got = Promise.all(keys.map((key) => new Promise<{ key: number; value?: unknown; error?: string }>((resolve) => {
      const r = os.get(key)
      r.onsuccess = () => resolve({ key: Number(key), value: r.result })
      r.onerror = (ev) => { ev.preventDefault(); ev.stopPropagation(); resolve({ key: Number(key), error: r.error?.name ?? 'error' }) }
    })))
    await done(tx)
    return got
  }

  async function read(opts: { bytes?: boolean } = {}): Promise<ReadResult> {
    const db = await open()
    let recs: { key: number; value?: unknown; error?: string }[]
    try { recs = await getEach(db) } catch (e) { throw wrap(e, 'IndexedDB read') }
    const out: ReadResult = { bundles: [], bad: [] }
    for (const [i, r] of recs.sort((a, b) => a.key - b.key).entries()) {
      const v = r.value as Partial<StoredRecord> | undefined
      const savedAt = typeof v?.savedAt === 'number' ? v.savedAt : null
      if (r.error) out.bad.push({ id: r.key, n: i + 1, savedAt: null, paths: [], why: 'unreadable', detail: r.error })
      else if (!isRecord(v)) out.bad.push({ id: r.key, n: i + 1, savedAt, paths: pathsOf(v), why: 'shape', detail: '' })
      else {
        const b = await readRecord(v, i + 1, opts.bytes !== false)
        if ('why' in b) out.bad.push(b)
        else out.bundles.push(b)
      }
    }
    return out
  }

  async function write<T>(what: string, fn: (os: IDBObjectStore) => T): Promise<T> {
    const db = await open()
    try {
      const tx = db.transaction(STORE, 'readwrite')
      const res = fn(tx.objectStore(STORE))
      await done(tx)
      return res
    } catch (e) { throw wrap(e, what) }
  }

  /** Save bundles in one transaction (after removing every other one when `replace`); their ids. */
  async function addAll(bundles: readonly (readonly SavedFile[])[], now: number, replace: boolean): Promise<number[]> {
    const keys = await write('IndexedDB write', (os) => {
      if (replace) os.clear()
      return bundles.map((files) => {
        const k = req(os.add({ savedAt: now, files: [...files] }))
        k.catch(() => {}) // the transaction's error is the one reported
        return k
      })
    })
    return Promise.all(keys.map(async (k) => Number(await k)))
  }

  return {
    read,
    async list() {
      return (await read()).bundles
    },
    async remove(ids) {
      await write('IndexedDB delete', (os) => { for (const id of ids) os.delete(id) })
    },
    replace: (bundles, now = Date.now()) => addAll(bundles, now, true),
    async append(files, now = Date.now()) {
      const rec = { savedAt: now, files: files.map((f): SavedFile => ('blob' in f ? f : { path: f.path, blob: toBlob(f.bytes) })) }
      const [id] = await addAll([rec.files], now, false)
      return { ...rec, id }
    },
    async clear() {
      await write('IndexedDB clear', (os) => { os.clear() })
    },
    close,
  }
}
