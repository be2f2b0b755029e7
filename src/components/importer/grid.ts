/** The three tables of a report laid out as on the form: rows, columns, and which cell sits where. */
import {
  APPLICANT_COLUMNS, APPLICATION_HEADINGS, OUTCOME_GROUPS, REVIEW_BLOCKS, REVIEW_OUTCOMES, type FormatVersion, type Labelled,
} from '../../domain/format'
import { allApplicationRows, currentVersion, formVersion } from '../../domain/versions'
import type { ExtractedCell, ReportSection } from '../../ingest/report'

interface GridCol { key: string; label: string }
interface GridRow {
  key: string
  label: string
  /** Nesting on the form: 0 top rows, 1 outcome rows, 2 their numbered sub-rows. */
  indent: number
  /** Column → cell key (section|row|column), or null where the form has no cell. */
  cells: Record<string, string | null>
}
export interface Grid { section: ReportSection; columns: GridCol[]; rows: GridRow[]; empty: boolean }

const label = (l: Labelled, en: boolean): string => (en ? l.en : l.zh)
const k = (section: ReportSection, row: string, col: string): string => `${section}|${row}|${col}`

export function buildGrids(format: FormatVersion | null, cells: readonly ExtractedCell[], en = false): Grid[] {
  // An unknown layout is shown as the current form.
  const v = formVersion(format) ?? currentVersion()
  const has = new Set(cells.map((c) => `${c.section}|${c.row}`))
  const count = (s: ReportSection): number => cells.filter((c) => c.section === s).length

  const { activeItems: items, activeMeasures: measures } = v
  const active: Grid = {
    section: 'active',
    columns: measures.map((m) => ({ key: m.key, label: label(m, en) })),
    rows: items.map((i) => ({
      key: i.key, label: label(i, en), indent: 0,
      cells: Object.fromEntries(measures.map((m) => [m.key, i.measures.includes(m.key) ? k('active', i.key, m.key) : null])),
    })),
    empty: count('active') === 0,
  }

  const appRows = allApplicationRows().filter((r) => v.applicationRows.some((x) => x.key === r.key) || has.has(`applications|${r.key}`))
  const applications: Grid = {
    section: 'applications',
    columns: APPLICANT_COLUMNS.map((c) => ({ key: c.key, label: label(c, en) })),
    rows: appRows.flatMap((r, i) => {
      const row: GridRow = {
        key: r.key, label: label(r, en), indent: r.key.includes('.') ? 2 : r.outcome || r.key === 'handled' ? 1 : 0,
        cells: Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c.key, k('applications', r.key, c.key)])),
      }
      // Group headings of the form (三、本年度办理结果, （三）不予公开 …) carry no cells.
      const group = r.key.includes('.') ? r.key.split('.')[0] : null
      const prev = appRows[i - 1]?.key.split('.')[0]
      const head: GridRow[] = []
      if (r.key === 'granted') head.push({ key: 'h:results', label: en ? 'Results this year' : APPLICATION_HEADINGS.results, indent: 0, cells: {} })
      if (group && prev !== group) {
        const g = OUTCOME_GROUPS.find((o) => o.key === group)
        const zh = APPLICATION_HEADINGS[group as keyof typeof APPLICATION_HEADINGS]
        head.push({ key: `h:${group}`, label: en ? (g?.en ?? group) : (zh ?? group), indent: 1, cells: {} })
      }
      return [...head, row]
    }),
    empty: count('applications') === 0,
  }

  const reviews: Grid = {
    section: 'reviews',
    columns: REVIEW_OUTCOMES.map((o) => ({ key: o.key, label: label(o, en) })),
    rows: REVIEW_BLOCKS.map((b) => ({
      key: b.key, label: label(b, en), indent: 0,
      cells: Object.fromEntries(REVIEW_OUTCOMES.map((o) => [o.key, k('reviews', b.key, o.key)])),
    })),
    empty: count('reviews') === 0,
  }
  return [active, applications, reviews]
}
