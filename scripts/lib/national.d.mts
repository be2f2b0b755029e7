// Types for national.mjs (tests import it from TypeScript).
export const PROVINCE_CODES: string[]
export interface NationalOptions {
  out: string
  reports: number
  provinces: number
  years: [number, number]
  seed: string
  breaks: boolean
  labels: 'key' | 'zh'
  eol: string
  encoding: 'utf8' | 'utf8-bom' | 'gb18030'
  log?: (s: string) => void
}
export function writeNational(o: NationalOptions): { reports: number; provinces: { province: string; reports: number; units: number; breaks: number }[] }
