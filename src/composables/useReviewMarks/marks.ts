/**
 * Review marks (pure part): a supervisor's verdict on a finding, keyed by the finding's stable
 * identity — rule + unit + year + cells + file path + line — never by a database row id, so a mark
 * survives reloads and re-loading the same bundle.
 */

export type MarkStatus = 'confirmed' | 'to_correct' | 'explained'
export const MARK_STATUSES: readonly MarkStatus[] = ['confirmed', 'to_correct', 'explained']

export interface ReviewMark {
  status: MarkStatus
  note: string
  /** ISO time of the last change. */
  at: string
}

/** What identifies a finding across reloads. */
export interface FindingIdentity {
  rule: string
  unitCode: string | null
  year: number | null
  cells: string | null
  file: string | null
  line: number | null
}

export const STORAGE_KEY = 'gdd.reviewMarks.v1'

/** Stable key of a finding: JSON of its identity fields in a fixed order (no separator collisions). */
export function findingKey(f: FindingIdentity): string {
  return JSON.stringify([f.rule, f.unitCode ?? null, f.year ?? null, f.cells ?? null, f.file ?? null, f.line ?? null])
}

const isStatus = (s: unknown): s is MarkStatus => typeof s === 'string' && (MARK_STATUSES as readonly string[]).includes(s)

/** Parse stored marks; anything malformed is dropped (never throws). */
export function parseMarks(text: string | null | undefined): Record<string, ReviewMark> {
  if (!text) return {}
  let data: unknown
  try { data = JSON.parse(text) } catch { return {} }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {}
  const out: Record<string, ReviewMark> = {}
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue
    const m = v as Record<string, unknown>
    if (!isStatus(m.status)) continue
    out[k] = { status: m.status, note: typeof m.note === 'string' ? m.note.slice(0, 2000) : '', at: typeof m.at === 'string' ? m.at : '' }
  }
  return out
}

const serialiseMarks = (marks: Record<string, ReviewMark>): string => JSON.stringify(marks)

/** Marks with one set (status given) or cleared (status null). Returns a new object. */
export function withMark(marks: Record<string, ReviewMark>, key: string, status: MarkStatus | null, note = '', now = new Date()): Record<string, ReviewMark> {
  const next = { ...marks }
  if (status == null) delete next[key]
  else next[key] = { status, note, at: now.toISOString() }
  return next
}

/** Minimal storage interface (localStorage, or a Map in tests). */
export interface MarkStorage { getItem(k: string): string | null; setItem(k: string, v: string): void }

export function loadMarks(storage: MarkStorage | null | undefined): Record<string, ReviewMark> {
  try { return parseMarks(storage?.getItem(STORAGE_KEY)) } catch { return {} }
}

export function saveMarks(storage: MarkStorage | null | undefined, marks: Record<string, ReviewMark>): boolean {
  try { storage?.setItem(STORAGE_KEY, serialiseMarks(marks)); return !!storage } catch { return false }
}
