/**
 * The statements of a published file's first view, in one list: what `attachPublished` reads of the file, the
 * start-up's load summary, the filters' lists and the findings list, and the Overview's figures with the default
 * filters and basis, each built by the builder the app itself calls, with the same arguments. The summariser stores
 * their answers in the file (./stored.ts, ./publish.ts), so that the first view reads one small table instead of
 * the data. A statement missing here (or asked differently by the app) is still answered, from the data, by range
 * reads: correct, only slower; tests/browser/attach.test.ts measures the bytes fetched for the first view.
 */
import { errorInputsQuery, findingsQuery, FINDINGS_LISTED, panelInfoQuery, unitsQuery, yearsQuery } from '../queries'
import { childrenAggregatesQuery } from '../queries/hierarchy'
import { overviewStatements } from '../queries/overviewView'
import type { DataSource } from '../queries/rollup'
import type { Query } from '../queries/types'
import { MANIFEST_QUERY, SOURCES_QUERY } from './attach'
import { LOAD_COUNTS_QUERY, RAW_COUNTS_QUERY } from './load'

/** `src`: what the app will pass its builders for this file (stored per-range answers, when their signature is the app's). */
export function firstViewStatements(src: DataSource): Query<unknown>[] {
  return [
    // attachPublished (the rollup signature is not stored: a file whose signature is changed must read as changed)
    MANIFEST_QUERY, SOURCES_QUERY,
    // useDataLoad's start-up: load summary, filters' lists, the first findings
    LOAD_COUNTS_QUERY, RAW_COUNTS_QUERY, yearsQuery(), unitsQuery(), findingsQuery({}, { limit: FINDINGS_LISTED }),
    // the Overview (its cards and charts), the hierarchy's top level, the like-for-like note, the charts' error badge
    ...overviewStatements({}, undefined, src), childrenAggregatesQuery({}, null, src), panelInfoQuery({}), errorInputsQuery({}),
  ]
}
