/**
 * Chart export for briefings (the pieces live in this folder): PNG at 1×/2×/3× and SVG re-rendered
 * OFFSCREEN with the caption (title, filters in words, source note, indicator definition), copy to
 * the clipboard, the chart's data as CSV/xlsx, and the briefing pack as PPTX. Everything happens in
 * the tab: nothing is sent anywhere.
 */
export { safeFileName } from './names'
export { optionToTable, toCsv, type ExportTable } from './table'
export { indicatorDefinition, type Caption } from './caption'

export { renderSvg, renderPngBlob, copyPng, downloadBlob, drawnTexts, prewarmExport } from './render'
export { exportSizeFor } from './size'
