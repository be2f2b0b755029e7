/**
 * Province scale: activeByUnitYearQuery returns the largest units one by one and the rest merged
 * per year; the bars' note under the axis (not a bar: it would set the scale) and the chart note count
 * the merged units exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activeVolumeBars, activeVolumeHeatmap, activeVolumeMerged, activeVolumeNote, activeVolumeNotes, activeVolumeTableRows, activeVolumeUnitCount,
} from '../../../src/charts/activeVolume'
import { SUM_BASIS } from '../../../src/queries/basis'
import { optionToTable } from '../../../src/export/table'
import type { ChartCtx } from '../../../src/charts/types'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import { createTranslate } from '../../../src/i18n/translate'
import { activeByUnitYearQuery, outcomesByUnitQuery } from '../../../src/queries'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'
import { valueExtent } from '../../helpers/echarts'

const ctx: ChartCtx = { t: createTranslate('zh-CN'), locale: 'zh-CN' }

// A 100 (2022, 2023), B 50 + 40, C 10 + blank, D 5 (2023 only: no 2022 report)
const REPORTS = csv('unit_code,unit_name,year,active_total',
  'A,甲镇,2022,100', 'A,甲镇,2023,100', 'B,乙镇,2022,50', 'B,乙镇,2023,40',
  'C,丙镇,2022,10', 'C,丙镇,2023,', 'D,丁镇,2023,5')

describe('active volume by unit beyond the row limit', () => {
  let db: Db
  beforeAll(async () => {
    db = await freshDb()
    // section 三 for every unit (outcomes by unit list units with the table only)
    const apps = csv(APP_HEADER, ...['A', 'B', 'C', 'D'].flatMap((u, i) => appLines(u, 2023, { received: 4 - i, granted: 4 - i, handled: 4 - i })))
    await loadTables(db, [prepared('reports.csv', 'reports', REPORTS), prepared('applications.csv', 'applications', apps)])
  }, 60_000)
  afterAll(async () => { await db.close() })

  it('all units one by one when under the limit (no merged rows)', async () => {
    const rows = await runQuery(db, activeByUnitYearQuery({}))
    expect(rows).toHaveLength(7)
    expect(activeVolumeMerged(rows)).toBe(0)
    expect(activeVolumeNote(rows)).toEqual({ missing: 1, notLoaded: 1 })
  })

  it('the two largest units, the other two merged per year', async () => {
    const rows = await runQuery(db, activeByUnitYearQuery({}, { maxUnits: 2 }))
    expect(rows.filter((r) => r.mergedUnits == null).map((r) => `${r.unitCode}${r.year}`)).toEqual(['A2022', 'A2023', 'B2022', 'B2023'])
    const merged = rows.filter((r) => r.mergedUnits != null).map((r) => [r.year, r.activeTotal, r.mergedUnits, r.mergedReports, r.mergedMissing])
    expect(merged).toEqual([[2022, 10, 2, 1, 0], [2023, 5, 2, 2, 1]])
    expect(activeVolumeMerged(rows)).toBe(2)
    // the same note as with every unit listed: one blank total (C 2023), one unit-year without a report (D 2022)
    expect(activeVolumeNote(rows)).toEqual({ missing: 1, notLoaded: 1 })
    // the bars are the two units only: the merged rest is not a bar and does not set the value axis …
    const bars = activeVolumeBars(rows, ctx) as { yAxis: { data: string[] }; series: { data: unknown[] }[] }
    expect(bars.yAxis.data).toEqual(['甲镇', '乙镇'])
    const v = (d: unknown): unknown => (d && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d)
    expect(bars.series.map((s) => s.data.map(v))).toEqual([[100, 50], [100, 40]])
    expect(valueExtent(bars, 'xAxis')[1]).toBe(200) // 甲镇's two years stacked
    // … its exact figures per year are written in the notes (every export carries them) and exported as the table's last row
    expect(activeVolumeNotes(rows, SUM_BASIS, ctx).at(-1)).toBe('其余 2 个单位合计（不画成柱，以免压低各单位的刻度）：2022 年 10；2023 年 5')
    expect(optionToTable(bars).rows.map((r) => Object.values(r)))
      .toEqual([['甲镇', 100, 100], ['乙镇', 50, 40], ['其他（2 个单位）', 10, 5]])
    // the heatmap lists only the units that came one by one
    const heat = activeVolumeHeatmap(rows, ctx) as { yAxis: { data: string[] } }
    expect(heat.yAxis.data).toHaveLength(2)
    expect(activeVolumeUnitCount(rows)).toBe(2)
    // the data table names the merged rows like the bar
    expect(activeVolumeTableRows(rows, ctx).filter((r) => r.mergedUnits != null).map((r) => [r.unitName, r.year, r.activeTotal]))
      .toEqual([['其他（2 个单位）', 2022, 10], ['其他（2 个单位）', 2023, 5]])
  })

  it('filters apply before ranking', async () => {
    const rows = await runQuery(db, activeByUnitYearQuery({ yearFrom: 2023 }, { maxUnits: 1 }))
    expect(rows.filter((r) => r.mergedUnits == null).map((r) => r.unitCode)).toEqual(['A'])
    expect(rows.filter((r) => r.mergedUnits != null).map((r) => [r.year, r.activeTotal, r.mergedUnits])).toEqual([[2023, 45, 3]])
  })

  it('outcomes by unit: the largest units, with how many there are in all', async () => {
    const rows = await runQuery(db, outcomesByUnitQuery({}, { limit: 2 }))
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r.unitsTotal)).toEqual([4, 4])
  })
})
