/**
 * useReportImport — published annual reports (pasted text, .txt/.html/.htm/.docx files) read into
 * table cells, reviewed and corrected by the supervisor, then accepted: loaded into the dashboard
 * like any bundle and kept as a CSV bundle zip.
 *
 * Shared (one instance per app), like useDashboard: the imported reports survive a trip to the
 * charts and back.
 */
import { computed, effectScope, ref, shallowRef } from 'vue'
import { useDashboard } from '../useDashboard'
import { reviewList } from '../../ingest/report/review'
import { collectFiles } from '../../ingest/browser-files'
import type { SourceFile } from '../../ingest/types'
import { safeBaseName } from '../../export/names'
import { DEFAULT_FOLDER, REVIEW_FILE, buildBundleZip, buildSourceFiles, initialMeta, reviewState, toAccepted, zipName } from './helpers'
import { readPasted, readReportBytes, readReportFiles, type ReadReport } from './read'
import type { AddResult, ImportedReport, ReportMeta, ReviewState, SkippedFile, UseReportImportOptions, UseReportImportReturn } from './types'

export type * from './types'
export * from './helpers'
export { readReportBytes } from './read'

function defaultLoad(): (files: SourceFile[]) => Promise<boolean> {
  return async (files) => {
    const dash = useDashboard()
    await dash.loadSources(files)
    // loadSources reports failures through the dashboard's error state, not by throwing.
    return dash.error.value === null
  }
}

function createReportImport(options: UseReportImportOptions = {}): UseReportImportReturn {
  const load = options.load ?? defaultLoad()
  const folder = options.folder ?? DEFAULT_FOLDER
  const reports = shallowRef<readonly ImportedReport[]>([])
  const selectedId = ref<string | null>(null)
  const busy = ref(false)
  const error = shallowRef<{ key: string; params?: Record<string, unknown> } | null>(null)
  const skipped = shallowRef<readonly SkippedFile[]>([])
  const progress = shallowRef<{ done: number; total: number } | null>(null)
  let seq = 0
  let pasted = 0
  // Review states by report object (reports are replaced, never mutated: identity is the cache key).
  const states = new WeakMap<ImportedReport, ReviewState>()

  function stateOf(r: ImportedReport): ReviewState {
    let s = states.get(r)
    if (!s) { s = reviewState(r); states.set(r, s) }
    return s
  }

  const selected = computed(() => reports.value.find((r) => r.id === selectedId.value) ?? null)
  const review = computed(() => (selected.value ? stateOf(selected.value) : null))
  const accepted = computed(() => reports.value.filter((r) => r.status === 'accepted').map(toAccepted))

  function add(read: ReadReport, name: string): ImportedReport {
    const r: ImportedReport = {
      id: `r${++seq}`, name, sourceKind: read.sourceKind, source: read.source, parsed: read.parsed,
      edits: {}, confirmed: [], meta: initialMeta(read.parsed), status: 'review',
    }
    reports.value = [...reports.value, r]
    selectedId.value = r.id
    return r
  }

  function update(id: string, f: (r: ImportedReport) => ImportedReport): void {
    reports.value = reports.value.map((r) => (r.id === id && r.status !== 'accepted' ? f(r) : r))
  }

  function addText(text: string, name?: string): ImportedReport {
    const label = name ?? `粘贴文本 ${++pasted}`
    return add(readPasted(text, name), label)
  }

  async function addBytes(name: string, bytes: Uint8Array): Promise<ImportedReport | null> {
    const read = await readReportBytes(name, bytes)
    return 'reason' in read ? null : add(read, name)
  }

  async function addFiles(input: readonly File[] | DataTransfer): Promise<AddResult> {
    const out: AddResult = { added: [], skipped: [] }
    busy.value = true
    progress.value = { done: 0, total: 'length' in input ? input.length : 0 }
    try {
      // Folders (dropped or picked) are walked, oversized files refused before they are read.
      const got = await collectFiles(input as File[] | DataTransfer)
      for (const s of got.skipped) out.skipped.push({ name: s.path, reason: s.reason })
      for (const item of await readReportFiles(got.files, (done, total) => { progress.value = { done, total } })) {
        if ('reason' in item.result) out.skipped.push({ name: item.path, reason: item.result.reason })
        else out.added.push(add(item.result, item.path))
      }
    } catch (e) {
      out.skipped.push({ name: '', reason: e instanceof Error ? e.message : String(e) })
    } finally {
      busy.value = false
      progress.value = null
    }
    skipped.value = [...skipped.value, ...out.skipped]
    // Select the first new report (not the last), the natural reading order.
    if (out.added.length) selectedId.value = out.added[0].id
    return out
  }

  function editCell(id: string, key: string, raw: string): void {
    update(id, (r) => ({ ...r, edits: { ...r.edits, [key]: raw } }))
  }

  function confirmFlagged(id: string): void {
    update(id, (r) => ({ ...r, confirmed: [...new Set([...r.confirmed, ...stateOf(r).flagged])] }))
  }

  function setMeta(id: string, patch: Partial<ReportMeta>): void {
    update(id, (r) => ({ ...r, meta: { ...r.meta, ...patch } }))
  }

  function remove(id: string): void {
    const i = reports.value.findIndex((r) => r.id === id)
    if (i < 0) return
    const next = reports.value.filter((r) => r.id !== id)
    reports.value = next
    if (selectedId.value === id) selectedId.value = next[Math.min(i, next.length - 1)]?.id ?? null
  }

  /** Load reports into the dashboard in one load; true when they are accepted. */
  async function load_(list: readonly ImportedReport[]): Promise<boolean> {
    busy.value = true
    error.value = null
    try {
      // One folder per accepted report: its rows keep their origin in the dashboard's findings.
      const files = list.flatMap((r) => {
        const a = toAccepted(r)
        return buildSourceFiles([a], `${folder}/${safeBaseName(`${a.unitName}${a.year ?? ''}-${a.unitCode}`, 60, 'report')}`)
      })
      const ok = await load(files)
      if (!ok) { error.value = { key: 'importer.errors.load' }; return false }
      const ids = new Set(list.map((r) => r.id))
      reports.value = reports.value.map((x) => (ids.has(x.id) ? { ...x, status: 'accepted' } : x))
      return true
    } catch (e) {
      error.value = { key: 'importer.errors.loadMsg', params: { msg: e instanceof Error ? e.message : String(e) } }
      return false
    } finally {
      busy.value = false
    }
  }

  async function accept(id: string): Promise<boolean> {
    const r = reports.value.find((x) => x.id === id)
    if (!r || r.status === 'accepted' || !stateOf(r).readiness.ready) return false
    return load_([r])
  }

  async function acceptAll(): Promise<number> {
    const ready = reports.value.filter((r) => r.status !== 'accepted' && stateOf(r).readiness.ready)
    if (!ready.length) return 0
    return (await load_(ready)) ? ready.length : 0
  }

  /** The review list of every file of this session (read, skipped), as the CLI writes it. */
  function exportReview(): { name: string; text: string } | null {
    if (!reports.value.length && !skipped.value.length) return null
    return { name: REVIEW_FILE, text: reviewMarkdown() }
  }
  function reviewMarkdown(): string {
    return reviewList([
      ...reports.value.map((r) => ({ path: r.name, parsed: stateOf(r).report, written: r.status === 'accepted' })),
      ...skipped.value.map((s) => ({ path: s.name, reason: s.reason })),
    ]).markdown
  }

  function exportZip(): { name: string; bytes: Uint8Array } | null {
    const list = accepted.value
    return list.length ? { name: zipName(), bytes: buildBundleZip(list) } : null
  }

  return {
    reports, selectedId, selected, review, busy, error, accepted, skipped, progress,
    addText, addFiles, addBytes, select: (id) => { selectedId.value = id }, editCell, confirmFlagged, setMeta, remove, accept, acceptAll, exportZip, exportReview, stateOf,
  }
}

let shared: UseReportImportReturn | null = null

/** The one importer of the app (options only count on the first call). */
export function useReportImport(options?: UseReportImportOptions): UseReportImportReturn {
  if (!shared) {
    const scope = effectScope(true)
    shared = scope.run(() => createReportImport(options))!
  }
  return shared
}

/** For tests: forget the shared instance. */
export function resetReportImport(): void {
  shared = null
}
