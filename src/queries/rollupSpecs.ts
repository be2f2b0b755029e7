/**
 * Which builders' answers a published database stores (./rollup.ts), and the signature that ties a file's stored
 * answers to these builders: the summariser writes it, the app compares it at attach, so a file written by an older
 * or newer app is read the ordinary way instead of giving answers that differ from the builders'.
 */
import { childrenAggregatesQuery } from './hierarchy'
import { OVERVIEW_STATEMENTS as S } from './overviewView'
import { ROLLUP_TABLES } from './rollup'
import type { Filters, Query } from './types'

export interface RollupSpec {
  table: string
  /** The builder on the summary (no data source: its ordinary statement). */
  build: (f: Filters) => Query<unknown>
  /** Stored for every year range (else only for no filter: per-unit lists are long). */
  ranges: boolean
}

export const ROLLUP_SPECS: readonly RollupSpec[] = [
  // The Overview's own statements (./overviewView.ts) with the default basis, and the hierarchy's top level.
  { table: ROLLUP_TABLES.overview, build: (f) => S.overview.build(f), ranges: true },
  { table: ROLLUP_TABLES.kpiChange, build: (f) => S.change.build(f), ranges: true },
  { table: ROLLUP_TABLES.outcomesByYear, build: (f) => S.byYear.build(f), ranges: true },
  { table: ROLLUP_TABLES.topChildren, build: (f) => childrenAggregatesQuery(f, null), ranges: true },
  { table: ROLLUP_TABLES.activeByUnitYear, build: (f) => S.bars.build(f), ranges: false },
  { table: ROLLUP_TABLES.outcomesByUnit, build: (f) => S.shares.build(f), ranges: false },
]

/** FNV-1a over the specs' statements (tables, SQL, parameters at two year ranges): changes when any builder does. */
export function rollupSignature(): string {
  let h = 0x811c9dc5
  const text = ROLLUP_SPECS.map((s) => [s.table, s.ranges, s.build({}), s.build({ yearFrom: 2000, yearTo: 2001 })])
  for (const ch of JSON.stringify(text)) {
    h ^= ch.codePointAt(0)!
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `v1-${h.toString(16).padStart(8, '0')}`
}
