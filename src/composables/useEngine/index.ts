/**
 * useEngine — DuckDB's lifecycle: started once, on first use; a failed start is forgotten so that a retry starts
 * over. Unit tests inject an engine (`startDb`: a Node DuckDB or a fake), the app starts the browser worker lazily
 * (its chunk and wasm are fetched after the shell has painted).
 */
import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { Db } from '../../db/types'
import { sharedState } from '../sharedState'
import type { Published } from '../../db/attach'
import { publishedParam, resolvePublishedUrl } from '../../db/published-url'
import type { DataSource } from '../../queries/rollup'

/**
 * A published database the engine opened: where it came from (`?db=` path and URL, or `local`: a file picked from
 * the user's disk, `path` its file name) and what its manifest says.
 */
export interface PublishedSource extends Published { path: string; url?: string; local?: boolean }

/** How an engine is started: with `file`, a database file from the user's disk attached (`openFile`). */
interface StartRequest {
  file?: File
  /** Told what was attached (a `?db=` published file, or `file`). */
  onPublished(p: PublishedSource): void
}

export interface UseEngineOptions {
  /** Start DuckDB (default: the browser worker, loaded lazily); `openFile` starts its engine with it too. */
  startDb?: (request: StartRequest) => Promise<Db>
}

type EngineStatus = 'off' | 'starting' | 'up'

export interface UseEngineReturn {
  status: Ref<EngineStatus>
  /** The engine once started (null before). */
  db: ShallowRef<Db | null>
  /** The engine, started on the first call (a failed start rejects and is tried again on the next call). */
  getDb(): Promise<Db>
  /** The published database attached at start-up (`?db=`), null when the data is the tab's own. */
  published: ShallowRef<PublishedSource | null>
  /** What the data can answer cheaply (stored answers of a published file), passed to the builders that use it. */
  source: ComputedRef<DataSource>
  /**
   * Open a database file from the user's disk: a new engine is started with it attached (ATTACH needs the engine
   * unlocked, so the running one cannot take it) and, once it is up, replaces the running one, which is closed.
   * A refused file (src/db/attach.ts) rejects and leaves the running engine and its data as they were.
   */
  openFile(file: File): Promise<Db>
  /**
   * The published file's data became the tab's own (copied under an added bundle, or left by a load or clear:
   * src/db/adopt.ts): the engine no longer answers for it (its stored answers are emptied: they no longer hold); it
   * stays attached until the load is done.
   */
  leavePublished(): void
}

/** Ends a start-up wait at once, as its timeout would (automation only: see defaultStartDb). */
const EXPIRE_START_EVENT = 'gdd:engine-start-timeout'

async function defaultStartDb({ onPublished, file: localFile }: StartRequest): Promise<Db> {
  // Checked before anything is fetched: only a .duckdb of this origin (src/db/published-url.ts).
  const path = localFile || typeof location === 'undefined' ? null : publishedParam(location.href)
  const publishedUrl = path == null ? undefined : resolvePublishedUrl(path, location.href)
  const told = (p: Published): void => onPublished(localFile ? { ...p, path: localFile.name, local: true } : { ...p, url: publishedUrl!, path: path! })
  // Loaded lazily: the shell paints before the DuckDB chunk and wasm are fetched.
  const { startDuckDb } = await import('../../db/duckdb-browser')
  const expire = new AbortController()
  const giveUp = () => expire.abort()
  // Under automation only (navigator.webdriver, never set in a user's own browsing): browser tests that make the
  // start fail (tests/browser/engine-failure) end the wait once the failure has happened, by this event, instead
  // of waiting out the minute. An event can only come from a script of this page; at worst the error and its
  // retry button come sooner.
  if (typeof window !== 'undefined' && navigator.webdriver === true) window.addEventListener(EXPIRE_START_EVENT, giveUp)
  try {
    return await startDuckDb({ timeoutMs: 60_000, expire: expire.signal, publishedUrl, localFile, onPublished: told })
  } finally {
    if (typeof window !== 'undefined') window.removeEventListener(EXPIRE_START_EVENT, giveUp)
  }
}

function createEngine(options: UseEngineOptions = {}): UseEngineReturn {
  const published = shallowRef<PublishedSource | null>(null)
  const startDb = options.startDb ?? defaultStartDb
  const status = ref<EngineStatus>('off')
  const db = shallowRef<Db | null>(null)
  let pending: Promise<Db> | null = null

  function getDb(): Promise<Db> {
    if (!pending) {
      status.value = 'starting'
      pending = startDb({ onPublished: (p) => { published.value = p } }).then((d) => {
        db.value = d
        status.value = 'up'
        return d
      }, (e: unknown) => {
        pending = null // a retry starts over
        status.value = 'off'
        throw e
      })
    }
    return pending
  }

  async function openFile(file: File): Promise<Db> {
    let opened: PublishedSource | null = null
    const d = await startDb({ file, onPublished: (p) => { opened = p } })
    const old = db.value
    db.value = d
    pending = Promise.resolve(d)
    status.value = 'up'
    published.value = opened
    // queries still running on the old engine fail; their askers have moved on (the data version changes)
    await old?.close().catch(() => undefined)
    return d
  }

  // A published file is read-only: what was detected at attach holds until a load makes the data the tab's own.
  const source = computed<DataSource>(() => ({ rollups: published.value?.rollups === true }))
  // its stored answers (src/db/stored.ts) are the file's: the engine's main connection reads this same set at every call
  const leavePublished = (): void => { published.value?.stored.clear(); published.value = null }
  return { status, db, getDb, published, source, openFile, leavePublished }
}

/** The app's one engine (options only count on the first call). */
export const useEngine = sharedState(createEngine)
