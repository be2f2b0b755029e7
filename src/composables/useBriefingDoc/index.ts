/**
 * useBriefingDoc — the drafted 情况通报 for the shared filters: figures fetched with the charts' queries whenever the
 * filters, the data or the language change; paragraphs drafted from them; the supervisor's edits and the last
 * confirmed numbers kept per scope (src/documents/state.ts). Edited paragraphs are never regenerated.
 */
import { computed, onScopeDispose, ref, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { buildDraft } from '../../documents/draft'
import { asRunQuery, collectFigures, type DraftFigures } from '../../documents/figures'
import { DOC_KEY, changedSince, emptyState, paragraphNumbers, parseState, scopeKey, valuesOf, type DocState, type ScopeState } from '../../documents/state'
import { numbersOf, plainText, type DraftParagraph } from '../../documents/text'
import { onWipe } from '../../persist/wipe'
import { unitNameQuery } from '../../queries/documents'
import { useDashboard } from '../useDashboard'

export interface DocParagraphView extends DraftParagraph {
  /** The supervisor's text, when edited. */
  edited: string | null
  /** For an edited paragraph: its numbers that changed since the edit (key → value at the edit). */
  stale: Map<string, number | null>
}

export interface UseBriefingDocReturn {
  figures: ShallowRef<DraftFigures | null>
  loading: Ref<boolean>
  error: Ref<string | null>
  paragraphs: ComputedRef<DocParagraphView[]>
  /** Numbers that changed since the last confirmation (key → the value then). */
  changed: ComputedRef<Map<string, number | null>>
  state: Ref<DocState>
  scope: Ref<string>
  setEdit(id: string, text: string): void
  revert(id: string): void
  accept(): void
  save(): void
  /** The text of a paragraph as it goes into the document (the edit, else the draft). */
  textOf(p: DocParagraphView): string
}

function readStored(): DocState {
  try { return parseState(globalThis.localStorage?.getItem(DOC_KEY) ?? null) } catch { return emptyState() }
}

export function useBriefingDoc(): UseBriefingDocReturn {
  const dash = useDashboard()
  const { t, locale } = useI18n()
  const figures = shallowRef<DraftFigures | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const state = ref<DocState>(readStored())
  const scope = ref('')
  const scopeName = ref('')
  const stop = onWipe(() => { state.value = emptyState() })
  let generation = 0

  function save(): void {
    try { globalThis.localStorage?.setItem(DOC_KEY, JSON.stringify(state.value)) } catch (e) { console.warn('briefing doc not saved', e) }
  }
  const key = computed(() => scopeKey(dash.filters.value, locale.value))
  const scoped = (): ScopeState => (state.value.scopes[key.value] ??= { baseline: {}, edits: {} })

  const draft = computed<DraftParagraph[]>(() => figures.value
    ? buildDraft(figures.value, { tr: (k, p) => (p ? t(k, p) : t(k)), locale: locale.value, scope: scopeName.value || undefined })
    : [])

  async function refresh(): Promise<void> {
    const my = ++generation
    if (dash.summary.value == null) { figures.value = null; return }
    loading.value = true
    try {
      const f = dash.filters.value
      const code = f.drill ?? (f.unitCodes?.length === 1 ? f.unitCodes[0] : null)
      const [fig, name] = await Promise.all([
        collectFigures(asRunQuery((q) => dash.runBuilt(q)), f),
        code ? dash.runBuilt(unitNameQuery(code)) : Promise.resolve([]),
      ])
      if (my !== generation) return
      scopeName.value = name[0]?.unitName ?? ''
      figures.value = fig
      scope.value = key.value
      error.value = null
      // the first draft of a scope is its baseline: later data changes are marked against it
      const sc = scoped()
      if (Object.keys(sc.baseline).length === 0) { sc.baseline = valuesOf(numbersOf(draft.value)); save() }
    } catch (e) {
      if (my === generation) error.value = e instanceof Error ? e.message : String(e)
    } finally {
      if (my === generation) loading.value = false
    }
  }
  watch([dash.filters, dash.dataVersion, locale], () => void refresh(), { immediate: true })

  const paragraphs = computed<DocParagraphView[]>(() => {
    const sc = state.value.scopes[key.value]
    return draft.value.map((p) => {
      const e = sc?.edits[p.id]
      return { ...p, edited: e ? e.text : null, stale: e ? changedSince(paragraphNumbers(p), e.values) : new Map() }
    })
  })
  const changed = computed(() => changedSince(numbersOf(draft.value), state.value.scopes[key.value]?.baseline))

  function setEdit(id: string, text: string): void {
    const p = draft.value.find((x) => x.id === id)
    if (!p) return
    const sc = scoped()
    if (text === plainText(p.segments) && !sc.edits[id]) return
    sc.edits[id] = { text, values: valuesOf(paragraphNumbers(p)) }
    state.value = { ...state.value }
    save()
  }
  function revert(id: string): void {
    delete scoped().edits[id]
    state.value = { ...state.value }
    save()
  }
  function accept(): void {
    scoped().baseline = valuesOf(numbersOf(draft.value))
    state.value = { ...state.value }
    save()
  }
  const textOf = (p: DocParagraphView): string => p.edited ?? plainText(p.segments)

  onScopeDispose(stop)
  return { figures, loading, error, paragraphs, changed, state, scope, setEdit, revert, accept, save, textOf }
}
