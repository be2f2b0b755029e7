/**
 * The figure registry is complete: every registered chart has a query, an option builder, click semantics and a
 * title in both languages, and every module-level function its options carry is an export function of its family
 * (else a briefing-pack export of it breaks after a reload, and a click on it does not pick what it shows).
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EChartsOption } from 'echarts'
import { CHARTS, FIGURES, exportFunctions, pickOf } from '../../../src/figures'
import { messages } from '../../../src/i18n'
import { createTranslate } from '../../../src/i18n/translate'
import type { ChartCtx } from '../../../src/charts/types'
import type { ActiveByUnitYearRow, OutcomeRow } from '../../../src/queries/rows'

const ctx: ChartCtx = { t: createTranslate('zh-CN'), locale: 'zh-CN' }
const FILTERS = { unitCodes: ['A'], yearFrom: 2021, yearTo: 2023 }

const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined), tree)

/** Rows that make each family draw everything it can (the marks drawn by its export functions included). */
const active = (unitCode: string, year: number, activeTotal: number | null): ActiveByUnitYearRow =>
  ({ unitCode, unitName: `${unitCode} 县`, parentName: null, year, activeTotal })
const outcome = (key: string, v: Partial<OutcomeRow>): OutcomeRow =>
  ({ key, label: key, granted: 1, partial: 0, withheld: 0, unavailable: 0, rejected: 0, other: 0, handled: 1, missingCells: 0, reports: 1, ...v })
const SAMPLES: Record<string, unknown[]> = {
  activeVolume: [active('A', 2021, 10), active('A', 2022, null), active('B', 2022, 4)],
  outcomes: [outcome('2021', {}), outcome('2022', { handled: 0, granted: 0 })],
}

/** Every function of a custom series (drawn marks): these cannot be recorded by their answers. */
function renderItems(o: EChartsOption): unknown[] {
  const series = Array.isArray(o.series) ? o.series : o.series ? [o.series] : []
  return series.flatMap((s) => {
    const r = (s as { renderItem?: unknown }).renderItem
    return typeof r === 'function' ? [r] : []
  })
}

describe('figure registry', () => {
  it('has one folder per registered family and one family per folder', () => {
    const dir = join(__dirname, '../../../src/figures')
    const folders = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).sort()
    expect(FIGURES.map((f) => f.family).sort()).toEqual(folders)
  })

  it('names every chart id once', () => {
    const ids = FIGURES.flatMap((f) => Object.keys(f.charts))
    expect(ids.length).toBeGreaterThan(0)
    expect(new Set(ids).size).toBe(ids.length)
    expect(CHARTS.size).toBe(ids.length)
  })

  for (const fig of FIGURES) {
    describe(fig.family, () => {
      it('has charts and export functions', () => {
        expect(Object.keys(fig.charts).length).toBeGreaterThan(0)
        expect(fig.exportFunctions).toBeTypeOf('object')
        for (const f of Object.values(fig.exportFunctions)) expect(f).toBeTypeOf('function')
      })

      for (const [id, c] of Object.entries(fig.charts)) {
        it(`${id}: query, option builder, click semantics, title in zh-CN and en`, () => {
          const q = c.query(FILTERS)
          expect(q.sql).toMatch(/\bSELECT\b/i)
          expect(Array.isArray(q.params)).toBe(true)
          expect(c.option([], ctx)).toBeTypeOf('object')
          expect(['unit', 'year', 'both']).toContain(c.pick)
          expect(pickOf(id)).toBe(c.pick)
          for (const locale of ['zh-CN', 'en'] as const) {
            const title = lookup(messages[locale], c.title)
            expect(title, `${id} title ${c.title} in ${locale}`).toBeTypeOf('string')
            expect((title as string).trim()).not.toBe('')
          }
        })

        it(`${id}: every drawn mark's function is an export function of its family`, () => {
          const own = new Set(Object.values(fig.exportFunctions))
          for (const rows of [[], SAMPLES[fig.family] ?? []]) {
            for (const f of renderItems(c.option(rows, ctx))) expect(own.has(f as never), `${id}: renderItem not registered`).toBe(true)
          }
        })
      }

      it('every export function is drawn by one of its charts (none stale)', () => {
        const drawn = new Set(Object.values(fig.charts).flatMap((c) => renderItems(c.option(SAMPLES[fig.family] ?? [], ctx))))
        for (const [name, f] of Object.entries(fig.exportFunctions)) expect(drawn.has(f), `${fig.family}.${name}`).toBe(true)
      })
    })
  }

  it('export function names are unique across families (a saved pack restores by name)', () => {
    const names = FIGURES.flatMap((f) => Object.keys(f.exportFunctions))
    expect(new Set(names).size).toBe(names.length)
    expect(Object.keys(exportFunctions).sort()).toEqual([...names].sort())
  })

  it('click semantics: heatmaps pick a unit and a year, the by-year outcome chart a year', () => {
    expect(pickOf('active-heatmap')).toBe('both')
    expect(pickOf('active-unit-heatmap')).toBe('both')
    expect(pickOf('outcome-shares-year')).toBe('year')
    expect(pickOf('active-bars')).toBe('unit')
  })
})
