/** Active-disclosure volume by unit: bars on a basis, and the unit × year heatmap (Overview and Active views). */
import { activeVolumeBars, activeVolumeHeatmap, renderEmptyCell, renderMissingCell } from '../../charts/activeVolume'
import { activeByUnitYearQuery } from '../../queries/overview'
import { defineChart, defineFigure, type ExportFunction } from '../types'




const bars = (title: string) => defineChart({ title, query: (f) => activeByUnitYearQuery(f), option: activeVolumeBars, pick: 'unit' })
const heatmap = (title: string) => defineChart({ title, query: (f) => activeByUnitYearQuery(f), option: activeVolumeHeatmap, pick: 'both' })

export default defineFigure({
  family: 'activeVolume',
  charts: {
    'active-bars': bars('charts.activeBars'),
    'active-heatmap': heatmap('charts.activeHeatmap'),
    'active-unit-bars': bars('analysis.active.unitBars'),
    'active-unit-heatmap': heatmap('analysis.active.unitHeatmap'),
  },
  exportFunctions: { renderEmptyCell: renderEmptyCell as ExportFunction, renderMissingCell: renderMissingCell as ExportFunction },
})
