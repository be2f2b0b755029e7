/**
 * useBriefingPack — the charts the user collected for a briefing, in order, with their captions.
 * Kept in localStorage (chart option snapshots as JSON, never images) so the pack survives a reload.
 * Shared: one pack per app. The live option (with its formatter functions) is kept for the session
 * and preferred when rendering. JSON drops functions, so when a chart is added its functions'
 * answers at the export size are recorded (src/export/functions.ts) and stored with the
 * snapshot; after a reload they are put back, and the export is the same as before the reload.
 */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { EChartsOption } from 'echarts'
import type { Caption } from '../../export/caption'
import { restoreFunctions, type StoredFunctions } from '../../export/functions'
import { recordExportFunctions } from '../../export/render'
import { exportFunctions } from '../../figures'
import { onWipe } from '../../persist/wipe'

export interface PackItem {
  id: string
  chartId: string
  /** JSON snapshot of the ECharts option (functions dropped). */
  option: EChartsOption
  /** The option's functions (formatters…) as recorded when added: put back after a reload. */
  functions?: StoredFunctions
  caption: Caption
  /** The filters in words when the chart was added. */
  filtersText: string
  /** Export size in CSS pixels. */
  width: number
  height: number
  addedAt: string
}

interface AddInput { chartId: string; option: EChartsOption; caption: Caption; filtersText: string; width: number; height: number; locale?: string }

/** Record the option's functions by drawing it once offscreen (none outside a browser, or on failure). */
function recordFunctionsOf(input: AddInput): StoredFunctions | undefined {
  if (typeof document === 'undefined') return undefined
  try {
    const f = recordExportFunctions(input.option, { caption: input.caption, locale: input.locale ?? 'zh-CN', width: Math.round(input.width), height: Math.round(input.height) }, exportFunctions)
    return Object.keys(f).length ? f : undefined
  } catch (e) {
    console.warn('briefing pack: formatters not recorded', e)
    return undefined
  }
}

export interface UseBriefingPackReturn {
  items: ShallowRef<PackItem[]>
  deckTitle: Ref<string>
  /** Last storage problem ('too-big:<MB>' or the browser's message), null when saved. */
  storageError: Ref<string | null>
  add(input: AddInput): PackItem
  remove(id: string): void
  move(id: string, delta: -1 | 1): void
  updateCaption(id: string, caption: Partial<Caption>): void
  clear(): void
  /** The option to draw: the live one of this session when there is one, else the snapshot with its functions put back. */
  optionOf(item: PackItem): EChartsOption
  /** Write the pack (e.g. after the deck title changed). */
  save(): void
}

const STORAGE_KEY = 'gdd.briefingPack.v1'
/** localStorage holds ~5 MB per origin (UTF-16 in some browsers): stay well below. */
const MAX_BYTES = 2_000_000

interface Stored { v: 1; deckTitle: string; items: PackItem[] }

function snapshot<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

function isItem(x: unknown): x is PackItem {
  const o = x as PackItem
  return !!o && typeof o.id === 'string' && typeof o.chartId === 'string' && typeof o.option === 'object' && !!o.caption && typeof o.caption.title === 'string'
}

function load(): Stored {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (!raw) return { v: 1, deckTitle: '', items: [] }
    const s = JSON.parse(raw) as Partial<Stored>
    return { v: 1, deckTitle: typeof s.deckTitle === 'string' ? s.deckTitle : '', items: Array.isArray(s.items) ? s.items.filter(isItem) : [] }
  } catch {
    return { v: 1, deckTitle: '', items: [] }
  }
}

function createPack(): UseBriefingPackReturn {
  const stored = load()
  const items = shallowRef<PackItem[]>(stored.items)
  const deckTitle = ref(stored.deckTitle)
  const storageError = ref<string | null>(null)
  const live = new Map<string, EChartsOption>()
  /** Snapshots with their functions put back (after a reload), built once per item. */
  const restored = new Map<string, EChartsOption>()

  function save(): void {
    const json = JSON.stringify({ v: 1, deckTitle: deckTitle.value, items: items.value } satisfies Stored)
    if (json.length > MAX_BYTES) {
      storageError.value = `too-big:${(json.length / 1e6).toFixed(1)}`
      return
    }
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, json)
      storageError.value = null
    } catch (e) {
      storageError.value = e instanceof Error ? e.message : String(e)
    }
  }

  function add(input: AddInput): PackItem {
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
    const item: PackItem = {
      id, chartId: input.chartId, option: snapshot(input.option), functions: recordFunctionsOf(input), caption: snapshot(input.caption),
      filtersText: input.filtersText, width: Math.round(input.width), height: Math.round(input.height),
      addedAt: new Date().toISOString(),
    }
    live.set(id, input.option)
    items.value = [...items.value, item]
    save()
    return item
  }

  function remove(id: string): void {
    live.delete(id)
    restored.delete(id)
    items.value = items.value.filter((i) => i.id !== id)
    save()
  }

  function move(id: string, delta: -1 | 1): void {
    const list = [...items.value]
    const i = list.findIndex((x) => x.id === id)
    const j = i + delta
    if (i < 0 || j < 0 || j >= list.length) return
    ;[list[i], list[j]] = [list[j], list[i]]
    items.value = list
    save()
  }

  function updateCaption(id: string, caption: Partial<Caption>): void {
    items.value = items.value.map((x) => (x.id === id ? { ...x, caption: { ...x.caption, ...caption } } : x))
    save()
  }

  function clear(): void {
    live.clear()
    restored.clear()
    items.value = []
    save()
  }

  function optionOf(item: PackItem): EChartsOption {
    const l = live.get(item.id)
    if (l) return l
    let r = restored.get(item.id)
    if (!r) {
      r = restoreFunctions(item.option, item.functions, exportFunctions)
      restored.set(item.id, r)
    }
    return r
  }

  // 清空数据 (src/persist/wipe.ts): the pack is the app's data too — dropped from memory, not saved again.
  onWipe(() => { live.clear(); restored.clear(); items.value = []; deckTitle.value = ''; storageError.value = null })

  return { items, deckTitle, storageError, add, remove, move, updateCaption, clear, optionOf, save }
}

let shared: UseBriefingPackReturn | null = null

export function useBriefingPack(): UseBriefingPackReturn {
  if (!shared) shared = createPack()
  return shared
}
