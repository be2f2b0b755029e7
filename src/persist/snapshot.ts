/**
 * The saved database (issue 19): after a load, the tables of the database (src/db/snapshot.ts) are kept in
 * IndexedDB beside the saved bundles, so that a reload reopens them instead of replaying the CSV files.
 *
 * Database `gdd-snapshot`, store `parts`: one `manifest` record (per table: name, DDL, row count, byte size and a
 * checksum; the key of the bundles the database was made of; the dashboard's own state of the load) and one record
 * per table with its Arrow bytes as a Blob. Written in one transaction (the old snapshot goes in the same one).
 *
 * Opening checks everything before DuckDB sees a byte: the manifest's shape, that it was made of exactly the saved
 * bundles (`ledger`: another tab may have added or replaced bundles since), that every part is there with its size
 * and checksum. Any mismatch is a `SnapshotBroken` with the reason: the caller replays the CSV files and says so.
 */
import { cachedOpener, done, req, type SavedFile } from './bundles'
import { isStartAnswers, type SavedAnswers } from './answers'

/** One table as src/db/snapshot.ts exports it (the same shape: persist sits beside db and does not import it). */
interface TablePart { name: string; ddl: string; rows: number; bytes: Uint8Array }
interface DbSnapshot { tables: TablePart[]; nextFileId: number }

const SNAP_DB_NAME = 'gdd-snapshot'
const SNAP_STORE = 'parts'
const MANIFEST = 'manifest'
/** The saved answers of this database (./answers.ts); emptied with the store by every save and clear. */
const ANSWERS = 'answers'
const VERSION = 1

/** Why a saved database is not reopened. */
export type BrokenReason = 'none' | 'stale' | 'corrupt' | 'unreadable' | 'import'

export class SnapshotBroken extends Error {
  constructor(readonly reason: BrokenReason, message: string) {
    super(message)
    this.name = 'SnapshotBroken'
  }
}

interface PartMeta { name: string; ddl: string; rows: number; size: number; sum: string }
interface Manifest { key: typeof MANIFEST; version: number; savedAt: number; ledger: string; nextFileId: number; tables: PartMeta[]; state: unknown }

/** FNV-1a over the bytes, with the length: finds a flipped or cut byte (not an adversary: same-origin storage). */
export function checksum(bytes: Uint8Array): string {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193)
  return `${bytes.length}:${(h >>> 0).toString(16)}`
}

/** The identity of a saved database: its bundles, when it was saved, and every table's rows and checksum. */
function fingerprint(m: { ledger: string; savedAt: number; tables: readonly { name: string; rows: number; sum: string }[] }): string {
  return checksum(new TextEncoder().encode(JSON.stringify([m.ledger, m.savedAt, m.tables.map((t) => [t.name, t.rows, t.sum])])))
}

/** The bundles a database is made of, as one key: each bundle's id and its files' paths and sizes. */
export function ledgerKey(entries: readonly { id: number | null; saved: readonly SavedFile[] }[]): string | null {
  if (entries.length === 0 || entries.some((e) => e.id == null)) return null
  const text = JSON.stringify(entries.map((e) => [e.id, e.saved.map((f) => [f.path, f.blob.size])]))
  return checksum(new TextEncoder().encode(text))
}

/** A table as saved: its bytes already in a Blob (outside the JS heap) with their size and checksum. */
export interface SavedPart extends PartMeta { blob: Blob }

/** Take a table's bytes into a Blob now (the caller drops the bytes). */
export function savedPart(t: TablePart): SavedPart {
  return { name: t.name, ddl: t.ddl, rows: t.rows, size: t.bytes.length, sum: checksum(t.bytes), blob: new Blob([t.bytes as Uint8Array<ArrayBuffer>]) }
}

/** The database as saved: its parts and where file ids go on. */
export interface SavedDb { parts: SavedPart[]; nextFileId: number }

export interface OpenedSnapshot { snap: DbSnapshot; state: unknown; savedAt: number; fingerprint: string }

/** Without reading a table: the saved database's bundles key and identity, and its saved answers if they are its own. */
interface PeekedSnapshot { ledger: string; fingerprint: string; answers: SavedAnswers | null }

export interface SnapshotStore {
  /** Saves the database (the store emptied first: old answers go too); its fingerprint. */
  save(db: SavedDb, ledger: string, state: unknown, now?: number): Promise<string>
  /** The database saved for exactly these bundles; throws SnapshotBroken (reason 'none' when nothing is saved). */
  open(ledger: string): Promise<OpenedSnapshot>
  /** The manifest and answers only (a start-up paints from them before DuckDB is up); null when nothing is saved. */
  peek(): Promise<PeekedSnapshot | null>
  /** Keep answers for the saved database named by `a.fingerprint`; false (nothing written) when it is not the one saved. */
  putAnswers(a: SavedAnswers): Promise<boolean>
  clear(): Promise<void>
  close(): void
}


const isManifest = (v: unknown): v is Manifest => {
  const m = v as Manifest
  return !!m && m.key === MANIFEST && m.version === VERSION && typeof m.ledger === 'string' && typeof m.nextFileId === 'number' &&
    Array.isArray(m.tables) && m.tables.every((t) => !!t && typeof t.name === 'string' && typeof t.ddl === 'string' &&
      typeof t.rows === 'number' && typeof t.size === 'number' && typeof t.sum === 'string')
}

export function createSnapshotStore(opts: { idb?: IDBFactory | null; name?: string } = {}): SnapshotStore {
  const idb = opts.idb === undefined ? (globalThis.indexedDB ?? null) : opts.idb
  const name = opts.name ?? SNAP_DB_NAME
  const { open, close } = cachedOpener(idb, name, 1, (db) => {
    if (!db.objectStoreNames.contains(SNAP_STORE)) db.createObjectStore(SNAP_STORE, { keyPath: 'key' })
  }, {
    missing: () => new SnapshotBroken('unreadable', 'IndexedDB is not available'),
    thrown: (e) => e,
    failed: (e) => e,
  })

  return {
    async save(saved, ledger, state, now = Date.now()) {
      const tables: PartMeta[] = saved.parts.map(({ name, ddl, rows, size, sum }) => ({ name, ddl, rows, size, sum }))
      const manifest: Manifest = { key: MANIFEST, version: VERSION, savedAt: now, ledger, nextFileId: saved.nextFileId, tables, state }
      const db = await open()
      const tx = db.transaction(SNAP_STORE, 'readwrite')
      const os = tx.objectStore(SNAP_STORE)
      os.clear()
      for (const t of saved.parts) os.put({ key: `t:${t.name}`, blob: t.blob })
      os.put(manifest)
      await done(tx)
      return fingerprint(manifest)
    },
    async peek() {
      const db = await open()
      const tx = db.transaction(SNAP_STORE, 'readonly')
      const os = tx.objectStore(SNAP_STORE)
      const [m, a] = await Promise.all([req(os.get(MANIFEST)), req(os.get(ANSWERS))])
      await done(tx)
      if (!isManifest(m)) return null
      const fp = fingerprint(m)
      const rec = a as (SavedAnswers & { fingerprint?: unknown }) | undefined
      const answers = rec && rec.fingerprint === fp && isStartAnswers(rec) ? rec : null
      return { ledger: m.ledger, fingerprint: fp, answers }
    },
    async putAnswers(a) {
      const db = await open()
      const tx = db.transaction(SNAP_STORE, 'readwrite')
      const os = tx.objectStore(SNAP_STORE)
      // checked and written in one transaction: a save or clear queued after it cannot be overtaken
      const m: unknown = await req(os.get(MANIFEST))
      const ok = isManifest(m) && fingerprint(m) === a.fingerprint
      if (ok) os.put({ ...a, key: ANSWERS })
      await done(tx)
      return ok
    },
    async open(ledger) {
      let db: IDBDatabase
      try { db = await open() } catch (e) { throw new SnapshotBroken('unreadable', String(e)) }
      const tx = db.transaction(SNAP_STORE, 'readonly')
      const os = tx.objectStore(SNAP_STORE)
      let m: unknown
      const parts = new Map<string, unknown>()
      try {
        m = await req(os.get(MANIFEST))
        if (isManifest(m)) {
          await Promise.all(m.tables.map(async (t) => { parts.set(t.name, await req(os.get(`t:${t.name}`))) }))
        }
        await done(tx)
      } catch (e) { throw new SnapshotBroken('unreadable', e instanceof Error ? e.message : String(e)) }
      if (m === undefined) throw new SnapshotBroken('none', 'no saved database')
      if (!isManifest(m)) throw new SnapshotBroken('corrupt', 'manifest')
      if (m.ledger !== ledger) throw new SnapshotBroken('stale', 'saved bundles changed')
      const tables: TablePart[] = []
      for (const t of m.tables) {
        const blob = (parts.get(t.name) as { blob?: unknown } | undefined)?.blob
        if (!(blob instanceof Blob)) throw new SnapshotBroken('corrupt', `${t.name}: part missing`)
        let bytes: Uint8Array
        try { bytes = new Uint8Array(await blob.arrayBuffer()) } catch (e) { throw new SnapshotBroken('unreadable', `${t.name}: ${e instanceof Error ? e.name : String(e)}`) }
        if (bytes.length !== t.size || checksum(bytes) !== t.sum) throw new SnapshotBroken('corrupt', `${t.name}: checksum`)
        tables.push({ name: t.name, ddl: t.ddl, rows: t.rows, bytes })
      }
      return { snap: { tables, nextFileId: m.nextFileId }, state: m.state, savedAt: m.savedAt, fingerprint: fingerprint(m) }
    },
    async clear() {
      const db = await open()
      const tx = db.transaction(SNAP_STORE, 'readwrite')
      tx.objectStore(SNAP_STORE).clear()
      await done(tx)
    },
    close,
  }
}
