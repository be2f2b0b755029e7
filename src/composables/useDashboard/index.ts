/**
 * useDashboard — the app-wide store: starts DuckDB once, loads the sample on a first visit,
 * loads the bundles the user picks, holds the load summary and the filters, and runs the
 * dashboard queries. Latest wins: a slower, older query result never overwrites a newer one.
 *
 * Shared (one instance per app), VueUse-style: the first call creates it inside a detached
 * effect scope, later calls get the same object.
 */
import { computed, effectScope, ref, shallowRef, watch } from 'vue'
import type { Db, Row } from '../../db/types'
import { clearAll, loadTables, summarise, type LoadSummary } from '../../db/load'
import { runQuery } from '../../db/run'
import { createQueryCache } from '../../db/cache'
import { ingestFiles, isCancelled } from '../../ingest'
import type { Finding } from '../../domain/rules'
import type { SourceFile } from '../../ingest/types'
import {
  activeByUnitYearQuery, findingsQuery, outcomesByUnitQuery, outcomesByYearQuery, overviewQuery, unitsQuery, yearsQuery,
} from '../../queries'
import type { Filters, Query } from '../../queries/types'
import type { UnitRow } from '../../queries/rows'
import { fetchSampleFiles, sampleSkipped } from './sample'
import { FINDINGS_SHOWN } from './sql'
import { runUserSql, type UserSqlOptions } from '../../db/user-sql'
import { collectFiles } from '../../ingest/browser-files'
import { hasTables } from '../../db/catalog'
import { usePersistence } from '../../persist'
import type {
  DashboardData, DashboardError, DashboardState, FindingItem, LoadMode, LoadProgress, PickedFiles, RejectedFile,
  UseDashboardOptions, UseDashboardReturn,
} from './types'

/** Ingest findings that mean "this file was not loaded": a notice beside the data, not a finding of the data. */
const REFUSED = new Set<string>(['unrecognised_file', 'missing_column'])
const refused = (f: Finding): boolean => REFUSED.has(f.rule)

export type * from './types'

const EMPTY: DashboardData = { overview: null, active: [], outcomesByUnit: [], outcomesByYear: [] }

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const fromFinding = (f: Finding): FindingItem => ({
  rule: f.rule, severity: f.severity, unitCode: f.unitCode, unitName: null, year: f.year,
  file: f.file ?? null, line: f.line ?? null, column: f.column ?? null, table: f.table ?? null, raw: f.raw ?? null, message: f.message,
})

async function defaultStartDb(): Promise<Db> {
  // Loaded lazily: the shell paints before the DuckDB chunk and wasm are fetched.
  const { startDuckDb } = await import('../../db/duckdb-browser')
  return startDuckDb({ timeoutMs: 60_000 })
}

interface LoadOpts { sample?: boolean; replace?: boolean; skipped?: { path: string; reason: string }[] }

function createDashboard(options: UseDashboardOptions = {}): UseDashboardReturn {
  const startDb = options.startDb ?? defaultStartDb
  // Loaded bundles' source files in IndexedDB (src/persist): replayed on start-up instead of the sample.
  const persist = usePersistence()
  let restoring = false
  const sampleFiles = options.sampleFiles ?? (() => fetchSampleFiles((done, total, path) => {
    progress.value = { stage: 'fetching', done, total, detail: path }
  }))

  let db: Db | null = null
  let dbPromise: Promise<Db> | null = null
  let started: Promise<void> | null = null
  /** The action to repeat when the user presses retry. */
  let lastAction: (() => Promise<void>) | null = null
  /** Bumped by every refresh; only the newest may write results. */
  let generation = 0
  /** The filters the newest refresh ran with (the watcher skips what already ran). */
  let refreshedFilters: Filters | null = null
  /** Answers of the dashboard's and the views' read queries; emptied whenever the data may change. */
  const cache = createQueryCache()
  const cached = <T>(d: Db, q: Query<T>): Promise<T[]> => cache.run(q, () => runQuery(d, q))
  /**
   * A change of the loaded data (load, clear). The kept answers are dropped when it ends, whatever the outcome:
   * queries may run meanwhile (filters stay usable during a load) and may have seen rows of an unfinished load.
   */
  async function changingData<T>(change: () => Promise<T>): Promise<T> {
    try { return await change() } finally { cache.clear() }
  }

  const busy = ref(0)
  const error = shallowRef<DashboardError | null>(null)
  const progress = shallowRef<LoadProgress | null>(null)
  /** The running load's canceller (null when no load runs). */
  const loadAbort = shallowRef<AbortController | null>(null)
  /** Set when the last load was cancelled (the previous data is still there); cleared by the next load. */
  const cancelled = ref(false)
  /** Loaded bundles still being written to IndexedDB. */
  const saving = ref(0)
  /** View queries (runBuilt) running now. */
  const inFlight = ref(0)
  const querying = ref(false)
  const summary = shallowRef<LoadSummary | null>(null)
  const ingestFindings = shallowRef<FindingItem[]>([])
  const dbFindings = shallowRef<FindingItem[]>([])
  const skipped = shallowRef<{ path: string; reason: string }[]>([])
  const rejected = shallowRef<RejectedFile[]>([])
  const isSample = ref(false)
  const filters = shallowRef<Filters>({})
  const years = shallowRef<number[]>([])
  const units = shallowRef<UnitRow[]>([])
  const data = shallowRef<DashboardData>(EMPTY)
  /** Bumped after every load/clear: per-view queries (useQuery) re-run on it. */
  const dataVersion = ref(0)
  // Not started yet counts as loading: the first paint already says "loading".
  const everStarted = ref(false)

  const state = computed<DashboardState>(() =>
    error.value ? 'error' : busy.value > 0 || !everStarted.value ? 'loading' : 'ready')
  const findings = computed(() => [...ingestFindings.value, ...dbFindings.value].slice(0, FINDINGS_SHOWN))
  const findingsTotal = computed(() => (summary.value?.findings ?? 0) + ingestFindings.value.length)

  async function run<T>(action: () => Promise<T>, retry: () => Promise<void>, errKey: string): Promise<T | undefined> {
    busy.value++
    error.value = null
    try {
      return await action()
    } catch (e) {
      if (isCancelled(e)) { cancelled.value = true; return undefined } // not an error: the previous data stays
      console.error(e)
      lastAction = retry
      error.value = { key: errKey, params: { msg: message(e) } }
      return undefined
    } finally {
      busy.value--
      progress.value = null
    }
  }

  function getDb(): Promise<Db> {
    if (!dbPromise) {
      progress.value = { stage: 'starting', done: 0, total: 1 }
      dbPromise = startDb().then((d) => (db = d)).catch((e: unknown) => {
        dbPromise = null // a retry starts over
        throw e
      })
    }
    return dbPromise
  }

  async function hasData(d: Db): Promise<boolean> {
    try {
      // Ask the catalog first: querying a table that does not exist logs an error in the worker.
      if (!(await hasTables(d))) return false
      const s = await summarise(d)
      if (s.reports === 0 && s.files === 0) return false
      summary.value = { ...s, ms: 0 }
      return true
    } catch {
      return false // no schema yet: nothing was ever loaded
    }
  }

  function start(): Promise<void> {
    if (started) return started
    everStarted.value = true
    const go = async (): Promise<void> => {
      // Held across both steps so that "ready" does not flash between start-up and the sample.
      busy.value++
      try {
        const ok = await run(async () => {
          const d = await getDb()
          if (await hasData(d)) { await afterLoad(d); return true }
          return false
        }, () => { started = null; return start() }, 'errors.start')
        if (ok === false && await restoreSaved()) return
        if (ok === false && (options.autoSample ?? !sampleSkipped())) await loadSample()
      } finally {
        busy.value--
      }
    }
    started = go()
    return started
  }

  /** Ingest + load one bundle. The sample is replaced, never mixed with real reports. */
  async function loadSources(files: SourceFile[], opts: LoadOpts = {}): Promise<void> {
    // Copy now: loading detaches the buffers (they go to the DuckDB worker). Replays are not saved again.
    const keep = opts.sample || restoring ? null : persist.snapshot(files)
    const ctl = new AbortController()
    loadAbort.value = ctl
    cancelled.value = false
    await run(async () => {
      const d = await getDb()
      const res = await ingestFiles(files, (p) => { progress.value = p }, { signal: ctl.signal })
      const skippedNow = [...(opts.skipped ?? []), ...res.skipped]
      rejected.value = [
        ...skippedNow.map((x) => ({ path: x.path, reason: x.reason })),
        ...res.findings.filter(refused).map((f) => ({ path: f.file ?? '', reason: f.message, rule: f.rule, line: f.line ?? null })),
      ]
      const kept = res.findings.filter((f) => !refused(f))
      // Nothing loadable: the data loaded before stays as it was, and the notice says which files and why.
      if (res.tables.length === 0) return
      // The fictional sample is never mixed with real reports (nor loaded twice): it is replaced
      // inside the load's transaction, so a cancelled load still keeps it. A user's second bundle replaces
      // what is loaded when they chose so.
      const replace = (opts.sample || isSample.value || opts.replace === true) && (summary.value?.files ?? 0) > 0
      progress.value = { stage: 'loading', done: 0, total: res.tables.length }
      // On the engine's write connection: queries run meanwhile (filters, views, the console) see the data
      // committed before and cannot break the load's transaction (src/db/engine.ts).
      const s = await changingData(() => d.session('write', (w) => loadTables(w, res.tables, { onProgress: (p) => { progress.value = p }, signal: ctl.signal, replace })))
      if (loadAbort.value === ctl) loadAbort.value = null
      if (replace) { ingestFindings.value = []; dbFindings.value = []; skipped.value = [] }
      skipped.value = [...skipped.value, ...skippedNow]
      ingestFindings.value = [...ingestFindings.value, ...kept.map(fromFinding)]
      summary.value = s
      isSample.value = opts.sample === true
      progress.value = { stage: 'charting', done: 0, total: 1 }
      await afterLoad(d)
      // Saved after the charts are drawn, off the critical path (copying a large bundle into
      // IndexedDB takes seconds); `saving` tells tests and the UI when it is on disk.
      if (!restoring) {
        saving.value++
        void persist.afterLoad(keep, { sample: opts.sample === true, replace }).finally(() => { saving.value-- }) // never throws
      }
    }, () => loadSources(files, opts), opts.sample ? 'errors.sample' : 'errors.load')
    if (loadAbort.value === ctl) loadAbort.value = null
  }

  /** Stop the running load at its next checkpoint; what was loaded before stays. */
  function cancelLoad(): void {
    loadAbort.value?.abort()
  }

  async function loadSample(): Promise<void> {
    await run(async () => {
      progress.value = { stage: 'fetching', done: 0, total: 1 }
      const files = await sampleFiles()
      await loadSources(files, { sample: true })
    }, () => loadSample(), 'errors.sample')
  }

  async function loadPicked(input: PickedFiles, mode: LoadMode | Promise<LoadMode | null> = 'add'): Promise<void> {
    // collectFiles reads a DataTransfer synchronously on entry: its items die after the drop handler
    // (so before the question "replace or add" is answered).
    const pending = collectFiles(input, { onProgress: (p) => { progress.value = p } })
    const m = await mode
    if (m == null) return
    progress.value = { stage: 'reading', done: 0, total: 1 }
    await run(async () => {
      const c = await pending
      await loadSources(c.files, { skipped: c.skipped, replace: m === 'replace' })
    }, () => Promise.resolve(), 'errors.load')
  }

  async function resetAll(d: Db): Promise<void> {
    await changingData(() => d.session('write', (w) => clearAll(w)))
    ingestFindings.value = []
    dbFindings.value = []
    skipped.value = []
    rejected.value = []
    summary.value = null
    isSample.value = false
  }

  async function clear(): Promise<void> {
    await run(async () => {
      const d = await getDb()
      await resetAll(d)
      await persist.clear() // never throws
      filters.value = {}
      await afterLoad(d)
    }, () => clear(), 'errors.load')
  }

  /** After any load: lists for the filters, findings, then the charts. */
  async function afterLoad(d: Db): Promise<void> {
    const [y, u, f] = await Promise.all([
      runQuery(d, yearsQuery()),
      runQuery(d, unitsQuery()),
      runQuery(d, findingsQuery({}, { limit: FINDINGS_SHOWN })).catch((e: unknown) => { console.warn('findings', e); return [] }),
    ])
    years.value = y.map((r) => Number(r.year)).sort((a, b) => a - b)
    units.value = u
    dbFindings.value = f.map((r) => ({ ...r, message: r.message ?? '' }))
    // Drop filter values that no longer exist (e.g. after clearing).
    const f0 = filters.value
    const known = new Set(u.map((x) => x.unitCode))
    const keep = f0.unitCodes?.filter((c) => known.has(c))
    const next: Filters = { ...f0, unitCodes: keep && keep.length ? keep : undefined }
    if (next.yearFrom != null && !years.value.includes(next.yearFrom)) next.yearFrom = undefined
    if (next.yearTo != null && !years.value.includes(next.yearTo)) next.yearTo = undefined
    filters.value = next // the watcher would refresh later; refresh now so "ready" means drawn
    dataVersion.value++
    await refresh()
  }

  async function refresh(): Promise<void> {
    const d = db
    if (!d) return
    const my = ++generation
    const f = filters.value
    refreshedFilters = f
    querying.value = true
    try {
      const [overview, active, byUnit, byYear] = await Promise.all([
        cached(d, overviewQuery(f)),
        cached(d, activeByUnitYearQuery(f)),
        cached(d, outcomesByUnitQuery(f)),
        cached(d, outcomesByYearQuery(f)),
      ])
      if (my !== generation) return // a newer refresh started meanwhile: its result wins
      data.value = { overview: overview[0] ?? null, active, outcomesByUnit: byUnit, outcomesByYear: byYear }
    } catch (e) {
      if (my !== generation) return
      console.error(e)
      lastAction = () => refresh()
      error.value = { key: 'errors.query', params: { msg: message(e) } }
    } finally {
      if (my === generation) querying.value = false
    }
  }

  function setFilters(f: Filters): void {
    filters.value = { ...f }
  }

  async function retry(): Promise<void> {
    const a = lastAction
    error.value = null
    lastAction = null
    if (a) await a()
    else if (!db) { started = null; await start() }
  }

  /** User SQL: one SELECT, read-only by construction (src/db/user-sql.ts); refusals throw SqlRefused. */
  async function query(sql: string, opts?: UserSqlOptions): Promise<Row[]> {
    return runUserSql(await getDb(), sql, opts)
  }

  /** Run one query builder's statement (views with their own figures use this via useQuery). */
  async function runBuilt<T extends Row>(q: Query<T>): Promise<T[]> {
    inFlight.value++
    try {
      const d = await getDb()
      return await cached(d, q)
    } finally {
      inFlight.value--
    }
  }

  /**
   * Resolves once no dashboard or view query has run for two drawn frames: a figure whose query follows from
   * another's answer (the ranking's year) starts it in a watcher after the first answer, not in the same frame.
   */
  function idle(): Promise<void> {
    return new Promise((resolve) => {
      let quiet = 0
      const check = (): void => {
        quiet = inFlight.value === 0 && !querying.value ? quiet + 1 : 0
        if (quiet > 2) resolve()
        else requestAnimationFrame(() => setTimeout(check, 0))
      }
      check()
    })
  }

  watch(filters, (now) => { if (now !== refreshedFilters) void refresh() })
  watch(filters, (now) => { if (!restoring) persist.saveFilters(now) })

  /**
   * Replay the saved bundles in load order; false when none are saved. Bad saved bundles were removed and named by
   * persist.restore(); one that fails to load is named in a notice (and kept saved), the others still load.
   */
  async function restoreSaved(): Promise<boolean> {
    const saved = await persist.restore()
    if (saved.length === 0) return false
    const last = persist.loadFilters() // read first: the loads below reset the filters
    restoring = true
    try {
      for (const b of saved) {
        await loadSources(b.files)
        if (error.value) {
          persist.replayFailed(b, String(error.value.params?.msg ?? error.value.key))
          error.value = null
          lastAction = null
        }
      }
    } finally {
      restoring = false
    }
    // The URL's filters (if any) are already set; otherwise the last ones, for units that exist.
    const f0 = filters.value
    if (Object.values(f0).every((v) => v == null) && Object.keys(last).length) {
      const known = new Set(units.value.map((u) => u.unitCode))
      const codes = last.unitCodes?.filter((c) => known.has(c))
      setFilters({ ...last, unitCodes: codes?.length ? codes : undefined })
    }
    return true
  }

  return {
    state, error, progress, querying, cancelLoad, cancelled, saving: computed(() => saving.value > 0), cancellable: computed(() => loadAbort.value != null), summary, ingestFindings, findings,
    findingsTotal, skipped, rejected, isSample, filters, years, units, data,
    start, loadPicked, loadSources, loadSample, clear, retry, setFilters, refresh, query, dataVersion, runBuilt, idle,
    clearQueryCache: () => cache.clear(),
  }
}

let shared: UseDashboardReturn | null = null

/** The one dashboard of the app (options only count on the first call). */
export function useDashboard(options?: UseDashboardOptions): UseDashboardReturn {
  if (!shared) {
    const scope = effectScope(true)
    shared = scope.run(() => createDashboard(options))!
  }
  return shared
}

/** For tests: forget the shared instance. */
export function resetDashboard(): void {
  shared = null
}
