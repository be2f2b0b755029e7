/** Cross-filter on the active-volume heatmaps: a cell's row label → its unit, from the rows the chart draws. */
import { onBeforeUnmount } from 'vue'
import { volumeGrid } from '../../charts/activeVolume'
import { heatmapMapper, registerCrossFilter } from '../../composables/useCrossFilter'
import type { ActiveByUnitYearRow } from '../../queries/rows'

export function useVolumeCrossFilter(chartId: string, rows: () => readonly ActiveByUnitYearRow[]): void {
  const unitOfLabel = (): Map<string, string> => {
    const g = volumeGrid(rows())
    return new Map(g.units.map((u) => [g.labels.get(u.code) ?? u.name, u.code]))
  }
  onBeforeUnmount(registerCrossFilter(chartId, heatmapMapper(chartId, unitOfLabel)))
}
