/**
 * Chart export for briefings (the pieces live in ./export/): PNG at 1×/2×/3× and SVG re-rendered
 * OFFSCREEN with the caption (title, filters in words, source note, indicator definition), copy to
 * the clipboard, the chart's data as CSV/xlsx, and the briefing pack as PPTX. Everything happens in
 * the tab: nothing is sent anywhere.
 */
import type { EChartsOption } from 'echarts'
import { downloadBlob, renderPng as renderPngCaptioned, renderPngBlob } from './render'
import { safeFileName } from './names'

export { safeFileName, isoDate } from './names'
export { optionToTable, toCsv, neutralise, xlsxCell, type ExportTable, type TableColumn } from './table'
export { subtitleFromFilters, indicatorDefinition, type Caption, type FilterWords, type SubtitleCtx } from './caption'
export { csvText, csvField, type CsvOptions } from './csv'
export {
  EXPORT_FONT, exportOption, drawableOption, renderSvg, renderPngBlob, blobToBase64, copyPng, dataUrlToBlob, downloadBlob,
  downloadDataUrl, drawnTexts, fontsReady, prewarmExport, releaseExportCharts, type RenderOptions,
} from './render'
export { exportSizeFor, safeScale } from './size'
export { splitRows } from './split'
export const renderCaptionedPng = renderPngCaptioned

/** Options of the original one-button export (title + source, 2×). */
export interface ExportOptions {
  title: string
  /** e.g. 数据来源：各单位政府信息公开工作年度报告（年度 2021–2023） */
  source: string
  locale: string
  width?: number
  height?: number
  subtitle?: string
  definition?: string
  scale?: number
}

/** Renders offscreen and returns a PNG data URL (default pixel ratio 2, white background). */
export function renderPng(option: EChartsOption, opts: ExportOptions): Promise<string> {
  return renderPngCaptioned(option, {
    caption: { title: opts.title, subtitle: opts.subtitle ?? '', source: opts.source, definition: opts.definition },
    locale: opts.locale, width: opts.width, height: opts.height, scale: opts.scale ?? 2,
  })
}

export async function exportPng(option: EChartsOption, opts: ExportOptions): Promise<string> {
  const blob = await renderPngBlob(option, {
    caption: { title: opts.title, subtitle: opts.subtitle ?? '', source: opts.source, definition: opts.definition },
    locale: opts.locale, width: opts.width, height: opts.height, scale: opts.scale ?? 2,
  })
  const name = safeFileName(opts.title)
  downloadBlob(blob, name)
  return name
}
