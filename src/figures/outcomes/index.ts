/** Outcomes of applications (shares of handled, counts) by unit and by year (Overview and Applications views). */
import { outcomeCounts, outcomeShares, renderNoHandled } from '../../charts/outcomes'
import { outcomesByUnitQuery, outcomesByYearQuery } from '../../queries/overview'
import { defineChart, defineFigure, type ExportFunction } from '../types'




const byUnit = (title: string, option: typeof outcomeShares) => defineChart({ title, query: (f) => outcomesByUnitQuery(f), option: (rows, ctx) => option(rows, ctx), pick: 'unit' })
// The Applications view's by-year charts carry no unit on their items: a click there does not filter ('unit').
const byYear = (title: string, option: typeof outcomeShares, pick: 'unit' | 'year') =>
  defineChart({ title, query: (f) => outcomesByYearQuery(f), option: (rows, ctx) => option(rows, ctx, { by: 'year' }), pick })

export default defineFigure({
  family: 'outcomes',
  charts: {
    'outcome-shares-unit': byUnit('charts.outcomeSharesUnit', outcomeShares),
    'outcome-counts-unit': byUnit('charts.outcomeCountsUnit', outcomeCounts),
    'outcome-shares-year': byYear('charts.outcomeSharesYear', outcomeShares, 'year'),
    'applications-outcomes': byYear('analysis.app.outcomes', outcomeCounts, 'unit'),
    'applications-outcome-shares': byYear('analysis.app.shares', outcomeShares, 'unit'),
  },
  exportFunctions: { renderNoHandled: renderNoHandled as ExportFunction },
})
