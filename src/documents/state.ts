/**
 * What the supervisor did to a draft, kept in localStorage under a `gdd.` key (so "清空数据" removes it with the
 * rest of the saved data, src/persist/wipe.ts): the title and 文号, and per scope (filters + language) the numbers
 * last confirmed (`baseline`) and the edited paragraphs with the numbers they were written against. A draft is
 * regenerated from the data every time; an edited paragraph never is — when its numbers change it is flagged.
 */
import type { Filters } from '../queries/types'
import type { DraftParagraph, NumSeg } from './text'

export const DOC_KEY = 'gdd.briefingDoc.v1'

export type Values = Record<string, number | null>
interface ParagraphEdit { text: string; values: Values }
export interface ScopeState { baseline: Values; edits: Record<string, ParagraphEdit> }
export interface DocState { v: 1; title: string; docNo: string; scopes: Record<string, ScopeState> }

export const emptyState = (): DocState => ({ v: 1, title: '', docNo: '', scopes: {} })

/** The scope a draft belongs to: the filters that change its numbers, and the language of its text. */
export function scopeKey(f: Filters, locale: string): string {
  const { yearFrom, yearTo, unitCodes, level, drill, panel } = f
  return JSON.stringify([locale, yearFrom ?? null, yearTo ?? null, [...(unitCodes ?? [])].sort(), level ?? null, drill ?? null, !!panel])
}

const isValues = (v: unknown): v is Values => !!v && typeof v === 'object' && !Array.isArray(v)
  && Object.values(v).every((x) => x === null || typeof x === 'number')

/** Only well-formed parts of what was stored (a damaged key loses its bad parts, not the rest). */
export function parseState(raw: string | null): DocState {
  const s = emptyState()
  if (!raw) return s
  try {
    const o = JSON.parse(raw) as Partial<DocState>
    if (typeof o.title === 'string') s.title = o.title.slice(0, 500)
    if (typeof o.docNo === 'string') s.docNo = o.docNo.slice(0, 200)
    for (const [k, sc] of Object.entries(o.scopes ?? {})) {
      if (!sc || !isValues(sc.baseline)) continue
      const edits: Record<string, ParagraphEdit> = {}
      for (const [id, e] of Object.entries(sc.edits ?? {})) if (e && typeof e.text === 'string' && isValues(e.values)) edits[id] = { text: e.text, values: e.values }
      s.scopes[k] = { baseline: sc.baseline, edits }
    }
  } catch { /* unreadable: start afresh */ }
  return s
}

export const valuesOf = (nums: readonly NumSeg[]): Values => Object.fromEntries(nums.map((n) => [n.key, n.value]))

const same = (a: number | null | undefined, b: number | null | undefined): boolean =>
  a == null || b == null ? a == null && b == null : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

/**
 * Numbers that differ from `before` (key → the value before; null when it had none). Keys new since then count as
 * changed (a unit newly among the leading ones); with no `before` at all nothing is changed.
 */
export function changedSince(nums: readonly NumSeg[], before: Values | undefined): Map<string, number | null> {
  const out = new Map<string, number | null>()
  if (!before || Object.keys(before).length === 0) return out
  for (const n of nums) {
    if (!(n.key in before)) out.set(n.key, null)
    else if (!same(n.value, before[n.key])) out.set(n.key, before[n.key])
  }
  return out
}

export function paragraphNumbers(p: DraftParagraph): NumSeg[] {
  return p.segments.filter((s): s is NumSeg => s.kind === 'num')
}
