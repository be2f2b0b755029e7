/**
 * The figures behind the drafted 情况通报, fetched with the charts' own query builders for the draft's year (the
 * latest year of the filtered range) so that each number in the text is the number on the chart.
 * `run` executes a built query (the dashboard's runBuilt in the browser, the blocking DuckDB in unit tests).
 */
import type { Db, Row } from '../db/types'
import { runQuery } from '../db/run'
import { reviewsQuery } from '../queries/analysis/reviews'
import type { ReviewRow } from '../queries/analysis/rows'
import { problemTotalsQuery, draftRankingQuery, reportProblemsQuery, unitsToCorrectQuery, yearOnly, type ProblemRow, type ProblemTotalRow, type RankingRow, type UnitToCorrectRow } from '../queries/documents'
import { outcomesByYearQuery, overviewQuery } from '../queries/overview'
import type { OutcomeRow, OverviewRow } from '../queries/rows'
import { kpiChangeQuery, type KpiChangeRow } from '../queries/trends'
import type { Filters, Query } from '../queries/types'

export type RunQuery = <T>(q: Query<T>) => Promise<T[]>

/** A RunQuery over a function that runs row-typed queries (the dashboard's runBuilt, or runQuery on a Db). */
export const asRunQuery = (run: (q: Query<Row>) => Promise<Row[]>): RunQuery => <T>(q: Query<T>) => run(q as Query<Row>) as Promise<T[]>
export const dbRunQuery = (db: Db): RunQuery => asRunQuery((q) => runQuery(db, q))

export interface DraftFigures {
  /** The year described; null when the filters leave no data. */
  year: number | null
  overview: OverviewRow | null
  /** Like-for-like change (units stating the figure in both years), as the KPI cards show it. */
  change: KpiChangeRow | null
  outcomes: OutcomeRow | null
  reviews: ReviewRow[]
  ranking: RankingRow[]
  problems: ProblemRow[]
  problemTotals: ProblemTotalRow | null
  toCorrect: UnitToCorrectRow[]
}

export async function collectFigures(run: RunQuery, f: Filters): Promise<DraftFigures> {
  const filters: Filters = { ...f, pick: undefined }
  const [change] = await run(kpiChangeQuery(filters))
  const year = change?.year ?? null
  if (year == null) {
    return { year: null, overview: null, change: null, outcomes: null, reviews: [], ranking: [], problems: [], problemTotals: null, toCorrect: [] }
  }
  const y = yearOnly(filters, year)
  const [overview, outcomes, reviews, ranking, problems, problemTotals, toCorrect] = await Promise.all([
    run(overviewQuery(y)), run(outcomesByYearQuery(y)), run(reviewsQuery(y, 'total')), run(draftRankingQuery(filters, year)),
    run(reportProblemsQuery(y)), run(problemTotalsQuery(y)), run(unitsToCorrectQuery(y)),
  ])
  return {
    year, overview: overview[0] ?? null, change: change ?? null, outcomes: outcomes[0] ?? null, reviews, ranking,
    problems, problemTotals: problemTotals[0] ?? null, toCorrect,
  }
}
