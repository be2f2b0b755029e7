/** The HTML converter, title/format/total detection on their own. */
import { describe, expect, it } from 'vitest'
import { htmlToLines } from '../../../../src/ingest/report'
import { decodeEntities } from '../../../../src/ingest/report/html'
import { detectFormat, findActiveTotal, findTitle } from '../../../../src/ingest/report/meta'
import { textToLines } from '../../../../src/ingest/report/tokens'

describe('htmlToLines', () => {
  it('splits rows into cells, skips cells covered by a rowspan, keeps blank cells, strips tags', () => {
    const lines = htmlToLines(`<p>标题&nbsp;一</p>
<table><tr><td rowspan="2">A</td><td colspan="2"><b>B</b></td></tr>
<tr><td>1</td><td></td></tr>
<tr><td>x</td><td colspan="2">/</td></tr></table><p>尾</p>`)
    expect(lines.map((l) => [l.line, l.cells?.map((c) => c.text) ?? l.text])).toEqual([
      [1, '标题 一'], [2, ['A', 'B']], [3, ['1', '']], [4, ['x', '/', '/']], [4, '尾'],
    ])
  })

  it('joins words broken by <br>/<p> inside a cell, ignores script/style and comments', () => {
    const lines = htmlToLines('<!DOCTYPE html><![if !supportMisalignedColumns]><style>td{}</style><script>var s="<td>9</td>"</script><!-- <td>8</td> --><table><tr><td>商业<br/>企业<o:p></o:p></td><td><p>科研</p><p>机构</p></td></tr></table>')
    expect(lines).toEqual([{ text: '商业企业 科研机构', line: 1, cells: [{ text: '商业企业', line: 1 }, { text: '科研机构', line: 1 }] }])
  })

  it('decodes named and numeric entities', () => {
    expect(decodeEntities('&ldquo;三安全一稳定&rdquo;&#20013;&#x6587;&amp;&bogus;')).toBe('“三安全一稳定”中文&&bogus;')
  })
})

describe('title', () => {
  const t = (s: string, f?: string) => findTitle(textToLines(s), f)
  it('unit before the year, year before the unit, file name fallback', () => {
    expect(t('浓桥镇2023年政府信息公开工作年度报告\n正文')).toMatchObject({ unitName: '浓桥镇', year: 2023, line: 1 })
    expect(t('\n  2022年度示例县人民政府信息公开工作年度报告')).toMatchObject({ unitName: '示例县人民政府', year: 2022, line: 2 })
    expect(t('关于《某某局2021年政府信息公开工作年度报告》')).toMatchObject({ unitName: '某某局', year: 2021 })
    expect(t('没有标题', '城关镇2020年报.txt')).toMatchObject({ unitName: '城关镇', year: 2020, line: null })
    expect(t('没有标题')).toMatchObject({ unitName: null, year: null })
    expect(t('浓桥镇人民政府\n2023年政府信息公开工作年度报告')).toMatchObject({ unitName: '浓桥镇人民政府', year: 2023, line: 2 })
    expect(t('2023年政府信息公开工作年度报告')).toMatchObject({ unitName: null, year: 2023 })
  })
})

describe('format detection', () => {
  it('by labels first, year second (flagged)', () => {
    expect(detectFormat('本年制发件数 现行有效件数', 2020)).toMatchObject({ format: '2021', doubtful: false })
    expect(detectFormat('本年新制作数量 政府集中采购', 2023)).toMatchObject({ format: '2019', doubtful: false })
    expect(detectFormat('信息内容', 2020)).toMatchObject({ format: '2019', doubtful: true })
    expect(detectFormat('本年制发件数 现行有效件数 政府集中采购', 2022)).toMatchObject({ format: '2021', doubtful: true })
    expect(detectFormat('', null)).toMatchObject({ format: null, doubtful: true })
  })
})

describe('active-disclosure total', () => {
  const at = (s: string) => findActiveTotal(textToLines(s))
  it.each([
    ['2023年，共公开信息43条。', 43, '共公开信息43条'],
    ['本年度主动公开政府信息43条。', 43, '本年度主动公开政府信息43条'],
    ['全年累计主动公开各类信息1,234条', 1234, '全年累计主动公开各类信息1,234条'],
    ['主动公开政府信息共计５１２条。', 512, '主动公开政府信息共计512条'],
  ])('%s', (s, value, evidence) => {
    expect(at(s)).toMatchObject({ value, evidence, confidence: 'certain' })
  })
  it('a breakdown figure alone is doubtful; none at all is null', () => {
    expect(at('其中通过政府网站主动公开重点领域信息5条。')).toMatchObject({ value: 5, confidence: 'doubtful' })
    expect(at('无相关信息。')).toBeNull()
  })
})
