/**
 * useDataLoad — what is loaded and how it got there: start-up (the data already in the engine, else the saved
 * bundles replayed from the browser's storage, else the sample on a first visit), the bundles the user picks or
 * drops (replace or add, cancellable), clearing, the load's progress, notices and errors, and retry.
 * After every load or clear the filters' lists, the findings and the coordinator hear of it; "ready" is said once
 * the figures on screen have their answers.
 */
import { computed, ref, shallowRef } from 'vue'
import type { Db } from '../../db/types'
import { clearAll, summarise, type LoadSummary } from '../../db/load'
import { runQuery } from '../../db/run'
import { isCancelled } from '../../ingest'
import { collectFiles } from '../../ingest/browser-files'
import { unitsQuery, yearsQuery, type UnitRow } from '../../queries'
import { usePersistence } from '../../persist'
import { fetchSampleFiles, sampleSkipped } from '../useDashboard/sample'
import type { DashboardError, DashboardState, LoadMode, LoadProgress, PickedFiles, RejectedFile } from '../useDashboard/types'
import { sharedState } from '../sharedState'
import { useEngine } from '../useEngine'
import { useCoordinator } from '../useCoordinator'
import { useFilters } from '../useFilters'
import { useFindings } from '../useFindings'
import { replaySaved } from './replay'
import { loadedSummary, openShippedSample as openShipped, reopenSaved, type LoadSideState } from './reopen'
import { createPainter } from './paint'
import { createSources } from './sources'
import { keyedError, localFileNotice } from './local'
import { createLayer } from './layer'
import { createWarmUp } from './warm'
import type { CancelOutcome, UseDataLoadOptions, UseDataLoadReturn } from './types'

export type * from './types'

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

function createDataLoad(options: UseDataLoadOptions = {}): UseDataLoadReturn {
  const engine = useEngine({ startDb: options.startDb })
  const coordinator = useCoordinator()
  const filters = useFilters()
  const findings = useFindings()
  // Loaded bundles' source files in IndexedDB (src/persist): replayed on start-up instead of the sample.
  const persist = usePersistence()
  const sampleFiles = options.sampleFiles ?? (() => fetchSampleFiles((done, total, path) => {
    progress.value = { stage: 'fetching', done, total, detail: path }
  }))

  let restoring = false
  let started: Promise<void> | null = null
  /** The action to repeat when the user presses retry. */
  let lastAction: (() => Promise<void>) | null = null

  const busy = ref(0)
  const error = shallowRef<DashboardError | null>(null)
  const progress = shallowRef<LoadProgress | null>(null)
  /** The running load's canceller (null when no load runs). */
  const loadAbort = shallowRef<AbortController | null>(null)
  const cancelled = ref<CancelOutcome>(false)
  /** Loaded bundles still being written to IndexedDB. */
  const saving = ref(0)
  const summary = shallowRef<LoadSummary | null>(null)
  const skipped = shallowRef<{ path: string; reason: string }[]>([])
  const rejected = shallowRef<RejectedFile[]>([])
  const isSample = ref(false)
  const local = localFileNotice()
  // Not started yet counts as loading: the first paint already says "loading".
  const everStarted = ref(false)
  const charted = ref(false)

  const state = computed<DashboardState>(() =>
    error.value ? 'error' : busy.value > 0 || !everStarted.value ? 'loading' : 'ready')

  // An injected engine (unit tests) is not warmed up.
  const warm = createWarmUp(!options.startDb)

  async function run<T>(action: () => Promise<T>, retry: () => Promise<void>, errKey: string): Promise<T | undefined> {
    warm.stop()
    busy.value++
    error.value = null
    try {
      return await action()
    } catch (e) {
      if (isCancelled(e)) { cancelled.value = 'cancelled'; return undefined } // not an error: the previous data stays
      console.error(e)
      lastAction = retry
      error.value = keyedError(e) ?? { key: errKey, params: { msg: message(e) } }
      return undefined
    } finally {
      busy.value--
      progress.value = null
    }
  }

  // A bundle over a published database copies it into the tab's tables (add) or leaves it (./layer.ts).
  const layer = createLayer(engine, () => local.forget())

  function getDb(): Promise<Db> {
    if (engine.status.value === 'off') progress.value = { stage: 'starting', done: 0, total: 1 }
    return engine.getDb()
  }

  /**
   * A change of the loaded data (load, clear). The kept answers are dropped when it ends, whatever the outcome:
   * queries may run meanwhile (filters stay usable during a load) and may have seen rows of an unfinished load.
   */
  async function changingData<T>(change: () => Promise<T>): Promise<T> {
    try { return await change() } finally { coordinator.clear() }
  }

  /** After any load or clear: lists for the filters, findings, then the figures on screen answer. */
  async function afterLoad(d: Db): Promise<void> {
    const [y, u] = await Promise.all([runQuery(d, yearsQuery()), runQuery(d, unitsQuery()), findings.reload(d, summary.value?.findings ?? 0)])
    findings.checking.value = false
    await redraw(d, [y, u])
    paint.drawn(summary.value != null)
  }

  /**
   * The figures on screen ask again and are drawn ("ready" means drawn), with the filters' lists `y`, `u` first.
   * `frames`: also wait for quiet drawn frames (figures mounted by the new data have asked, answered and drawn) —
   * what `charted` promises while the checks still run.
   */
  async function redraw(d: Db, lists?: [{ year: unknown }[], UnitRow[]], frames = false): Promise<void> {
    const [y, u] = lists ?? await Promise.all([runQuery(d, yearsQuery()), runQuery(d, unitsQuery())])
    filters.setKnown(y.map((r) => Number(r.year)).sort((a, b) => a - b), u)
    coordinator.dataChanged(summary.value != null)
    await coordinator.settled()
    if (frames) await coordinator.idle()
    charted.value = true
  }

  // Start-up paints from answers saved for the data while DuckDB starts; answers are kept for the next (./paint.ts).
  const paint = createPainter({
    persist, coordinator, filters, summary, isSample, findings,
    busy: () => busy.value > 0, saving: () => saving.value > 0, published: () => engine.published.value != null,
    sampleAllowed: () => !options.sampleFiles && (options.autoSample ?? !sampleSkipped()),
  })

  function start(): Promise<void> {
    if (started) return started
    everStarted.value = true
    const go = async (): Promise<void> => {
      // Held across both steps so that "ready" does not flash between start-up and the sample.
      busy.value++
      const early = paint.early()
      try {
        const ok = await run(async () => {
          const d = await getDb()
          const there = await loadedSummary(d)
          if (there) { summary.value = there; await afterLoad(d); return true }
          return false
        }, () => { started = null; return start() }, 'errors.start')
        // A published database (?db=) is the data: neither saved bundles nor the sample go over it.
        if (ok === false && engine.published.value) return
        if (ok === false && await restoreSaved()) return
        if (ok === false && (options.autoSample ?? !sampleSkipped()) && !(await openShippedSample())) { paint.undo(); await loadSample() }
      } finally {
        await early
        paint.undo() // nothing live came of the start-up (an error, nothing saved after all): what was painted goes
        busy.value--
      }
    }
    started = go()
    // Then, unless something else started meanwhile, the warm-up (./warm.ts) while the supervisor picks files.
    void started.then(() => {
      const d = engine.db.value
      if (d && busy.value === 0 && !error.value && !engine.published.value) warm.start(d)
    })
    return started
  }

  const { loadSources, save } = createSources({
    engine, persist, findings, progress, loadAbort, cancelled, saving, summary, skipped, rejected, isSample, charted,
    restoring: () => restoring, run, getDb, layer, changingData, redraw, afterLoad, saveAnswers: () => paint.save(),
  })

  /** Open a kept database (./reopen.ts: saved or shipped) and take its data as if just loaded; false if it could not. */
  async function reopen(open: (d: Db) => Promise<LoadSideState | null>, sample: boolean): Promise<boolean> {
    const d = await getDb()
    const side = await changingData(() => open(d))
    if (!side) return false
    summary.value = { ...(await summarise(d)), ms: 0 }
    findings.reset()
    findings.ingestFindings.value = side.ingestFindings
    ;({ skipped: skipped.value, rejected: rejected.value } = side)
    isSample.value = sample
    await afterLoad(d)
    return true
  }

  /** First visit: the sample as shipped pre-built; false → load its CSV files. */
  async function openShippedSample(): Promise<boolean> {
    if (options.sampleFiles) return false // a test's own sample
    progress.value = { stage: 'fetching', done: 0, total: 1 }
    const ok = await reopen(openShipped, true).finally(() => { progress.value = null })
    if (ok) void persist.afterLoad(null, { sample: true }) // as a loaded sample does: the other tabs are told
    return ok
  }

  async function loadSample(): Promise<void> {
    await run(async () => {
      progress.value = { stage: 'fetching', done: 0, total: 1 }
      await loadSources(await sampleFiles(), { sample: true })
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

  async function clear(): Promise<void> {
    await run(async () => {
      const d = await getDb()
      // a published file open is left: the tab is empty again (its views go, empty tables come)
      const base = layer.base(true, (p) => { progress.value = p }, new AbortController().signal)
      await changingData(() => d.session('write', async (w) => { await base?.(w); await clearAll(w) }))
      await layer.committed(d, true)
      await layer.release(d)
      freshData(null)
      await persist.clear() // never throws
      filters.setFilters({})
      await afterLoad(d)
    }, () => clear(), 'errors.load')
  }

  async function retry(): Promise<void> {
    const a = lastAction
    error.value = null
    lastAction = null
    if (a) await a()
    else if (!engine.db.value) { started = null; await start() }
  }

  /** What a clear or an opened database leaves: `s`'s data and nothing of the loads before. */
  function freshData(s: LoadSummary | null): void {
    findings.reset()
    skipped.value = []
    rejected.value = []
    summary.value = s
    isSample.value = false
  }

  /** A database file from disk becomes the data (useEngine.openFile); a refused one leaves the data as it was. */
  async function openFile(file: File): Promise<void> {
    await run(async () => {
      progress.value = { stage: 'starting', done: 0, total: 1 }
      const d = await changingData(() => engine.openFile(file))
      local.opened(file.name)
      freshData(await loadedSummary(d))
      await afterLoad(d)
    }, () => openFile(file), 'errors.load')
  }

  /** Replay the saved bundles (./replay.ts); false when none are saved. Then say what of a published file is in them. */
  async function restoreSaved(): Promise<boolean> {
    let reopened = false
    const ok = await replaySaved({
      persist,
      filters,
      load: (files) => loadSources(files),
      failed: () => {
        const e = error.value
        if (!e) return null
        error.value = null
        lastAction = null
        return String(e.params?.msg ?? e.key)
      },
      restoring: (on) => { restoring = on; filters.persisting.value = !on },
      reopen: async () => (reopened = await reopen((d) => reopenSaved(d, persist), false)),
      keep: () => { save(Promise.resolve(), engine.db.value) },
    })
    const d = engine.db.value
    if (ok && d) await layer.restored(d, reopened).catch((e: unknown) => { console.warn('published layer', e) })
    return ok
  }

  return {
    state, error, progress, cancelled, summary, skipped, rejected, isSample, painted: paint.painted, charted, layer: layer.layer,
    saving: computed(() => saving.value > 0),
    cancellable: computed(() => loadAbort.value != null),
    cancelLoad: () => { loadAbort.value?.abort() },
    start, loadPicked, loadSources, loadSample, clear, retry, openFile, forgottenFile: local.forgotten, forgetFile: local.forget,
  }
}

/** The app's one data load (options only count on the first call). */
export const useDataLoad = sharedState(createDataLoad)
