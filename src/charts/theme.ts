/**
 * The one chart theme: colour-blind-safe palette (Okabe–Ito, then Paul Tol's "muted" for more
 * series), a CJK font stack that exists on intranet Windows/Linux/macOS machines without any
 * web font, and quiet axes suited to printed briefings.
 */

export const THEME_NAME = 'gov'

export const FONT_FAMILY = '"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","SimHei",sans-serif'

/** Okabe–Ito (minus black/yellow, poor on white) + Tol muted: distinguishable with CVD. */
export const PALETTE: readonly string[] = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00',
  '#332288', '#117733', '#882255', '#999933', '#44AA99', '#AA4499',
]

/** Fixed colours per outcome group so that every chart and legend agrees. */
export const OUTCOME_COLORS: Readonly<Record<string, string>> = {
  granted: '#009E73',
  partial: '#56B4E9',
  withheld: '#D55E00',
  unavailable: '#E69F00',
  rejected: '#CC79A7',
  other: '#8C8C8C',
}

/** Sequential scale for heatmaps (light → dark blue; readable in greyscale too). */
export const SEQUENTIAL: readonly string[] = ['#EAF2FA', '#B9D3EA', '#7AACD6', '#3B7DB8', '#0B4F8A', '#08306B']

/** Fill of a cell with no data (hatched grey, distinct from the lightest value colour). */
export const EMPTY_FILL = '#F2F3F5'
export const EMPTY_STROKE = '#C0C4CC'
/** Outline of a cell whose report is loaded but the value is blank / not applicable. */
export const MISSING_STROKE = '#E69F00'

const TEXT = '#303133'
const SUBTLE = '#606266'
const LINE = '#DCDFE6'

/** Theme object for echarts.registerTheme (plain data, no echarts import). */
export const theme = {
  color: [...PALETTE],
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY, color: TEXT },
  title: {
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT, fontSize: 16, fontWeight: 600 },
    subtextStyle: { fontFamily: FONT_FAMILY, color: SUBTLE, fontSize: 12 },
  },
  legend: { textStyle: { fontFamily: FONT_FAMILY, color: SUBTLE } },
  categoryAxis: {
    axisLine: { lineStyle: { color: LINE } },
    axisTick: { lineStyle: { color: LINE } },
    axisLabel: { color: SUBTLE, fontFamily: FONT_FAMILY },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: SUBTLE, fontFamily: FONT_FAMILY },
    splitLine: { lineStyle: { color: '#EBEEF5' } },
  },
  tooltip: {
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT, fontSize: 12 },
    borderColor: LINE,
  },
}
