/** Test helpers: PreparedTable objects built by hand from CSV text, and one Node DuckDB per test file. */
import { labelIndex, BUNDLE_TABLES, normaliseLabel, type TableKind } from '../../src/domain'
import type { PreparedTable } from '../../src/ingest/types'

export interface CsvOpts { delimiter?: ',' | '\t' | ';'; headerLines?: number; recordLines?: number[] | null }

/** Columns recognised from the header row by the domain's label rules (unknown → null). */
export function prepared(path: string, kind: TableKind, csv: string, opts: CsvOpts = {}): PreparedTable {
  const delimiter = opts.delimiter ?? ','
  const headerLines = opts.headerLines ?? 1
  const headerLine = csv.split(/\r?\n/)[0]
  const headers = headerLine.split(delimiter)
  const index = labelIndex(BUNDLE_TABLES[kind].columns)
  const columns = headers.map((h) => index.get(normaliseLabel(h)) ?? null)
  const body = csv.split(/\r?\n/).slice(headerLines).filter((l) => l !== '')
  return {
    path, kind, encoding: 'utf-8', utf8: new TextEncoder().encode(csv), delimiter, headerLines, columns, headers,
    recordLines: opts.recordLines ? Int32Array.from(opts.recordLines) : null,
    records: opts.recordLines ? opts.recordLines.length : body.length,
  }
}

/** Lines → CSV text with a trailing newline. */
export const csv = (...lines: string[]): string => lines.join('\n') + '\n'

export const APP_HEADER = 'unit_code,year,row,natural_person,commercial,research,social_welfare,legal_service,other_org,total'
export const REVIEW_HEADER = 'unit_code,year,' + ['review', 'litigation_direct', 'litigation_after_review']
  .flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${b}_${o}`)).join(',')
export const ACTIVE_HEADER = 'unit_code,year,item,issued,repealed,in_force,decisions,fee_amount,made,published,total_published,prev_items,change,procurement_count,procurement_amount'

const OUTCOME_2021 = ['granted', 'partial', 'withheld.state_secret', 'withheld.prohibited', 'withheld.security', 'withheld.third_party',
  'withheld.internal', 'withheld.process', 'withheld.enforcement', 'withheld.query', 'unavailable.not_held', 'unavailable.needs_creation',
  'unavailable.unclear', 'rejected.petition', 'rejected.repeat', 'rejected.publication', 'rejected.excessive', 'rejected.confirmation',
  'other.no_correction', 'other.no_fee', 'other.other']

/**
 * A consistent 2021-layout section 三 for one report: every applicant column is 0 except
 * natural_person = total = the value given per row (default 0). `rows` overrides whole lines.
 */
export function appLines(unit: string, year: number | string, vals: Record<string, number | string> = {},
  rows: Record<string, string> = {}): string[] {
  const keys = ['received', 'carried_in', ...OUTCOME_2021, 'handled', 'carried_out']
  return keys.map((k) => rows[k] ?? `${unit},${year},${k},${vals[k] ?? 0},0,0,0,0,0,${vals[k] ?? 0}`)
}

/**
 * Two townships of 抚远市 with a report each in `year` (寒葱沟镇's active total given as text) and a consistent
 * section 三 for 浓桥镇: a small bundle with findings, under the folder `tag`.
 */
export function twoTownships(tag: string, year: number): PreparedTable[] {
  const n = '230883103000'
  const h = '230883104000'
  return [
    prepared(`${tag}/reports.csv`, 'reports', csv('unit_code,unit_name,parent_code,parent_name,level,year,active_total',
      `${n},浓桥镇,230883,抚远市,乡镇,${year},43`, `${h},寒葱沟镇,230883,抚远市,乡镇,${year},详见附件`)),
    prepared(`${tag}/applications.csv`, 'applications', csv(APP_HEADER, ...appLines(n, year, { received: 2, granted: 1, partial: 1, handled: 2 }))),
  ]
}
