/**
 * Outcomes of handled applications (section 三, total column) per category (unit or year):
 * 100 % stacked shares of `handled`, and stacked counts. A category whose `handled` is 0 or
 * missing has no shares (undefined, not 0 %): it gets an explicit "—" mark instead of bars.
 */
import type { CustomSeriesRenderItem, CustomSeriesRenderItemReturn, EChartsOption } from 'echarts'
import { OUTCOME_GROUPS, type OutcomeGroup } from '../domain/format'
import { ratio } from '../domain/indicators'
import type { OutcomeRow } from '../queries/rows'
import { NO_VALUE, baseOption, cell, shortLabel, type Cell } from './common'
import { escapeHtml, formatNumber, formatPercent, tooltipLine } from './escape'
import { EMPTY_STROKE, OUTCOME_COLORS } from './theme'
import type { ChartCtx, ChartNote } from './types'

export const OUTCOME_KEYS: readonly OutcomeGroup[] = OUTCOME_GROUPS.map((g) => g.key)

const groupLabel = (key: OutcomeGroup, ctx: ChartCtx): string => {
  const g = OUTCOME_GROUPS.find((o) => o.key === key)
  return g ? (ctx.locale === 'en' ? g.en : g.zh) : key
}

const hasHandled = (r: OutcomeRow): boolean => r.handled != null && Number.isFinite(r.handled) && r.handled > 0

/** Share of `handled` per group; null when handled is 0/missing or the group cell is missing. */
export function outcomeShare(r: OutcomeRow, key: OutcomeGroup): number | null {
  return hasHandled(r) ? ratio(r[key], r.handled) : null
}

export function outcomesNote(rows: readonly OutcomeRow[]): ChartNote {
  return {
    missing: rows.reduce((s, r) => s + (r.missingCells ?? 0), 0),
    notLoaded: rows.filter((r) => !hasHandled(r)).length,
  }
}

interface Opts { kind: 'shares' | 'counts' }

function build(rows: readonly OutcomeRow[], ctx: ChartCtx, { kind }: Opts): EChartsOption {
  const categories = rows.map((r) => r.label)
  const noHandled = rows.map((r, i) => (hasHandled(r) ? -1 : i)).filter((i) => i >= 0)
  const shares = kind === 'shares'

  const series: NonNullable<EChartsOption['series']> = OUTCOME_KEYS.map((key) => {
    const data: Cell[] = rows.map((r) => (shares ? cell(outcomeShare(r, key)) : cell(r[key])))
    return {
      type: 'bar' as const,
      id: key,
      name: groupLabel(key, ctx),
      stack: 'outcomes',
      data,
      itemStyle: { color: OUTCOME_COLORS[key] },
      barMaxWidth: 26,
      emphasis: { focus: 'series' as const },
    }
  })

  if (shares && noHandled.length > 0) {
    // Explicit "—" where shares are undefined: a custom series carrying only the category index.
    series.push({
      type: 'custom',
      id: 'no-handled',
      name: ctx.t('charts.noHandled'),
      data: noHandled.map((i) => [i]),
      encode: { y: 0 },
      renderItem: renderNoHandled,
      tooltip: { show: true },
      silent: false,
    })
  }

  const height = Math.max(1, rows.length)
  return {
    ...baseOption(ctx),
    legend: { top: 0, type: 'scroll', data: OUTCOME_KEYS.map((k) => groupLabel(k, ctx)) },
    grid: { left: 8, right: 32, top: 40, bottom: shares ? 24 : 36, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => outcomeTooltip(p, rows, ctx, kind),
    },
    xAxis: shares
      ? { type: 'value', min: 0, max: maxShare(rows), axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }
      : { type: 'value', minInterval: 1, name: ctx.t('charts.count'), nameLocation: 'middle', nameGap: 26 },
    yAxis: {
      type: 'category',
      data: categories,
      inverse: true,
      axisLabel: { formatter: (v: string) => shortLabel(v, 12) },
    },
    dataZoom: height > 25
      ? [
          { type: 'slider', yAxisIndex: 0, right: 4, width: 14, startValue: 0, endValue: 24, filterMode: 'filter' },
          { type: 'inside', yAxisIndex: 0, filterMode: 'filter', zoomOnMouseWheel: false, moveOnMouseWheel: false },
        ]
      : [],
    series,
  }
}

/** 1 unless inconsistent data (outcomes summing above handled) needs more room. */
function maxShare(rows: readonly OutcomeRow[]): number {
  let m = 1
  for (const r of rows) {
    if (!hasHandled(r)) continue
    const s = OUTCOME_KEYS.reduce((acc, k) => acc + (outcomeShare(r, k) ?? 0), 0)
    if (s > m + 1e-9) m = s
  }
  return m === 1 ? 1 : Math.ceil(m * 10) / 10
}

export const outcomeShares = (rows: readonly OutcomeRow[], ctx: ChartCtx): EChartsOption => build(rows, ctx, { kind: 'shares' })
export const outcomeCounts = (rows: readonly OutcomeRow[], ctx: ChartCtx): EChartsOption => build(rows, ctx, { kind: 'counts' })

interface RenderParams { coordSys?: { x: number; y: number; width: number; height: number } }

/** Draws "—" plus a dashed outline across the row of a category without handled applications. */
export const renderNoHandled: CustomSeriesRenderItem = (params, api) => {
  const cs = (params as unknown as RenderParams).coordSys ?? { x: 0, y: 0, width: 100, height: 20 }
  const [, cy] = api.coord([0, api.value(0)])
  const sz = api.size ? api.size([0, 1]) : [0, 20]
  const h = Array.isArray(sz) ? sz[1] : sz
  const bh = Math.min(26, h * 0.7)
  const item = {
    type: 'group',
    children: [
      {
        type: 'rect',
        shape: { x: cs.x, y: cy - bh / 2, width: cs.width, height: bh },
        style: { fill: 'transparent', stroke: EMPTY_STROKE, lineDash: [4, 3] },
      },
      {
        type: 'text',
        style: { text: '—', x: cs.x + cs.width / 2, y: cy, align: 'center', verticalAlign: 'middle', fill: '#909399', fontSize: 14 },
      },
    ],
  }
  return item as CustomSeriesRenderItemReturn
}

interface ItemParam { seriesId?: string; dataIndex?: number; value?: unknown }

export function outcomeTooltip(p: unknown, rows: readonly OutcomeRow[], ctx: ChartCtx, kind: 'shares' | 'counts'): string {
  const q = p as ItemParam
  const idx = q.seriesId === 'no-handled' && Array.isArray(q.value) ? Number(q.value[0]) : Number(q.dataIndex)
  const r = rows[idx]
  if (!r) return ''
  const lines = [`<b>${escapeHtml(r.label)}</b>`]
  if (!hasHandled(r)) {
    lines.push(escapeHtml(ctx.t('charts.noHandledTip')))
    return lines.join('<br/>')
  }
  lines.push(`${escapeHtml(ctx.t('charts.handled'))}：<b>${escapeHtml(formatNumber(r.handled, ctx.locale))}</b>`)
  for (const key of OUTCOME_KEYS) {
    const count = r[key]
    const text = count == null
      ? ctx.t('charts.noValue')
      : kind === 'shares'
        ? `${formatPercent(outcomeShare(r, key), ctx.locale)}（${formatNumber(count, ctx.locale)}）`
        : formatNumber(count, ctx.locale)
    const line = tooltipLine(OUTCOME_COLORS[key], groupLabel(key, ctx), text)
    lines.push(q.seriesId === key ? `<u>${line}</u>` : line)
  }
  if (r.missingCells > 0) lines.push(escapeHtml(ctx.t('charts.missingCells', { n: r.missingCells })))
  return lines.join('<br/>')
}

export { NO_VALUE }
