/**
 * Queries on a sparse bundle (scripts/lib/sparse.mjs: scattered years, partial tables, reports without section 三):
 * partial outcome groups are missing (never the sum of the rows that are there), units without the table are left
 * out and counted, shares stay within 100 %, the like-for-like options keep the same units, the ranking year has
 * enough units, and one value per unit follows the basis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSparseBundle } from '../../../scripts/lib/sparse.mjs'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import type { TableKind } from '../../../src/domain'
import { kpiChangeQuery, outcomesByUnitQuery, outcomesByYearQuery, panelInfoQuery, summaryWhere } from '../../../src/queries'
import { disclosureRateByUnitQuery, rankingQuery } from '../../../src/queries/analysis'
import { prepared } from '../../helpers/db'

const bundle = generateSparseBundle({ units: 40, seed: 'unit-sparse' })
const { partial } = bundle.manifest
let db: Db

beforeAll(async () => {
  db = await freshDb()
  await loadTables(db, Object.entries(bundle.files).map(([name, text]) => prepared(name, name.replace('.csv', '') as TableKind, text)))
}, 120_000)
afterAll(async () => { await db?.close() })

const q = async <T = Record<string, unknown>>(sql: string): Promise<T[]> => (await db.query(sql)) as T[]

describe('sparse bundle: outcomes by unit and by year', () => {
  it('the generator left groups partial, tables out and years scattered', async () => {
    expect(partial.absentRows.length + partial.blankTotals.length).toBeGreaterThan(3)
    expect(partial.noApplications.length).toBeGreaterThan(3)
    const [r] = await q<{ one: number }>('SELECT count(*) FILTER (WHERE n = 1)::INTEGER AS one FROM (SELECT unit_code, count(*) AS n FROM summary GROUP BY unit_code)')
    expect(r.one).toBeGreaterThan(10)
  })

  it('a group with absent or blank rows is missing for a unit whose every report has it so — not a sum', async () => {
    const rows = await runQuery(db, outcomesByUnitQuery({}))
    const byUnit = new Map(rows.map((r) => [r.key, r]))
    const partialOf = new Map<string, Set<string>>()
    for (const p of [...partial.absentRows, ...partial.blankTotals]) {
      const k = `${p.unit_code}|${p.group}`
      partialOf.set(k, (partialOf.get(k) ?? new Set()).add(String(p.year)))
    }
    let checked = 0
    for (const [k, years] of partialOf) {
      const [unit, group] = k.split('|')
      const [{ n }] = await q<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM summary WHERE unit_code = '${unit}' AND has_applications`)
      const r = byUnit.get(unit)!
      expect(r[`miss_${group}` as 'miss_withheld'], k).toBe(years.size)
      if (n === years.size) { expect(r[group as 'withheld'], k).toBeNull(); checked++ }
    }
    expect(checked).toBeGreaterThan(0)
  })

  it('units without a section 三 table are left out and counted', async () => {
    const rows = await runQuery(db, outcomesByUnitQuery({}))
    const [{ n }] = await q<{ n: number }>('SELECT count(*)::INTEGER AS n FROM (SELECT unit_code FROM summary GROUP BY unit_code HAVING NOT bool_or(has_applications))')
    expect(n).toBeGreaterThan(0)
    expect(rows[0].unitsWithout).toBe(n)
    const [{ u }] = await q<{ u: number }>('SELECT count(DISTINCT unit_code)::INTEGER AS u FROM summary WHERE has_applications')
    expect(rows.length).toBe(u)
    const rates = await runQuery(db, disclosureRateByUnitQuery({}))
    expect(rates.length).toBe(u)
    expect(rates[0].unitsWithout).toBe(n)
  })

  it('shares are over complete reports only: never above 100 %', async () => {
    for (const rows of [await runQuery(db, outcomesByUnitQuery({})), await runQuery(db, outcomesByYearQuery({}))]) {
      for (const r of rows) {
        const sum = ['granted', 'partial', 'withheld', 'unavailable', 'rejected', 'other'].reduce((a, g) => a + (r[`share_${g}` as 'share_granted'] ?? 0), 0)
        expect(sum, r.key).toBeLessThanOrEqual(1 + 1e-9)
      }
    }
  })

  it('the latest-year basis takes one report per unit', async () => {
    const rows = await runQuery(db, outcomesByUnitQuery({}, { basis: { kind: 'latest' } }))
    expect(rows.every((r) => r.reports === 1)).toBe(true)
    const y = await runQuery(db, outcomesByUnitQuery({}, { basis: { kind: 'year', year: 2022 } }))
    const [{ n }] = await q<{ n: number }>('SELECT count(DISTINCT unit_code)::INTEGER AS n FROM summary WHERE year = 2022 AND has_applications')
    expect(y.length).toBe(n)
  })
})

describe('sparse bundle: like for like', () => {
  it('"same units in every year" keeps exactly the units with data in every year of the range', async () => {
    const f = { yearFrom: 2021, yearTo: 2022, panel: true }
    const [info] = await runQuery(db, panelInfoQuery(f))
    const want = await q<{ unit_code: string }>(`SELECT unit_code FROM summary WHERE year BETWEEN 2021 AND 2022 GROUP BY unit_code HAVING count(DISTINCT year) = 2`)
    expect(info.units).toBe(want.length)
    expect(info.years).toBe(2)
    const w = summaryWhere(f, 's')
    const got = (await db.query(`SELECT DISTINCT s.unit_code FROM summary s ${w.sql}`, w.params)).map((r) => r.unit_code)
    expect(got.sort()).toEqual(want.map((r) => r.unit_code).sort())
  })

  it('headline change: the latest year with enough reports, only units stating the figure in both years', async () => {
    const [c] = await runQuery(db, kpiChangeQuery({}))
    const years = await q<{ year: number; n: number }>('SELECT year::INTEGER AS year, count(*)::INTEGER AS n FROM summary GROUP BY year ORDER BY year')
    const max = Math.max(...years.map((y) => y.n))
    const settled = years.filter((y) => y.n >= Math.min(3, max) && y.n * 2 >= max).at(-1)!.year
    expect(c.year).toBe(settled)
    expect(c.latestYear).toBe(years.at(-1)!.year)
    expect(c.latestReports).toBe(years.at(-1)!.n)
    const [w] = await q<{ n: number; a1: number; a0: number }>(`SELECT count(*)::INTEGER AS n, sum(c.active_total)::DOUBLE AS a1, sum(p.active_total)::DOUBLE AS a0
      FROM summary c JOIN summary p ON p.unit_code = c.unit_code AND p.year = c.year - 1
      WHERE c.year = ${settled} AND c.active_total IS NOT NULL AND p.active_total IS NOT NULL`)
    expect(c.activeUnits).toBe(w.n)
    expect(c.activeNow).toBe(w.n ? w.a1 : null)
    expect(c.activePrev).toBe(w.n ? w.a0 : null)
  })

  it('the ranking year is the latest with at least half the units of the fullest year', async () => {
    const rows = await runQuery(db, rankingQuery({}, 'active_total'))
    const years = await q<{ year: number; n: number }>('SELECT year::INTEGER AS year, count(active_total)::INTEGER AS n FROM summary GROUP BY year ORDER BY year')
    const max = Math.max(...years.map((y) => y.n))
    const want = years.filter((y) => y.n >= Math.min(3, max) && y.n * 2 >= max).at(-1)!.year
    expect(rows[0].year).toBe(want)
    expect(rows[0].yearUnits).toBe(years.find((y) => y.year === want)!.n)
    expect(rows[0].latestYear).toBe(years.at(-1)!.year)
  })
})
