/** Administrative reconsideration and litigation: cases, outcomes, correction rate, cases by unit (Reviews view). */
import { correctionRate, reviewCases, reviewCasesUnit, reviewOutcomes, reviewUnitRows } from '../../charts/analysis/reviews'
import { reviewsQuery } from '../../queries/analysis/reviews'
import { defineChart, defineFigure } from '../types'




export default defineFigure({
  family: 'reviews',
  charts: {
    'review-cases': defineChart({ title: 'analysis.review.cases', query: (f) => reviewsQuery(f, 'year'), option: reviewCases, pick: 'unit' }),
    'review-outcomes': defineChart({ title: 'analysis.review.outcomes', query: (f) => reviewsQuery(f, 'total'), option: reviewOutcomes, pick: 'unit' }),
    'correction-rate': defineChart({ title: 'analysis.review.rateTitle', query: (f) => reviewsQuery(f, 'year'), option: correctionRate, pick: 'unit' }),
    'review-cases-unit': defineChart({
      title: 'analysis.review.casesUnit', query: (f) => reviewsQuery(f, 'unit'), pick: 'unit',
      option: (rows, ctx) => reviewCasesUnit(reviewUnitRows(rows).filter((r) => r.block !== 'all'), ctx),
    }),
  },
  exportFunctions: {},
})
