/** Pure option builders (rows → ECharts option). The runtime lives in ./echarts, export in ./export. */
export * from './types'
export * from './theme'
export * from './escape'
export { activeVolumeBars, activeVolumeHeatmap, activeVolumeMerged, activeVolumeNote, activeVolumeTableRows, activeVolumeUnitCount, MAX_UNITS, TOP_N } from './activeVolume'
export { outcomeShares, outcomeCounts, outcomesNote, outcomeShare, OUTCOME_KEYS } from './outcomes'
