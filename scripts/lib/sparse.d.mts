import type { Bundle } from './generate.mjs'
export interface SparseOptions {
  units?: number
  years?: [number, number]
  seed?: string | number
  breaks?: boolean
  labels?: 'key' | 'zh'
  eol?: string
}
export interface PartialKey { unit_code: string; year: number }
export interface SparsePartial {
  noApplications: PartialKey[]
  absentRows: (PartialKey & { group: string; rows: string[] })[]
  blankTotals: (PartialKey & { group: string; row: string })[]
  blankActiveTotal: PartialKey[]
  noReviews: PartialKey[]
}
export function generateSparseBundle(o?: SparseOptions): Bundle & { manifest: Bundle['manifest'] & { profile: 'sparse'; partial: SparsePartial } }
