/**
 * The note under every yearly figure: with "same units in every year" on, which units it covers; otherwise,
 * when the number of reports changes from year to year, that a change of the totals may be a change of
 * coverage (the grey bars show the reports per year). Pure.
 */
import type { PanelInfoRow } from '../../queries/trends'
import type { ChartCtx } from '../types'

export function trendNotes(reports: readonly (number | null | undefined)[], panel: PanelInfoRow | null, ctx: ChartCtx): string[] {
  if (panel) return [ctx.t('charts.panelOn', { n: panel.units, years: panel.years, all: panel.allUnits })]
  const ns = reports.filter((n): n is number => n != null)
  if (ns.length < 2) return []
  const lo = Math.min(...ns)
  const hi = Math.max(...ns)
  return lo === hi ? [] : [ctx.t('charts.coverageVaries', { lo, hi })]
}
