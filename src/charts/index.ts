/** Pure option builders (rows → ECharts option). The runtime lives in ./echarts; export rendering in src/export (not here: this folder stays pure). */
export * from './types'
export * from './theme'
export * from './escape'
export { activeVolumeBars, activeVolumeHeatmap, activeVolumeMerged, activeVolumeNote, activeVolumeNotes, activeVolumeTableRows, activeVolumeUnitCount } from './activeVolume'
export { outcomeShares, outcomeCounts, outcomesNote, outcomeNotes, outcomeShare, OUTCOME_KEYS } from './outcomes'
