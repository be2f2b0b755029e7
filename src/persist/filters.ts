/**
 * The last filters, in localStorage: used when the URL carries none (the URL is the primary
 * place of filter state). Small and forgiving: bad or foreign values are dropped on read.
 */
import type { Filters } from '../queries/types'

export const FILTERS_KEY = 'gdd.filters'

/** Minimal Storage (localStorage, or a Map-backed fake in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export function defaultStorage(): KeyValueStorage | null {
  try { return globalThis.localStorage ?? null } catch { return null } // disabled storage throws
}

const isYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 1900 && v < 3000
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 200

/** Only the known keys with well-formed values. */
export function sanitiseFilters(x: unknown): Filters {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return {}
  const o = x as Record<string, unknown>
  const f: Filters = {}
  if (isYear(o.yearFrom)) f.yearFrom = o.yearFrom
  if (isYear(o.yearTo)) f.yearTo = o.yearTo
  if (Array.isArray(o.unitCodes)) {
    const codes = o.unitCodes.filter(isText).slice(0, 500)
    if (codes.length) f.unitCodes = codes
  }
  if (isText(o.level)) f.level = o.level
  if (isText(o.drill)) f.drill = o.drill
  return f
}

const isEmptyFilters = (f: Filters): boolean => Object.values(f).every((v) => v === undefined || (Array.isArray(v) && v.length === 0))

export function saveFilters(f: Filters, storage: KeyValueStorage | null = defaultStorage()): void {
  if (!storage) return
  try {
    const clean = sanitiseFilters(f)
    if (isEmptyFilters(clean)) storage.removeItem(FILTERS_KEY)
    else storage.setItem(FILTERS_KEY, JSON.stringify(clean))
  } catch { /* full or disabled: filters are optional */ }
}

export function loadFilters(storage: KeyValueStorage | null = defaultStorage()): Filters {
  if (!storage) return {}
  try {
    const raw = storage.getItem(FILTERS_KEY)
    return raw ? sanitiseFilters(JSON.parse(raw)) : {}
  } catch { return {} }
}
