// Types for generate.mjs (scripts are plain Node ESM; tests import them from TypeScript).
export interface GenUnit {
  code: string
  name: string
  parentCode: string
  parentName?: string
  level: string
  kind?: 'township' | 'subdistrict' | 'department'
}
export interface BreakCell { row: string | null; column: string; before: string; after: string; line: number; header: string }
export interface BreakEntry {
  rule: string
  severity: 'error' | 'warning' | 'info'
  unit_code: string
  unit_name: string
  year: number
  table: 'reports' | 'active' | 'applications' | 'reviews'
  file: string
  cells: BreakCell[]
  line?: number
  note?: string
}
export interface Manifest {
  seed: string
  labels: 'key' | 'zh'
  years: number[]
  counts: { reports: number; units: number; hierarchy_units: number; rows: Record<string, number> }
  breaks: BreakEntry[]
}
export interface Bundle { files: Record<string, string>; manifest: Manifest }
export interface GenerateOptions {
  reports?: number
  years?: [number, number]
  seed?: string | number
  breaks?: boolean
  labels?: 'key' | 'zh'
  eol?: string
  /** The province's code (default: a random one-digit code with a leading zero). */
  provCode?: string
}
export function generateBundle(o?: GenerateOptions): Bundle
export function buildBundle(o: {
  hierarchy: GenUnit[]
  reporting: GenUnit[]
  years: number[]
  reports?: number
  seed: string | number
  breaks?: boolean
  labels?: 'key' | 'zh'
  eol?: string
  source?: string
}): Bundle
export function makeHierarchy(rng: unknown, leaves: number, provCode?: string): { all: GenUnit[]; reporting: GenUnit[] }
