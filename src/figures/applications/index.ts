/** Applications by year (flow, applicant types, reasons) and the disclosure rate by unit (Applications view). */
import { applicantTypes, applicationsFlow, disclosureRateUnit, outcomeReasons } from '../../charts/analysis/applications'
import { applicantTypesQuery, applicationsFlowQuery, disclosureRateByUnitQuery, reasonsQuery } from '../../queries/analysis/applications'
import { defineChart, defineFigure } from '../types'




export default defineFigure({
  family: 'applications',
  charts: {
    'applications-flow': defineChart({ title: 'analysis.app.flow', query: applicationsFlowQuery, option: applicationsFlow, pick: 'unit' }),
    'applicant-types': defineChart({ title: 'analysis.app.types', query: applicantTypesQuery, option: applicantTypes, pick: 'unit' }),
    'outcome-reasons': defineChart({ title: 'analysis.app.reasons', query: reasonsQuery, option: outcomeReasons, pick: 'unit' }),
    'disclosure-rate-unit': defineChart({ title: 'analysis.app.rateUnit', query: (f) => disclosureRateByUnitQuery(f), option: (rows, ctx) => disclosureRateUnit(rows, ctx), pick: 'unit' }),
  },
  exportFunctions: {},
})
