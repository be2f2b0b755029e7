/**
 * Held-out variants: the same two reports (2021 and 2019 form, non-zero figures) in every layout
 * published pages use, with the title wordings and narrative figures of real reports, in simplified
 * and in traditional characters with pinyin glosses. Each reads exactly, with nothing in doubt.
 */
import { Converter } from 'opencc-js/cn2t'
import { describe, expect, it } from 'vitest'
import { parseReport, type ParsedReport } from '../../../../src/ingest/report'
import { ACTIVE_2019, ACTIVE_2021, APPS_2019, APPS_2021, REVIEWS_2019, REVIEWS_2021 } from './expected'
import { activeGrid, appsGrid, doubtful, grid, reviewsGrid } from './helpers'
import { formRows, render, type Doc, type Layout } from './variants'

const LAYOUTS: Layout[] = ['cellPerLineBlank', 'cellPerLine', 'pipes', 'pipeCellLines', 'lonePipeRows', 'tabs', 'spaces', 'html']
const TITLES: { title: string[]; narrative: string[]; unit: string; year: number; total: number | null; parent?: string }[] = [
  { title: ['宁陕县梅子镇人民政府2021年度政府信息公开工作年度报告'], narrative: ['2021年，全镇共主动公开政府信息135条。'], unit: '宁陕县梅子镇人民政府', year: 2021, total: 135, parent: '宁陕县' },
  { title: ['上湾乡人民政府2021年度政府信息公开年度工作报告'], narrative: ['本年度通过乡政府门户网站主动公开政府信息260余条。'], unit: '上湾乡人民政府', year: 2021, total: 260 },
  { title: ['株洲市荷塘区明照街道', '', '2021年政府信息公开工作年度报告'], narrative: ['2021年度，明照街道共计公开政务动态信息更新37条。'], unit: '株洲市荷塘区明照街道', year: 2021, total: 37, parent: '荷塘区' },
  { title: ['2021年湖口县卫生健康委员会信息公开年报'], narrative: ['2021年，我委累计主动公开政府信息493条。'], unit: '湖口县卫生健康委员会', year: 2021, total: 493, parent: '湖口县' },
  { title: ['标题：龙口镇2021年政府信息公开工作年度报告'], narrative: ['2021年，我镇主动公开政府信息151条，其中工作动态135条。'], unit: '龙口镇', year: 2021, total: 151 },
  { title: ['根据《中华人民共和国政府信息公开条例》，现向社会公布中村乡2021年度政府信息公开工作年度报告。'], narrative: ['全年通过门户网站主动公开政府信息近200条。'], unit: '中村乡', year: 2021, total: 200 },
  { title: ['信息公开'], narrative: ['2021年，我镇紧密结合工作实际，主动公开政府信息67条。', '如需咨询，请与柞水县凤凰镇人民政府党政办公室联系（电话：0914-4261352）。'], unit: '柞水县凤凰镇人民政府', year: 2021, total: 67, parent: '柞水县' },
]

const data2021 = { active: ACTIVE_2021, apps: APPS_2021, reviews: REVIEWS_2021 }
const data2019 = { active: ACTIVE_2019, apps: APPS_2019, reviews: REVIEWS_2019 }

function expectExact(r: ParsedReport, format: '2019' | '2021'): void {
  expect(r.format).toBe(format)
  const d = format === '2021' ? data2021 : data2019
  expect(grid(r.active)).toEqual(activeGrid(d.active))
  expect(grid(r.applications)).toEqual(appsGrid(d.apps))
  expect(grid(r.reviews)).toEqual(reviewsGrid(d.reviews))
  expect(doubtful(r).map((c) => `${c.row}|${c.column}: ${c.why}`)).toEqual([])
}

describe('held-out layouts × title wordings (2021 form)', () => {
  LAYOUTS.flatMap((layout) => TITLES.map((t) => [layout, t] as const)).forEach(([layout, t]) => {
    it(`${layout}: ${t.title.join(' / ')}`, () => {
      const doc: Doc = { title: t.title, narrative: t.narrative, ...formRows('2021', data2021) }
      const r = parseReport(layout === 'html' ? { html: render(doc, layout) } : { text: render(doc, layout) })
      expect([r.unitName, r.year, r.activeTotal, r.parentName ?? undefined]).toEqual([t.unit, t.year, t.total, t.parent])
      expectExact(r, '2021')
      expect(r.issues.filter((x) => x.severity === 'error')).toEqual([])
    })
  })
})

describe('held-out layouts, 2019 form in a 2020 report', () => {
  LAYOUTS.forEach((layout) => {
    it(layout, () => {
      const doc: Doc = { title: ['示例市生态环境局2020年政府信息公开工作年度报告'], narrative: ['2020年，共主动公开政府信息256条。'], ...formRows('2019', data2019) }
      // the 2019 form prints 采购总金额 without a unit: give it one here (unit-less amounts are flagged, tested elsewhere)
      const text = render(doc, layout).replace(/采购总金额(?!（)/g, '采购总金额（万元）')
      const r = parseReport(layout === 'html' ? { html: text } : { text })
      expect([r.unitName, r.year, r.activeTotal]).toEqual(['示例市生态环境局', 2020, 256])
      expectExact(r, '2019')
    })
  })
})

describe('traditional characters with pinyin glosses (a mirror site)', () => {
  const toTraditional = Converter({ from: 'cn', to: 'tw' })
  const gloss = (s: string): string => s.replace(/数/g, '数(shù)').replace(/镇/g, '镇(zhèn)')
  for (const layout of ['cellPerLineBlank', 'pipes', 'html'] as Layout[]) {
    it(`${layout}: read converted, same cells; the review keeps the original`, () => {
      const doc: Doc = { title: ['梅子镇2021年政府信息公开工作年度报告'], narrative: ['2021年，全镇共主动公开政府信息135条。'], ...formRows('2021', data2021) }
      const text = toTraditional(gloss(render(doc, layout)))
      expect(text).toContain('規章')
      const r = parseReport(layout === 'html' ? { html: text } : { text })
      expect([r.unitName, r.year, r.activeTotal, r.traditional]).toEqual(['梅子镇', 2021, 135, true])
      expectExact(r, '2021')
      expect(r.issues.map((x) => x.rule)).toContain('traditional')
    })
  }
})

describe('blank cells stay blank where the layout shows them', () => {
  for (const layout of ['pipes', 'tabs', 'html', 'lonePipeRows'] as Layout[]) {
    it(layout, () => {
      const apps = { ...APPS_2021, carried_in: [2, 0, '', 0, 0, 0, 2] }
      const doc: Doc = { title: ['青山区人民政府2021年政府信息公开工作年度报告'], narrative: ['共主动公开政府信息2108条。'], ...formRows('2021', { ...data2021, apps }) }
      const r = parseReport(layout === 'html' ? { html: render(doc, layout) } : { text: render(doc, layout) })
      expect(grid(r.applications)).toEqual({ ...appsGrid(APPS_2021), 'carried_in|research': null })
      expect(r.applications.find((c) => c.row === 'carried_in' && c.column === 'research')).toMatchObject({ kind: 'blank', confidence: 'certain' })
      expect(doubtful(r)).toEqual([])
    })
  }
})
