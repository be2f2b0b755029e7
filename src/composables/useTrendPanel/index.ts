/** useTrendPanel — how many units the "same units in every year" option keeps, and the notes of yearly figures. */
import { computed, type ComputedRef } from 'vue'
import { useQuery } from '../useQuery'
import { useDashboard } from '../useDashboard'
import { panelInfoQuery, type PanelInfoRow } from '../../queries/trends'
import { trendNotes } from '../../charts/analysis/trendNotes'
import type { ChartCtx } from '../../charts/types'

export function usePanelInfo(): ComputedRef<PanelInfoRow | null> {
  const q = useQuery<PanelInfoRow>((f) => panelInfoQuery(f))
  return computed(() => q.rows.value[0] ?? null)
}

/** Notes under a yearly figure with these reports per year (like-for-like in force, or coverage varying). */
export function useTrendNotes(ctx: ComputedRef<ChartCtx>): (reports: readonly (number | null | undefined)[]) => string[] {
  const dash = useDashboard()
  const info = usePanelInfo()
  return (reports) => trendNotes(reports, dash.filters.value.panel ? info.value : null, ctx.value)
}
