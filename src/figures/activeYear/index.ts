/** Active disclosure by year: items disclosed, normative documents, decisions, fees (Active view). */
import { activeTrend, decisions, feeRows, fees, normativeDocs } from '../../charts/analysis/active'
import { activeByYearQuery } from '../../queries/analysis/active'
import { defineChart, defineFigure } from '../types'




const query = activeByYearQuery
export default defineFigure({
  family: 'activeYear',
  charts: {
    'active-trend': defineChart({ title: 'analysis.active.trend', query, option: activeTrend, pick: 'unit' }),
    'normative-docs': defineChart({ title: 'analysis.active.docs', query, option: normativeDocs, pick: 'unit' }),
    decisions: defineChart({ title: 'analysis.active.decisions', query, option: decisions, pick: 'unit' }),
    fees: defineChart({ title: 'analysis.active.fees', query, option: (rows, ctx) => fees(feeRows(rows), ctx), pick: 'unit' }),
  },
  exportFunctions: {},
})
