/**
 * The one registry of figure families (src/figures/<family>/index.ts). Adding a chart: its folder (or an entry in an
 * existing family) and one line here. Cross-filter picks and the export functions restored after a reload are read
 * from here; tests/unit/figures/registry.test.ts fails when a family lacks a part.
 */
import activeVolume from './activeVolume'
import outcomes from './outcomes'
import activeYear from './activeYear'
import applications from './applications'
import reviews from './reviews'
import ranking from './ranking'
import unitProfile from './unitProfile'
import type { ChartDef, ExportFunction, FigureDef, PickKind } from './types'

export type { ChartDef, ExportFunction, FigureDef, PickKind } from './types'

export const FIGURES: readonly FigureDef[] = [
  activeVolume,
  outcomes,
  activeYear,
  applications,
  reviews,
  ranking,
  unitProfile,
]

/** Every chart by its id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const CHARTS: ReadonlyMap<string, ChartDef<any> & { family: string }> = new Map(
  FIGURES.flatMap((f) => Object.entries(f.charts).map(([id, c]) => [id, { ...c, family: f.family }] as const)),
)

/** What a click on a chart picks (charts outside the registry: a unit, as any bar by unit). */
export const pickOf = (chartId: string): PickKind => CHARTS.get(chartId)?.pick ?? 'unit'

/** The export functions of every family, by name (src/export/functions.ts restores them after a reload). */
export const exportFunctions: Readonly<Record<string, ExportFunction>> = Object.assign({}, ...FIGURES.map((f) => f.exportFunctions))
