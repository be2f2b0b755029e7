/**
 * The option as an export draws it (pure but for the export theme's registration): the caption as titles and
 * the footer (notes, source, definition) as wrapped text, no animation, no zoom window, the export font stack.
 */
import type { EChartsOption } from 'echarts'
import { echarts } from '../charts/echarts'
import { FONT_FAMILY, theme } from '../charts/theme'
import type { Caption } from './caption'
import { FOOT_LINE, footHeight, footLines, headHeight, wrappedLines } from './size'
import { isObj, type Obj } from '../charts/optionParts'

/** The CJK stack Word/WPS/PowerPoint understand (SimSun as the Windows last resort). */
export const EXPORT_FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','SimSun','PingFang SC',sans-serif"

/**
 * The app theme with the export font stack, single-quoted: ECharts' SVG output writes the font into
 * a double-quoted attribute without escaping, so double-quoted family names would break the XML.
 */
export const EXPORT_THEME = 'gov-export'
echarts.registerTheme(EXPORT_THEME, JSON.parse(JSON.stringify(theme).split(JSON.stringify(FONT_FAMILY).slice(1, -1)).join(EXPORT_FONT.replace(/"/g, '\\"'))))

export interface RenderOptions {
  caption: Caption
  locale: string
  width?: number
  height?: number
}

const TEXT_KEYS = new Set(['textStyle', 'axisLabel', 'label', 'nameTextStyle', 'subtextStyle'])

/** Set the export font on every textStyle-ish object of the option (SVG text carries font-family). */
function withFont(v: unknown, depth = 0): unknown {
  if (depth > 8) return v
  if (Array.isArray(v)) return v.map((x) => withFont(x, depth + 1))
  if (!isObj(v)) return v
  const out: Obj = {}
  for (const [k, x] of Object.entries(v)) {
    if (k === 'data' || k === 'source') { out[k] = x; continue }
    const y = withFont(x, depth + 1)
    out[k] = TEXT_KEYS.has(k) && isObj(y) ? { ...y, fontFamily: EXPORT_FONT } : y
  }
  return out
}

/**
 * JSON snapshots lose functions: custom series without their renderItem cannot be drawn, and are
 * dropped (their cells are placeholders such as "no report loaded").
 */
export function drawableOption(option: EChartsOption): EChartsOption {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : []
  const kept = series.filter((s) => !(isObj(s) && s.type === 'custom' && typeof s.renderItem !== 'function'))
  return kept.length === series.length ? option : ({ ...option, series: kept } as EChartsOption)
}

/** The option as exported: no animation, no zoom window (every row drawn), room for the caption and the footer. */
export function exportOption(option: EChartsOption, opts: RenderOptions): EChartsOption {
  const { caption } = opts
  const width = opts.width ?? 1200
  const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) ?? {}
  const legend = Array.isArray(option.legend) ? option.legend[0] : option.legend
  const head = headHeight(caption)
  const footH = footHeight(caption, width)
  const text = (size: number, weight: number | string, color: string) => ({ fontFamily: EXPORT_FONT, fontSize: size, fontWeight: weight, color })
  const visualMap = option.visualMap && !Array.isArray(option.visualMap) && isObj(option.visualMap) && option.visualMap.bottom != null
    ? { ...option.visualMap, bottom: Number(option.visualMap.bottom) + footH }
    : option.visualMap
  const g = grid as Obj
  const body = withFont(drawableOption(option)) as Obj
  // Progressive rendering would finish large series in later frames, after the image is taken.
  const series = Array.isArray(body.series) ? body.series.map((x) => (isObj(x) ? { ...x, progressive: 0 } : x)) : body.series
  // Footer lines from the bottom up: notes, source, definition; long lines wrap at the image width.
  const lines = footLines(caption)
  const foot: Obj[] = []
  let bottom = 6
  for (const line of [...lines].reverse()) {
    foot.push({ text: line, left: 16, bottom, textStyle: { ...text(12, 'normal', '#606266'), width: width - 32, overflow: 'break', lineHeight: FOOT_LINE } })
    bottom += wrappedLines(line, width) * FOOT_LINE
  }
  return {
    ...(body as EChartsOption),
    series,
    animation: false,
    backgroundColor: '#fff',
    textStyle: { fontFamily: EXPORT_FONT },
    title: [
      ...(head ? [{
        text: caption.title, subtext: caption.subtitle || undefined, left: 'center', top: 12, itemGap: 6,
        textStyle: { ...text(18, 600, '#303133'), width: width - 48, overflow: 'truncate' }, subtextStyle: text(13, 'normal', '#606266'),
      }] : []),
      ...foot.reverse(),
    ],
    legend: legend ? { ...legend, top: head ? head - 20 : legend.top ?? 0, textStyle: { ...(isObj(legend.textStyle) ? legend.textStyle : {}), fontFamily: EXPORT_FONT } } : undefined,
    grid: { ...g, top: Math.max(Number(g.top ?? 0), 0) + head, bottom: Number(g.bottom ?? 24) + footH },
    visualMap,
    tooltip: { show: false },
  } as EChartsOption
}

