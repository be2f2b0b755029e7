/**
 * Realistic variants for the layout tests: one report's rows (the form's order, group headings,
 * header rows, values — non-zero, so a cell in the wrong column shows) rendered in each layout
 * published pages use. Built from the domain's form, never from one page's spacing.
 */
import { ACTIVE_ITEMS_2019, ACTIVE_ITEMS_2021, ACTIVE_MEASURES_2019, ACTIVE_MEASURES_2021, APPLICATION_ROWS, type FormatVersion } from '../../../../src/domain/format'

export interface FormData { active: Record<string, Record<string, number | string>>; apps: Record<string, (number | string)[]>; reviews: (number | string)[] }
/** A printed row: label cells (group headings first) and value cells; `head` rows hold header words. */
interface Row { labels: string[]; cells: string[] }
export interface Doc { title: string[]; narrative: string[]; active: Row[]; apps: Row[]; reviews: Row[] }

const GROUPS: Record<string, string> = { withheld: '（三）不予公开', unavailable: '（四）无法提供', rejected: '（五）不予处理', other: '（六）其他处理' }

export function formRows(format: FormatVersion, d: FormData): Pick<Doc, 'active' | 'apps' | 'reviews'> {
  const items = format === '2021' ? ACTIVE_ITEMS_2021 : ACTIVE_ITEMS_2019
  const measures = format === '2021' ? ACTIVE_MEASURES_2021 : ACTIVE_MEASURES_2019
  const active: Row[] = []
  let group = ''
  for (const it of items) {
    if (it.group !== group) {
      group = it.group
      active.push({ labels: [group], cells: [] })
      active.push({ labels: ['信息内容'], cells: it.measures.map((m) => measures.find((x) => x.key === m)!.zh) })
    }
    active.push({ labels: [it.zh], cells: it.measures.map((m) => String(d.active[it.key]?.[m] ?? '')) })
  }
  const apps: Row[] = [
    { labels: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'], cells: ['申请人情况'] },
    { labels: [], cells: ['自然人', '法人或其他组织', '总计'] },
    { labels: [], cells: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] },
  ]
  const rows = APPLICATION_ROWS.filter((r) => r.formats.includes(format))
  rows.forEach((r, i) => {
    const g = r.key.includes('.') ? r.key.split('.')[0] : null
    const labels = g && !rows[i - 1]?.key.startsWith(`${g}.`) ? [GROUPS[g], r.zh] : r.key === 'granted' ? ['三、本年度办理结果', r.zh] : [r.zh]
    apps.push({ labels, cells: d.apps[r.key].map(String) })
  })
  const reviews: Row[] = [
    { labels: [], cells: ['行政复议', '行政诉讼'] },
    { labels: [], cells: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'] },
    { labels: [], cells: Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat() },
    { labels: [], cells: d.reviews.map(String) },
  ]
  return { active, apps, reviews }
}

export type Layout = 'cellPerLineBlank' | 'cellPerLine' | 'pipes' | 'pipeCellLines' | 'lonePipeRows' | 'tabs' | 'spaces' | 'html'

const HEADINGS = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']

export function render(doc: Doc, layout: Layout): string {
  const out: string[] = [...doc.title, '', '一、总体情况', ...doc.narrative]
  const sections = [doc.active, doc.apps, doc.reviews]
  if (layout === 'html') {
    const html = ['<html><body>', ...doc.title.map((t) => `<h1>${t}</h1>`), '<p>一、总体情况</p>', ...doc.narrative.map((t) => `<p>${t}</p>`)]
    sections.forEach((rows, s) => {
      html.push(`<p>${HEADINGS[s]}</p>`, '<table border="1">')
      for (const r of rows) html.push(`<tr>${r.labels.map((l) => `<td>${l}</td>`).join('')}${r.cells.map((c) => `<td>${c === '' ? '&nbsp;' : c}</td>`).join('')}</tr>`)
      html.push('</table>')
    })
    html.push('<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>')
    return html.join('\n')
  }
  sections.forEach((rows, s) => {
    out.push(HEADINGS[s])
    for (const r of rows) {
      const cells = [...r.labels, ...r.cells]
      switch (layout) {
        case 'cellPerLineBlank': for (const c of cells) out.push('', c); break
        case 'cellPerLine': for (const c of cells) out.push(c); break
        case 'pipes': out.push(`| ${cells.join(' | ')} |`); break
        case 'pipeCellLines': out.push(...cells.map((c) => `${c} |`), '|||'); break
        case 'lonePipeRows': out.push('|', ...cells.map((c) => `${c} |`)); break
        case 'tabs': out.push(cells.join('\t')); break
        case 'spaces': out.push(cells.map((c) => c || '　').join('    ')); break
      }
    }
    if (layout === 'cellPerLineBlank') out.push('')
  })
  out.push('五、存在的主要问题及改进情况', '无。')
  return out.join('\n')
}

/** The damage archives do to a page (tests/unit/ingest/report/damage.test.ts): a row, a header row or a heading gone, a label wrapped, the text cut. */
export function damaged(format: FormatVersion, data: FormData, layout: Layout, cut: number, dropRow: number, dropHeading: boolean, dropHeader: number, wrapRow: number): string {
  const rows = formRows(format, data)
  const apps = rows.apps.filter((_, i) => i !== dropRow + 3)
  if (dropHeader && dropHeader < 3) apps.splice(dropHeader, 1)
  const w = apps[3 + (wrapRow % (apps.length - 3))]
  if (w && w.labels.length) { const l = w.labels[w.labels.length - 1]; w.labels[w.labels.length - 1] = `${l.slice(0, 3)}\n${l.slice(3)}` }
  const doc: Doc = { title: ['示例镇2021年政府信息公开工作年度报告'], narrative: ['共主动公开政府信息12条。'], active: rows.active, apps, reviews: rows.reviews }
  let text = render(doc, layout)
  if (dropHeading) text = text.replace(/三、收到和处理政府信息公开申请情况/, '')
  return text.slice(0, Math.floor(text.length * cut))
}
