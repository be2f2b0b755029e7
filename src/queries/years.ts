/**
 * Which year a "latest year" figure describes. In a sparse bundle the latest year often holds a handful of
 * reports (units report in scattered years), and a ranking, a year-on-year change or a drafted 通报 about
 * "2024: 2 units" misleads. The year described is therefore the latest one whose count reaches half the
 * fullest year's and 3 (or all there are); the latest year itself when no year does.
 *
 * `SETTLED_YEAR` is an aggregate over two CTEs the caller defines: `yc (year, n)` — the count per year — and
 * `mx (m)` — the largest `n` (`mx AS (SELECT max(n) AS m FROM yc)`).
 */
export const SETTLED_YEAR = 'coalesce(max(yc.year) FILTER (WHERE yc.n >= least(3, mx.m) AND yc.n * 2 >= mx.m), max(yc.year))'
