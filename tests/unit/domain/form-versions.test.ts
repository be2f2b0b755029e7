/**
 * Form versions are data (src/domain/versions.ts): the year each starts, its rows and columns, how its measures
 * map, and a fake third version (2027) added through the public API showing up wherever a layout is asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  allActiveItems, allApplicationRows, expectedFormat, formFor, formVersions, measureFor, outcomeRowsFor, registerFormVersion,
} from '../../../src/domain'
import { formLayout } from '../../../src/components/report/layout'
import { buildGrids } from '../../../src/components/importer/grid'
import { detectFormat } from '../../../src/ingest/report/meta'
import { activeSpecs, applicationSpecs } from '../../../src/ingest/report/specs'
import { rowKey } from '../../../src/db/labels'
import { ANALYSIS_ROW, FORM_2027, PUBLIC_DATA } from './fake-2027'

const keys = (xs: readonly { key: string }[]): string[] => xs.map((x) => x.key)
const layoutRows = (format: string | null, year: number) => {
  const l = formLayout(format, year)
  return {
    version: l.version.id,
    active: l.active.flatMap((g) => keys(g.items)),
    applications: l.applications.flatMap((x) => (x.kind === 'row' ? [x.row.key] : [])),
    mapped: l.mapped,
  }
}

describe('the built-in versions (report-format.md)', () => {
  it('says which layout a report year should use', () => {
    expect([2018, 2019, 2020, 2021, 2026].map(expectedFormat)).toEqual([null, '2019', '2019', '2021', '2021'])
  })
  it('holds each layout’s rows: 其他处理 is one row in 2019 and three in 2021', () => {
    expect(keys(outcomeRowsFor('2019')).filter((k) => k.startsWith('other'))).toEqual(['other'])
    expect(keys(outcomeRowsFor('2021')).filter((k) => k.startsWith('other'))).toEqual(['other.no_correction', 'other.no_fee', 'other.other'])
    expect(keys(formFor(2020)!.activeItems)).toContain('procurement')
    expect(keys(formFor(2022)!.activeItems)).not.toContain('procurement')
  })
  it('maps 2019 measures onto 2021 ones, saying which are approximate', () => {
    expect(measureFor(formFor(2019)!, 'issued')).toEqual({ key: 'made', approximate: false })
    expect(measureFor(formFor(2019)!, 'in_force')).toEqual({ key: 'total_published', approximate: true })
    expect(measureFor(formFor(2019)!, 'repealed')).toBeNull()
    expect(measureFor(formFor(2021)!, 'repealed')).toEqual({ key: 'repealed', approximate: false })
  })
  it('lays out a report in its own version, or the one its year should use', () => {
    expect(layoutRows('2019', 2023)).toMatchObject({ version: '2019', mapped: true })
    expect(layoutRows(null, 2020).applications).toContain('other')
    expect(layoutRows(null, 2023)).toMatchObject({ version: '2021', mapped: false })
  })
})

describe('a fake third version registered through the domain', () => {
  let unregister: () => void
  beforeAll(() => { unregister = registerFormVersion(FORM_2027) })
  afterAll(() => unregister())

  it('starts in its year; earlier years keep their layouts', () => {
    expect(formVersions().map((v) => v.id)).toEqual(['2019', '2021', '2027'])
    expect([2020, 2026, 2027, 2030].map(expectedFormat)).toEqual(['2019', '2021', '2027', '2027'])
  })
  it('adds its rows to the form, in printed order', () => {
    expect(keys(allActiveItems())).toContain(PUBLIC_DATA.key)
    const all = keys(allApplicationRows())
    expect(all.indexOf(ANALYSIS_ROW.key)).toBe(all.indexOf('rejected.confirmation') + 1)
    expect(keys(outcomeRowsFor('2027'))).toContain(ANALYSIS_ROW.key)
    expect(keys(outcomeRowsFor('2021'))).not.toContain(ANALYSIS_ROW.key)
  })
  it('the report view lays out the new rows for a 2027 report and not for a 2026 one', () => {
    const r27 = layoutRows(null, 2027)
    expect(r27.version).toBe('2027')
    expect(r27.active.at(-1)).toBe('public_data')
    expect(r27.applications).toContain('rejected.analysis')
    const l27 = formLayout('2027', 2027)
    expect(l27.active.find((g) => g.items.some((i) => i.key === 'public_data'))?.group).toBe('第二十条第（十）项')
    const r26 = layoutRows(null, 2026)
    expect(r26.active).not.toContain('public_data')
    expect(r26.applications).not.toContain('rejected.analysis')
  })
  it('the importer review grid shows the new rows', () => {
    const [active, apps] = buildGrids('2027', [])
    expect(keys(active.rows)).toContain('public_data')
    expect(keys(apps.rows)).toContain('rejected.analysis')
  })
  it('the report importer looks for the new rows and recognises the layout from its labels', () => {
    expect(keys(activeSpecs('2027'))).toContain('public_data')
    expect(keys(applicationSpecs('2027'))).toContain('rejected.analysis')
    expect(detectFormat('本年制发件数 现行有效件数 公共数据资源', 2027)).toMatchObject({ format: '2027', doubtful: false })
    // 2021 labels alone fit 2021 and 2027: the year decides
    expect(detectFormat('本年制发件数 现行有效件数', 2023)).toMatchObject({ format: '2021', doubtful: false })
    expect(detectFormat('本年制发件数 现行有效件数', 2028)).toMatchObject({ format: '2027', doubtful: false })
  })
  it('bundle row labels of the new version are recognised', () => {
    expect(rowKey('active', '公共数据资源')).toBe('public_data')
    expect(rowKey('applications', '6.要求对政府信息进行加工分析')).toBe('rejected.analysis')
  })
  it('cannot be registered twice', () => {
    expect(() => registerFormVersion(FORM_2027)).toThrow(/already/)
  })
})

describe('after the fake version is removed', () => {
  it('the registry is the built-in one again', () => {
    expect(formVersions().map((v) => v.id)).toEqual(['2019', '2021'])
    expect(expectedFormat(2027)).toBe('2021')
    expect(rowKey('active', '公共数据资源')).toBeNull()
  })
})
