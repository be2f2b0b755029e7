/**
 * Expected values recomputed from the CSV files themselves (never hard-coded), so a test states
 * "the app shows what the files say". Headers may be keys or the official Chinese labels.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../../scripts/lib/csv.mjs'
import { REPORT_COLUMNS } from '../../scripts/lib/format.mjs'

const REPORT_KEY: Record<string, string> = Object.fromEntries(REPORT_COLUMNS.flatMap(([k, zh]) => [[k, k], [zh, k]]))

interface ReportFact { unitCode: string; unitName: string; year: number; activeTotal: number | null }

export interface BundleFacts {
  reports: ReportFact[]
  /** Distinct (unit, year) reports. */
  reportCount: number
  unitCount: number
  yearCount: number
  years: number[]
  /** `${unitName}|${year}` → active_total (null when blank/not a number). */
  activeByNameYear: Map<string, number | null>
}

/** Facts of reports.csv text (or several, concatenated in load order; first (unit, year) wins). */
export function bundleFacts(reportsCsvTexts: string[]): BundleFacts {
  const reports: ReportFact[] = []
  const seen = new Set<string>()
  for (const text of reportsCsvTexts) {
    const [header, ...rows] = parseCsv(text)
    const idx = (k: string) => header.findIndex((h) => REPORT_KEY[h.trim()] === k)
    const [iCode, iName, iYear, iActive] = ['unit_code', 'unit_name', 'year', 'active_total'].map(idx)
    for (const r of rows) {
      if (r.length === 1 && r[0] === '') continue
      const key = `${r[iCode]}|${r[iYear]}`
      if (seen.has(key)) continue
      seen.add(key)
      const raw = (r[iActive] ?? '').trim()
      reports.push({ unitCode: r[iCode], unitName: r[iName], year: Number(r[iYear]), activeTotal: /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : null })
    }
  }
  const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b)
  return {
    reports,
    reportCount: reports.length,
    unitCount: new Set(reports.map((r) => r.unitCode)).size,
    yearCount: years.length,
    years,
    activeByNameYear: new Map(reports.map((r) => [`${r.unitName}|${r.year}`, r.activeTotal])),
  }
}

/** Every *.csv under a folder, recursively, as name → bytes (names keep their sub-folder). */
function readCsvTree(dir: string, prefix = ''): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {}
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e)
    if (statSync(p).isDirectory()) Object.assign(out, readCsvTree(p, `${prefix}${e}/`))
    else if (e.endsWith('.csv')) out[`${prefix}${e}`] = new Uint8Array(readFileSync(p))
  }
  return out
}

// ---------------------------------------------------------------- reading chart options

type Option = Record<string, any>
const asArray = <T>(v: T | T[] | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v])
const num = (v: unknown): number | null => {
  const x = Array.isArray(v) ? v.at(-1) : v && typeof v === 'object' && 'value' in (v as object) ? (v as { value: unknown }).value : v
  return typeof x === 'number' && Number.isFinite(x) ? x : null
}

/**
 * Heatmap option → `${unitLabel}|${year}` → value. The unit axis is the category axis holding
 * unit names, the other holds the years; data items are [x, y, value].
 */
export function heatmapValues(option: Option): Map<string, number | null> {
  const x = asArray(option.xAxis)[0]?.data as unknown[]
  const y = asArray(option.yAxis)[0]?.data as unknown[]
  const label = (v: unknown) => String(v && typeof v === 'object' && 'value' in (v as object) ? (v as { value: unknown }).value : v)
  const xs = x.map(label)
  const ys = y.map(label)
  const yearsOnX = xs.every((s) => /^\d{4}$/.test(s))
  const series = asArray(option.series).find((s: Option) => s.type === 'heatmap') as Option
  const out = new Map<string, number | null>()
  for (const d of asArray(series.data) as unknown[]) {
    const arr = (Array.isArray(d) ? d : (d as { value: unknown[] }).value) as unknown[]
    const [a, b, v] = arr
    const unit = yearsOnX ? ys[Number(b)] : xs[Number(a)]
    const year = yearsOnX ? xs[Number(a)] : ys[Number(b)]
    out.set(`${unit}|${year}`, typeof v === 'number' ? v : null)
  }
  return out
}

/**
 * Bars option → `${unitLabel}|${year}` → value: one category axis of units, one series per year
 * (the year read from the series id `year-YYYY` or from its name).
 */
export function barValues(option: Option): Map<string, number | null> {
  const cat = [...asArray(option.xAxis), ...asArray(option.yAxis)].find((a: Option) => a.type === 'category') as Option
  const units = (cat.data as unknown[]).map(String)
  const out = new Map<string, number | null>()
  for (const s of asArray(option.series) as Option[]) {
    const year = /(\d{4})/.exec(String(s.id ?? s.name ?? ''))?.[1]
    if (!year) continue
    asArray(s.data).forEach((d, i) => out.set(`${units[i]}|${year}`, num(d)))
  }
  return out
}
