/** Top/bottom N units by an indicator (Active, Applications and unit-profile views; RankingPanel). */
import { rankingChart, rankingSlice } from '../../charts/analysis/ranking'
import { rankingQuery, type RankingIndicator } from '../../queries/analysis/active'
import { defineChart, defineFigure } from '../types'




/** The panel's first indicator and default N (RankingPanel lets the user change both). */
const ranking = (title: string, indicator: RankingIndicator) => defineChart({
  title, pick: 'unit',
  query: (f) => rankingQuery(f, indicator),
  option: (rows, ctx) => rankingChart(rankingSlice(rows, 10, 'top'), ctx, { kind: indicator === 'disclosure_rate' ? 'percent' : 'number', name: ctx.t(title) }),
})

export default defineFigure({
  family: 'ranking',
  charts: {
    'active-ranking': ranking('figures.ranking.title', 'active_total'),
    'applications-ranking': ranking('figures.ranking.title', 'received'),
    'unit-profile-peers': ranking('analysis.unit.peerRankingBase', 'active_total'),
  },
  exportFunctions: {},
})
