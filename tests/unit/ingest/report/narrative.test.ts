/**
 * What real reports do outside the table cells: stated totals in their real wordings (approximate
 * 余/多/近, a cut 260余), stated counts checked against the table, amounts in 元 or with no unit,
 * a missing section-四 heading, the titles of real reports.
 */
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../../src/ingest/report'
import { findActiveTotal } from '../../../../src/ingest/report/narrative'
import { findTitle } from '../../../../src/ingest/report/title'
import { textToLines } from '../../../../src/ingest/report/tokens'
import { fixture, parseFixture } from './helpers'

const at = (s: string) => findActiveTotal(textToLines(s))
const title = (s: string, f?: string) => findTitle(textToLines(s), f)

describe('stated active total', () => {
  it.each([
    ['全年通过门户网站主动公开政府信息260余', 260, true],
    ['街道总计主动公开信息近200条，含政务动态类信息40余条。', 200, true],
    ['2022年，我镇主动公开政府信息151条，其中部门文件信息公开12条，工作动态类信息(含通知公告)135条。', 151, false],
    ['通过政府网站公开信息135条。', 135, false],
  ])('%s → %i (approximate: %s)', (s, value, approximate) => {
    expect(at(s)).toMatchObject({ value, approximate })
  })
  it('an approximate total is doubtful; applications are not the active total', () => {
    expect(at('主动公开政府信息260余条')).toMatchObject({ value: 260, confidence: 'doubtful' })
    expect(at('收到依申请公开政府信息3件。')).toBeNull()
  })
})

describe('titles of real reports', () => {
  it.each([
    ['上湾乡人民政府2019年度政府信息公开年度工作报告', '上湾乡人民政府', 2019],
    ['2022年湖口县卫生健康委员会信息公开年报', '湖口县卫生健康委员会', 2022],
    ['标题：龙口镇2022年政府信息公开工作年度报告', '龙口镇', 2022],
    ['Page 9 - 2020年报_审计局', '审计局', 2020],
    ['根据《关于做好2024年度政府信息公开工作年度报告编制公布工作的通知》要求，现将我局2023年度政府信息公开情况报告如下。', null, 2023],
  ])('%s', (s, unit, year) => {
    expect(title(s)).toMatchObject({ unitName: unit, year })
  })
  it('no title: the year from the narrative, the unit from the contact line, the parent from the name', () => {
    expect(title('2021年，我镇认真贯彻…\n如需咨询，请与柞水县凤凰镇人民政府党政办公室联系。')).toMatchObject({
      unitName: '柞水县凤凰镇人民政府', year: 2021, unitSource: 'narrative', parentName: '柞水县', level: '乡镇' })
    expect(title('浓桥镇2023年政府信息公开工作年度报告\n2023年，共公开信息43条。其中，通过抚远市门户网站政府信息公开专栏进行分类公开3条。'))
      .toMatchObject({ unitName: '浓桥镇', parentName: '抚远市' })
  })
})

describe('the table against the narrative, amounts and a missing heading', () => {
  const md = fixture('shixian-2022-markdown.md')
  const parse = (text: string) => parseReport({ text, fileName: 'x.md' })

  it('a stated count that differs from the table is a warning naming both lines', () => {
    const r = parse(md.replace('一、总体情况', '一、总体情况\n全年共收到政府信息公开申请30件。'))
    const i = r.issues.find((x) => x.rule === 'narrative_mismatch')!
    expect(i.message).toMatch(/正文写“收到政府信息公开申请30件”，但第\d+行表格“本年新收政府信息公开申请数量”的“总计”为26/)
  })

  it('an amount in 元 is converted to 万元 and noted; an amount with no unit is doubtful', () => {
    const yuan = parse(md.replace(/\| 行政事业性收费 \| 12\.5 \|/, '| 行政事业性收费 | 125000元 |'))
    expect(yuan.active.find((c) => c.row === 'admin_fees')).toMatchObject({ value: 12.5, amountUnit: '元', confidence: 'certain' })
    expect(yuan.issues.find((x) => x.rule === 'amount_unit')!.message).toContain('已换算为12.5万元')
    const bare = parse(md.replace(/本年收费金额[^|]*/, '本年收费金额 '))
    expect(bare.active.find((c) => c.row === 'admin_fees')).toMatchObject({ value: 12.5, amountUnit: null, confidence: 'doubtful' })
  })

  it('the 2019 procurement amount printed "152790元" (real case) is 15.279 万元', () => {
    const r = parseFixture('huanbao-2020-spaces-2019format.txt', (t) => t.replace('政府集中采购 6 138.6', '政府集中采购 6 152790元'))
    expect(r.active.find((c) => c.column === 'procurement_amount')).toMatchObject({ value: 15.279, amountUnit: '元', raw: '152790元' })
  })

  it('without the 四 heading, 4.保护第三方合法权益 stays a row of 三 and section 四 is still read', () => {
    const r = parse(md.replace('四、政府信息公开行政复议、行政诉讼情况', ''))
    expect(r.applications.filter((c) => c.row === 'withheld.third_party').map((c) => c.value)).toEqual([1, 0, 0, 0, 0, 0, 1])
    expect(r.reviews.map((c) => c.value)).toEqual([2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1])
    expect(r.issues.map((i) => i.rule)).toEqual(['missing_heading'])
  })
})
