/** Shared helpers of the report-import tests: fixture loading and exact-cell comparison. */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APPLICANT_KEYS, REVIEW_BLOCKS, REVIEW_OUTCOMES } from '../../../../src/domain/format'
import { parseReport, type ExtractedCell, type ParsedReport } from '../../../../src/ingest/report'

const here = dirname(fileURLToPath(import.meta.url))
export const REPO = resolve(here, '../../../..')

/** shared/ sits beside the repo (…/shared next to …/main, also in CI's fresh clone): search upwards. */
export function sharedFixture(name: string): string {
  for (let dir = REPO; ; dir = dirname(dir)) {
    const p = join(dir, 'shared', 'fixtures', 'reports', name)
    if (existsSync(p)) return p
    if (dirname(dir) === dir) throw new Error(`shared/fixtures/reports/${name} not found above ${REPO}`)
  }
}

export function fixture(name: string): string {
  return readFileSync(join(REPO, 'tests', 'fixtures', 'reports', name), 'utf8')
}

export function parseFixture(name: string, edit: (text: string) => string = (t) => t): ParsedReport {
  const s = edit(fixture(name))
  return parseReport(name.endsWith('.html') ? { html: s, fileName: name } : { text: s, fileName: name })
}

export type Grid = Record<string, number | null>

/** row|column → value, for comparing whole sections at once. */
export function grid(cells: readonly ExtractedCell[]): Grid {
  const g: Grid = {}
  for (const c of cells) g[`${c.row}|${c.column}`] = c.value
  return g
}

export const activeGrid = (rows: Record<string, Record<string, number>>): Grid =>
  Object.fromEntries(Object.entries(rows).flatMap(([r, cols]) => Object.entries(cols).map(([c, v]) => [`${r}|${c}`, v])))

export const appsGrid = (rows: Record<string, number[]>): Grid =>
  Object.fromEntries(Object.entries(rows).flatMap(([r, vs]) => vs.map((v, i) => [`${r}|${APPLICANT_KEYS[i]}`, v])))

export const reviewsGrid = (vs: number[]): Grid =>
  Object.fromEntries(REVIEW_BLOCKS.flatMap((b, i) => REVIEW_OUTCOMES.map((o, j) => [`${b.key}|${o.key}`, vs[i * 5 + j]])))

export const doubtful = (r: ParsedReport): ExtractedCell[] => [...r.active, ...r.applications, ...r.reviews].filter((c) => c.confidence === 'doubtful')
