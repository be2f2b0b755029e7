/**
 * Paint before DuckDB (issue 19). DuckDB-WASM's start alone takes seconds, so a start-up that has answers saved for
 * its data paints the figures from them while the engine starts: the answers kept beside the saved database
 * (src/persist/answers.ts; a reload), or the sample's Overview answered at build time (`sample-db/answers.json`,
 * scripts/sample-db.ts; a first visit). The coordinator answers from them (`prime`, not live); a statement not
 * among them waits for the engine; once the data is really in DuckDB (`dataChanged`) the live answers take over.
 * "Ready" (data-state) still means the engine and the data are ready; `painted` is the separate mark.
 *
 * Kept for the next start: after the database is saved, and when the figures have answered (debounced), the
 * coordinator's answers are written for that saved database (persist.saveAnswers: nothing without one).
 */
import { ref, watch, type Ref, type ShallowRef } from 'vue'
import type { LoadSummary } from '../../db/load'
import { checksum } from '../../persist/snapshot'
import { isStartAnswers, type Persistence, type StartAnswers } from '../../persist'
import type { Filters } from '../../queries/types'
import type { UnitRow } from '../../queries/rows'
import { publishedParam } from '../../db/published-url'
import { fetchShippedParts } from './reopen'
import { afterFrame, type UseCoordinatorReturn } from '../useCoordinator'
import type { UseFiltersReturn } from '../useFilters'
import type { UseFindingsReturn } from '../useFindings'

/** After the figures' last answer, the answers are written this much later (not on every keystroke of a filter). */
const SAVE_DELAY_MS = 1000

/** What the figures show: nothing yet, answers saved for this data (DuckDB not ready), or the live data. */
export type Painted = 'none' | 'saved' | 'live'

interface PaintDeps {
  persist: Persistence
  coordinator: UseCoordinatorReturn
  filters: UseFiltersReturn
  /** A first visit may show the sample (no ?nosample, no test's own sample). */
  sampleAllowed: boolean
  /** The live data is already there: paint nothing over it. */
  overtaken(): boolean
  /** Take the saved summary (the view shows once a summary says there are reports). */
  show(a: StartAnswers, sample: boolean): void
}

/** The shipped sample's answers, when they belong to the shipped database (its manifest's checksum). */
async function shippedAnswers(): Promise<StartAnswers | null> {
  try {
    const base = new URL('sample-db/', document.baseURI)
    const [m, a] = await Promise.all(['manifest.json', 'answers.json'].map((n) => fetch(new URL(n, base))))
    if (!m.ok || !a.ok) return null
    const [bytes, answers] = await Promise.all([m.arrayBuffer().then((b) => new Uint8Array(b)), a.json() as Promise<unknown>])
    return isStartAnswers(answers) && (answers as { manifest?: unknown }).manifest === checksum(bytes) ? answers : null
  } catch { return null }
}

const noFilters = (f: Filters): boolean => Object.values(f).every((v) => v == null)

/** Answer from saved answers if there are any for the data this start-up will open; true when primed. */
async function paintSaved(d: PaintDeps): Promise<boolean> {
  if (typeof location !== 'undefined' && publishedParam(location.href) != null) return false // ?db=: its own data
  const { saved, answers } = await d.persist.savedAnswers()
  const sample = !saved && d.sampleAllowed
  // its data too, while DuckDB starts (a failure shows when the sample is opened: its CSV files are loaded then)
  if (sample) fetchShippedParts().catch(() => {})
  const a = answers ?? (sample ? await shippedAnswers() : null)
  if (!a || d.overtaken()) return false
  d.filters.setKnown(a.years, a.units as UnitRow[])
  // The last visit's filters, as the replay will restore them (a link's own filters win): the same statements.
  const last = saved ? d.persist.loadFilters() : {}
  if (noFilters(d.filters.filters.value) && Object.keys(last).length) d.filters.setFilters(last)
  d.show(a, sample)
  d.coordinator.prime(a.entries)
  return true
}

/**
 * The routed view is on screen, its figures answered from the saved answers, and a frame drawn. A view is loaded
 * when first rendered (src/router.ts), and the hierarchy nav asks before it: its root (data-testid="view-…") is
 * waited for first. Checked every 16 ms, not per frame: a hidden tab has no frames.
 */
async function drawnFromSaved(c: UseCoordinatorReturn): Promise<void> {
  const shown = (): boolean => typeof document === 'undefined' || document.querySelector('[data-testid^="view-"]') != null
  while (!c.live.value && !shown()) await new Promise((r) => setTimeout(r, 16))
  await c.painted()
  await new Promise<void>((r) => afterFrame(r))
}

export interface PainterDeps {
  persist: Persistence
  coordinator: UseCoordinatorReturn
  filters: UseFiltersReturn
  summary: ShallowRef<LoadSummary | null>
  isSample: Ref<boolean>
  /** The findings count shown beside the summary: the saved one while painted from saved answers. */
  findings: Pick<UseFindingsReturn, 'showSavedTotal' | 'reset'>
  /** A load or clear runs. */
  busy(): boolean
  /** A bundle or the database is being saved. */
  saving(): boolean
  sampleAllowed(): boolean
  /** The data is a published database (?db= or a file from disk), not the tab's own: its answers are not kept. */
  published(): boolean
}

export interface Painter {
  painted: Readonly<Ref<Painted>>
  /** Start-up: answer from saved answers while DuckDB starts (resolves once primed, or not; `painted` follows). */
  early(): Promise<void>
  /** Drop figures painted from saved answers that no live data replaced. */
  undo(): void
  /** The live data's figures are drawn (`hasData`: some data is loaded). */
  drawn(hasData: boolean): void
  /** Write the live answers for the database just saved (nothing without one). */
  save(): Promise<void>
}

export function createPainter(d: PainterDeps): Painter {
  const painted = ref<Painted>('none')
  const { coordinator, persist, filters } = d

  function save(): Promise<void> {
    const s = d.summary.value
    if (!s || d.busy() || !coordinator.live.value || d.published()) return Promise.resolve()
    return persist.saveAnswers({ summary: { ...s }, years: filters.years.value, units: filters.units.value, entries: coordinator.answered() })
  }

  // After the figures answered a change of filters or view (debounced): keep the answers for the next start.
  let timer: ReturnType<typeof setTimeout> | null = null
  let last = ''
  watch(coordinator.inFlight, (n) => {
    if (timer) clearTimeout(timer)
    timer = null
    if (n > 0 || !coordinator.live.value || !coordinator.hasData.value) return
    timer = setTimeout(() => {
      timer = null
      const keys = `${coordinator.version.value}\n${coordinator.answered().map(([k]) => k).join('\n')}`
      if (coordinator.inFlight.value > 0 || d.saving() || keys === last) return
      last = keys
      void save()
    }, SAVE_DELAY_MS)
  })

  return {
    painted,
    early: () => paintSaved({
      persist, coordinator, filters,
      sampleAllowed: d.sampleAllowed(),
      overtaken: () => painted.value === 'live',
      show: (a, sample) => {
        const s = a.summary as unknown as LoadSummary
        d.summary.value = s
        d.isSample.value = sample
        // the saved data's count, not 0: the painted page must not say "no problems" before the engine is up
        d.findings.showSavedTotal(typeof s.findings === 'number' ? s.findings : 0)
      },
    }).then((ok) => {
      // not awaited: the start-up goes on (a view that asks nothing would never be painted from saved answers)
      if (ok) void drawnFromSaved(coordinator).then(() => { if (!coordinator.live.value) painted.value = 'saved' })
    }, (e: unknown) => { console.warn('paint', e) }),
    undo() {
      if (coordinator.live.value) return
      d.summary.value = null
      d.isSample.value = false
      d.findings.reset()
      painted.value = 'none'
      coordinator.dataChanged(false)
    },
    drawn: (has) => { painted.value = has ? 'live' : 'none' },
    save,
  }
}
