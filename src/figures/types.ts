/**
 * What a figure family declares, in one typed object: every chart of the family with its query, option
 * builder, click semantics and title; the family's export functions. The app reads these instead of
 * lists kept elsewhere (cross-filter picks, export functions restored after a reload).
 */
import type { EChartsOption } from 'echarts'
import type { ChartCtx } from '../charts/types'
import type { Filters, Query } from '../queries/types'

/** What a click on a chart picks for the cross-filter: a unit (bars by unit), a year, or both (unit × year cells). */
export type PickKind = 'unit' | 'year' | 'both'

/**
 * A module-level function an option holds (a custom series' `renderItem`): it depends on the layout, not on the data,
 * so an export after a reload puts it back by name (formatters are recorded by their answers instead).
 */
export type ExportFunction = (...args: never[]) => unknown

/** One chart of a family, by its chart id. */
export interface ChartDef<Row> {
  /** vue-i18n key of the chart's title (present in zh-CN and en; a family's own texts live in its texts.ts). */
  title: string
  /** The chart's query from the filters (the view may pass further options to the same builder). */
  query: (f: Filters) => Query<Row>
  /** Rows → ECharts option (pure; the view may pass highlight and basis options). */
  option: (rows: readonly Row[], ctx: ChartCtx) => EChartsOption
  /** What a click on the chart picks. */
  pick: PickKind
}

export interface FigureDef {
  /** Folder name under src/figures. */
  family: string
  // Rows differ per chart; each entry is checked against its own row type by defineChart.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  charts: Readonly<Record<string, ChartDef<any>>>
  /**
   * Export renderers: the module-level functions of the family's options, by the name an export stores
   * (names are kept in saved briefing packs: never rename one). `{}` when every function is a formatter.
   */
  exportFunctions: Readonly<Record<string, ExportFunction>>
}

/** A chart definition checked against its row type (query rows = option rows). */
export const defineChart = <Row>(d: ChartDef<Row>): ChartDef<Row> => d

export const defineFigure = (d: FigureDef): FigureDef => d
