/**
 * One bundle's load (useDataLoad's loadSources): ingest, the load's two phases — the figures are drawn once what they
 * read is committed, the findings follow (issue 19) —, then saving the bundle and the database in the background.
 */
import type { Ref, ShallowRef } from 'vue'
import type { Db } from '../../db/types'
import { loadTables, type LoadSummary } from '../../db/load'
import { ingestFiles } from '../../ingest'
import type { Finding } from '../../domain/rules'
import type { SourceFile } from '../../ingest/types'
import type { Persistence } from '../../persist'
import type { LayerOps } from './layer'
import type { LoadProgress, RejectedFile } from '../useDashboard/types'
import type { useEngine } from '../useEngine'
import type { useFindings } from '../useFindings'
import { keepDatabase, type LoadSideState } from './reopen'
import type { CancelOutcome, LoadOpts } from './types'

/** Ingest findings that mean "this file was not loaded": a notice beside the data, not a finding of the data. */
const REFUSED = new Set<string>(['unrecognised_file', 'missing_column'])
const refused = (f: Finding): boolean => REFUSED.has(f.rule)

/** What a load reads and writes of useDataLoad's state and steps. */
export interface SourcesCtx {
  engine: ReturnType<typeof useEngine>
  persist: Persistence
  findings: ReturnType<typeof useFindings>
  progress: ShallowRef<LoadProgress | null>
  loadAbort: ShallowRef<AbortController | null>
  cancelled: Ref<CancelOutcome>
  /** Loaded bundles still being written to IndexedDB. */
  saving: Ref<number>
  summary: ShallowRef<LoadSummary | null>
  skipped: ShallowRef<{ path: string; reason: string }[]>
  rejected: ShallowRef<RejectedFile[]>
  isSample: Ref<boolean>
  charted: Ref<boolean>
  /** Saved bundles are being replayed: not saved again. */
  restoring(): boolean
  run<T>(action: () => Promise<T>, retry: () => Promise<void>, errKey: string): Promise<T | undefined>
  getDb(): Promise<Db>
  /** A published file under the load: copied (add) or left (replace) in the load's transaction (./layer.ts). */
  layer: LayerOps
  changingData<T>(change: () => Promise<T>): Promise<T>
  redraw(d: Db, lists?: undefined, frames?: boolean): Promise<void>
  afterLoad(d: Db): Promise<void>
  /** The figures' answers kept for the next start (./paint.ts). */
  saveAnswers(): Promise<void>
}

export function createSources(ctx: SourcesCtx): { loadSources(files: SourceFile[], opts?: LoadOpts): Promise<void>; save(first: Promise<void>, d: Db | null): void } {
  const { engine, persist, findings, progress, loadAbort, cancelled, saving, summary, skipped, rejected, isSample, charted, run, getDb, layer, changingData, redraw, afterLoad } = ctx

  /** Ingest + load one bundle. The sample is replaced, never mixed with real reports. */
  async function loadSources(files: SourceFile[], opts: LoadOpts = {}): Promise<void> {
    // Copy now: loading detaches the buffers (they go to the DuckDB worker). Replays are not saved again.
    const keep = opts.sample || ctx.restoring() ? null : persist.snapshot(files)
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
      // Nothing loadable: the data loaded before stays as it was, and the notice says which files and why.
      if (res.tables.length === 0) return
      // The fictional sample is never mixed with real reports (nor loaded twice): it is replaced inside the load's
      // transaction, so a cancelled load still keeps it. A user's second bundle replaces what is loaded when asked.
      const replace = (opts.sample || isSample.value || opts.replace === true) && (summary.value?.files ?? 0) > 0
      // Over a published file: its data is copied first (add), or it is left (replace); either commits with the load.
      const base = layer.base(replace, (p) => { progress.value = p }, ctl.signal)
      progress.value = { stage: 'loading', done: 0, total: res.tables.length }
      charted.value = false
      // Once what the figures read is committed (phase 1, issue 19) they are drawn while the checks run: the load
      // can no longer be cancelled, and every count or list of findings says 校验中 until they are in.
      let drawing: Promise<void> | null = null
      let layering: Promise<void> = Promise.resolve()
      const committed = (s1: LoadSummary): void => {
        if (loadAbort.value === ctl) loadAbort.value = null
        // asked after the last check before COMMIT: the data is in all the same, and the notice says so
        if (ctl.signal.aborted) cancelled.value = 'late'
        // first: the file is let go (synchronously) before the figures ask, so none reads its stored answers
        layering = layer.committed(d, replace).catch((e: unknown) => { console.warn('published layer', e) })
        if (replace) { findings.reset(); skipped.value = [] }
        findings.checking.value = true
        skipped.value = [...skipped.value, ...skippedNow]
        findings.addIngest(res.findings.filter((f) => !refused(f)))
        summary.value = s1
        isSample.value = opts.sample === true
        progress.value = { stage: 'checking', done: 0, total: 1 }
        drawing = redraw(d, undefined, true).catch((e: unknown) => { console.warn('figures before the checks', e) })
      }
      // Counted as saving from here to the save's end: the new data shows (phase 1) well before it is saved, and
      // data-saving="false" in between would say a bundle is kept that is not (another tab, a reload would miss it).
      const saves = !ctx.restoring()
      if (saves) saving.value++
      // On the engine's write connection: queries run meanwhile (filters, views, the console) see the data
      // committed before and cannot break the load's transaction (src/db/engine.ts).
      try {
        const s = await changingData(() => d.session('write', (w) => loadTables(w, res.tables, {
          onProgress: (p) => { progress.value = p }, signal: ctl.signal, replace, onCommitted: committed, base: base ?? undefined })))
        if (loadAbort.value === ctl) loadAbort.value = null
        await Promise.all([drawing, layering])
        summary.value = s
        progress.value = { stage: 'charting', done: 0, total: 1 }
        await afterLoad(d)
        await layer.release(d)
        // Saved after the charts are drawn, off the critical path (copying a large bundle into IndexedDB takes
        // seconds), then the database itself so that a reload reopens it (the sample's is shipped).
        // (over a published file the saved bundles are replaced too: the tab's data is now the file's copy and these)
        if (saves) save(persist.afterLoad(keep, { sample: opts.sample === true, replace: replace || base != null }), opts.sample ? null : d)
      } finally {
        // committed, then failed: no findings of other data are left to pass for this data's (the error says it failed)
        if (findings.checking.value) { findings.reset(); charted.value = true }
        // cancelled or failed before the commit: the figures of the data loaded before are still the ones drawn
        if (drawing === null) charted.value = true
        if (saves) saving.value-- // save() above counts its own; a failed load saves nothing
      }
    }, () => loadSources(files, opts), opts.sample ? 'errors.sample' : 'errors.load')
    if (loadAbort.value === ctl) loadAbort.value = null
  }

  const sideState = (): LoadSideState => ({ ingestFindings: findings.ingestFindings.value, skipped: skipped.value, rejected: rejected.value })

  /** Save in the background, counted in `saving` (tests and the UI wait for it), then keep the database `d`. */
  function save(first: Promise<void>, d: Db | null): void {
    saving.value++
    // never a published database (read-only, not the tab's own data); neither step throws
    void first.then(() => (d && !engine.published.value ? keepDatabase(d, persist, sideState()) : undefined))
      .finally(() => { saving.value-- })
      // then the figures' answers, for the database just saved: the next start paints from them
      .then(() => ctx.saveAnswers())
  }

  return { loadSources, save }
}
