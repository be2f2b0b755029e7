/** A unit's indicators by year against its peers' quartiles, one chart per indicator (unit-profile view). */
import { unitProfile } from '../../charts/analysis/unit'
import { PROFILE_INDICATORS, unitProfileQuery } from '../../queries/analysis/unit'
import { defineChart, defineFigure, type ChartDef } from '../types'
import type { UnitProfileRow } from '../../queries/analysis/rows'




/** Chart ids `unit-profile-<indicator>`; the unit is the one the filters name (the view passes the route's). */
const charts: Record<string, ChartDef<UnitProfileRow>> = Object.fromEntries(PROFILE_INDICATORS.map((k) => [`unit-profile-${k}`, defineChart<UnitProfileRow>({
  title: 'analysis.unit.title', pick: 'unit',
  query: (f) => unitProfileQuery(f.unitCodes?.[0] ?? '', f),
  option: (rows, ctx) => unitProfile(rows.filter((r) => r.indicator === k), ctx, ctx.t('analysis.unit.title')),
})]))

export default defineFigure({ family: 'unitProfile', charts, exportFunctions: {} })
