/**
 * Outcomes of handled applications (section 三, total column) per category (unit or year):
 * 100 % stacked shares of `handled`, and stacked counts. A category whose `handled` is 0 or
 * missing has no shares (undefined, not 0 %): it gets an explicit "—" mark instead of bars.
 */
import type { CustomSeriesRenderItem, CustomSeriesRenderItemReturn, EChartsOption } from 'echarts'
import { OUTCOME_GROUPS, type OutcomeGroup } from '../domain/format'
import { ratio } from '../domain/indicators'
import type { OutcomeRow } from '../queries/rows'
import { NO_VALUE, baseOption, cell, legendSpace, type Cell } from './common'
import { unitAxis } from './byUnit'
import { escapeHtml, formatNumber, formatPercent, tooltipLine } from './escape'
import { EMPTY_STROKE, OUTCOME_COLORS } from './theme'
import type { ChartCtx, ChartNote } from './types'

export const OUTCOME_KEYS: readonly OutcomeGroup[] = OUTCOME_GROUPS.map((g) => g.key)

const groupLabel = (key: OutcomeGroup, ctx: ChartCtx): string => {
  const g = OUTCOME_GROUPS.find((o) => o.key === key)
  return g ? (ctx.locale === 'en' ? g.en : g.zh) : key
}

const hasHandled = (r: OutcomeRow): boolean => r.handled != null && Number.isFinite(r.handled) && r.handled > 0

/**
 * Share of `handled` per group; null when handled is 0/missing or the group is missing. With the query's
 * `share_<group>` (over the reports whose every group is complete) that one is used.
 */
function outcomeShare(r: OutcomeRow, key: OutcomeGroup): number | null {
  if (!hasHandled(r)) return null
  const s = r[`share_${key}`]
  return s !== undefined ? (s != null && Number.isFinite(s) ? s : null) : ratio(r[key], r.handled)
}

export function outcomesNote(rows: readonly OutcomeRow[]): ChartNote {
  return {
    missing: rows.reduce((s, r) => s + (r.missingCells ?? 0), 0),
    notLoaded: rows.filter((r) => !hasHandled(r)).length,
  }
}

/** `by`: categories are units (items carry `unitCode`) or years (`year`); `highlight`: the picked category. */
export interface OutcomeOpts { by?: 'unit' | 'year'; highlight?: string | null }
interface Opts extends OutcomeOpts { kind: 'shares' | 'counts' }

function build(rows: readonly OutcomeRow[], ctx: ChartCtx, { kind, by = 'unit', highlight }: Opts): EChartsOption {
  const categories = rows.map((r) => r.label)
  // every item names its category, so a click picks it whatever rows the chart shows
  const item = (i: number, v: Cell) => ({
    value: v,
    ...(by === 'unit' ? { unitCode: rows[i].key } : { year: Number(rows[i].key) }),
    ...(highlight && rows[i].key !== highlight ? { itemStyle: { opacity: 0.3 } } : {}),
  })
  // "—" across a row without shares: nothing handled, or no report with a complete outcome table
  const noHandled = rows.map((r, i) => (hasHandled(r) && OUTCOME_KEYS.some((k) => outcomeShare(r, k) != null) ? -1 : i)).filter((i) => i >= 0)
  const shares = kind === 'shares'

  const series: NonNullable<EChartsOption['series']> = OUTCOME_KEYS.map((key) => {
    const data = rows.map((r, i) => item(i, shares ? cell(outcomeShare(r, key)) : cell(r[key])))
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
      data: noHandled.map((i) => ({ ...item(i, NO_VALUE), value: [i] })),
      encode: { y: 0 },
      renderItem: renderNoHandled,
      tooltip: { show: true },
      silent: false,
    })
  }

  return {
    ...baseOption(ctx),
    legend: { top: 0, type: 'plain', data: OUTCOME_KEYS.map((k) => groupLabel(k, ctx)) },
    grid: { left: 8, right: 32, top: legendSpace(OUTCOME_KEYS.map((k) => groupLabel(k, ctx))), bottom: shares ? 24 : 36, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => outcomeTooltip(p, rows, ctx, kind),
    },
    xAxis: shares
      ? { type: 'value', min: 0, max: maxShare(rows), axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }
      : { type: 'value', minInterval: 1, name: ctx.t('charts.count'), nameLocation: 'middle', nameGap: 26, axisLabel: { hideOverlap: true } },
    yAxis: unitAxis(categories),
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

export const outcomeShares = (rows: readonly OutcomeRow[], ctx: ChartCtx, opts: OutcomeOpts = {}): EChartsOption =>
  build(rows, ctx, { ...opts, kind: 'shares' })
export const outcomeCounts = (rows: readonly OutcomeRow[], ctx: ChartCtx, opts: OutcomeOpts = {}): EChartsOption =>
  build(rows, ctx, { ...opts, kind: 'counts' })

/**
 * Notes of an outcome chart: reports whose groups are incomplete (left out of a group's sum, and of the shares),
 * categories without anything handled, units without the table, units beyond the query's limit.
 */
export function outcomeNotes(rows: readonly OutcomeRow[], ctx: ChartCtx, kind: 'shares' | 'counts'): string[] {
  const out: string[] = []
  const miss = OUTCOME_KEYS.map((k) => [k, rows.reduce((a, r) => a + (r[`miss_${k}`] ?? 0), 0)] as const).filter(([, n]) => n > 0)
  if (kind === 'counts' && miss.length) {
    out.push(ctx.t('charts.groupsMissing', { list: miss.map(([k, n]) => ctx.t('charts.groupMissing', { group: groupLabel(k, ctx), n })).join(ctx.t('charts.listSep')) }))
  }
  const incomplete = rows.reduce((a, r) => a + (r.incomplete ?? 0), 0)
  if (kind === 'shares' && incomplete > 0) out.push(ctx.t('charts.sharesIncomplete', { n: incomplete }))
  const none = rows.filter((r) => !hasHandled(r)).length
  if (kind === 'shares' && none > 0) out.push(ctx.t('charts.noteNoHandled', { n: none }))
  const without = rows[0]?.unitsWithout ?? 0
  if (without > 0) out.push(ctx.t('charts.unitsWithoutTable', { n: without }))
  const total = rows[0]?.unitsTotal ?? 0
  if (total > rows.length) out.push(ctx.t('load.outcomesTop', { total, n: rows.length }))
  return out
}

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
  if (!hasHandled(r) || (kind === 'shares' && OUTCOME_KEYS.every((k) => outcomeShare(r, k) == null))) {
    lines.push(escapeHtml(ctx.t(hasHandled(r) ? 'charts.incompleteTip' : 'charts.noHandledTip')))
    return lines.join('<br/>')
  }
  lines.push(`${escapeHtml(ctx.t('charts.handled'))}${escapeHtml(ctx.t('charts.colon'))}<b>${escapeHtml(formatNumber(r.handled, ctx.locale))}</b>`)
  if (r.reports != null) lines.push(escapeHtml(ctx.t('charts.reportsN', { n: r.reports })))
  for (const key of OUTCOME_KEYS) {
    const count = r[key]
    const gap = r[`miss_${key}`] ?? 0
    const text = count == null
      ? ctx.t('charts.groupAbsent')
      : kind === 'shares'
        ? `${formatPercent(outcomeShare(r, key), ctx.locale)}${ctx.t('charts.paren', { x: formatNumber(count, ctx.locale) })}`
        : formatNumber(count, ctx.locale)
    const line = tooltipLine(OUTCOME_COLORS[key], groupLabel(key, ctx), gap > 0 && count != null ? `${text}${ctx.t('charts.groupGap', { n: gap })}` : text)
    lines.push(q.seriesId === key ? `<u>${line}</u>` : line)
  }
  if (r.missingCells > 0) lines.push(escapeHtml(ctx.t('charts.missingCells', { n: r.missingCells })))
  return lines.join('<br/>')
}
