/**
 * Who reports and for which year: from the title in its real wordings (…工作年度报告, …年度工作报告,
 * …信息公开年报, a two-line title, the year first, 2020年报_审计局), else from the narrative (请与…联系,
 * "2023年，我镇…", 统计期限自2023年1月1日), else from the file name. The parent unit comes from the
 * unit's own name (宁陕县梅子镇 → 宁陕县) or from the narrative (通过抚远市门户网站). Notice titles
 * (《关于做好2023年度政府信息公开工作年度报告编制…的通知》) are not the report's title.
 */
import type { SrcLine } from './types'

type MetaSource = 'title' | 'narrative' | 'file'
export interface TitleInfo {
  unitName: string | null
  year: number | null
  /** Line of the title (or of the narrative phrase the unit/year came from). */
  line: number | null
  unitSource: MetaSource | null
  yearSource: MetaSource | null
  parentName: string | null
  /** 乡镇 · 街道 · 县 · 市 · 部门, from the unit's name; null when it does not say. */
  level: string | null
}

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '')

/** What a reporting body's name ends with. */
const UNIT_END = /(?:人民政府|政府|办事处|街道|镇|乡|苏木|局|委员会|委|办公室|办|中心|院|厅|署|会|所|站|队|县|区|市|旗|州|盟|省|部|处|馆|社|园|管委会|管理委员会)$/
const NOT_UNIT = /^(?:本级|本单位|本机关|我局|我委|我办|我镇|我乡|我街道|本局|本委|本镇|本乡|本街道|全县|全区|全市|全镇|全乡|中华人民共和国)$/
const REPORT_WORDS = '(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度工作报告|工作年度报告|年度报告|年度报|工作报告|年报告|年报|报告)'
const TITLE = new RegExp(`^(.*?)((?:19|20)\\d{2})\\s*年(?:度)?(.*?)${REPORT_WORDS}(.*)$`)
// 2020年报_审计局 · 2022年度报告-某某镇
const SHORT = /^(.*?)((?:19|20)\d{2})年(?:度)?(?:政府信息公开)?(?:工作)?年?报(?:告)?[_\-—－:：\s]+(.+)$/
const VERBS = /^(?:.*?(?:现向社会公布|向社会公布|现予公布|现将|特将|现公布|予以公布|公布|发布|印发|编制|制作|形成|报送|关于|根据|按照|通过|登录|访问|经|在|由|对))/

/** The name in a phrase: after the last punctuation, without leading verbs and quotes; null when not a unit. */
function cleanUnit(raw: string): string | null {
  let u = raw.split(/[，,。；;：:、《》「」“”"（）()【】\[\]|\s>＞]/).pop() ?? ''
  u = u.replace(VERBS, '').replace(/^(?:的|了)/, '').replace(/[_\-—－.]+$/, '').replace(/的$/, '').trim()
  // 2022年度示例县人民政府信息公开…: the 政府 belongs to the unit, not to 政府信息公开.
  if (u.endsWith('人民')) u = `${u}政府`
  if (u.length < 2 || u.length > 40 || NOT_UNIT.test(u) || !UNIT_END.test(u) || /\d/.test(u)) return null
  return u
}

interface YearHit { year: number; weight: number; line: number }

/** Text after the report words may only be punctuation, a date or a bracketed remark: else it is a notice's title. */
const endsTitle = (rest: string): boolean => rest === '' || /^[。，,.;；:：》」”"）)(（\s]/.test(rest) || /^[（(]?\d{4}年/.test(rest)

export function findTitle(lines: readonly SrcLine[], fileName?: string): TitleInfo {
  const info: TitleInfo = { unitName: null, year: null, line: null, unitSource: null, yearSource: null, parentName: null, level: null }
  const years: YearHit[] = []
  const head = lines.slice(0, 80)
  for (let i = 0; i < head.length && info.unitName === null; i++) {
    const s = squash(head[i].text)
    if (!s || s.length > 400) continue
    const m = TITLE.exec(s) ?? null
    const short = m ? null : SHORT.exec(s)
    if (!m && !short) continue
    const notice = m ? !endsTitle(m[4]) || /关于做好|通知$|编制.*工作/.test(m[1]) : false
    const year = Number((m ?? short)![2])
    years.push({ year, weight: notice ? 1 : s.length <= 60 ? 10 : 6, line: head[i].line })
    if (notice) continue
    let unit = m ? cleanUnit(m[1]) ?? cleanUnit(m[3]) : cleanUnit(short![3]) ?? cleanUnit(short![1])
    if (!unit && m && !m[1] && s.length <= 60) {
      // A title printed on two lines: 浓桥镇人民政府 / 2023年政府信息公开工作年度报告.
      const prev = head.slice(0, i).reverse().find((l) => squash(l.text))
      const p = prev ? squash(prev.text) : ''
      if (p.length <= 30) unit = cleanUnit(p)
    }
    if (info.line === null) info.line = head[i].line
    if (unit) { info.unitName = unit; info.unitSource = 'title'; info.line = head[i].line }
  }
  for (const y of narrativeYears(lines)) years.push(y)
  if (years.length) {
    const best = pickYear(years)
    info.year = best.year
    info.yearSource = years.some((y) => y.weight >= 6 && y.year === best.year) ? 'title' : 'narrative'
    if (info.line === null && info.yearSource === 'title') info.line = best.line
  }
  if (info.unitName === null) {
    const n = narrativeUnit(lines)
    if (n) { info.unitName = n.unit; info.unitSource = 'narrative' }
  }
  if ((info.unitName === null || info.year === null) && fileName) {
    const base = squash(fileName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, ''))
    const m = /^(.*?)((?:19|20)\d{2})(.*)$/.exec(base)
    if (m && info.year === null) { info.year = Number(m[2]); info.yearSource = 'file' }
    const u = m ? cleanUnit(m[1]) ?? cleanUnit(m[3].replace(new RegExp(`^年?度?${REPORT_WORDS}`), '')) : cleanUnit(base)
    if (u && info.unitName === null) { info.unitName = u; info.unitSource = 'file' }
  }
  if (info.unitName) {
    info.level = levelOf(info.unitName)
    info.parentName = parentFromName(info.unitName) ?? parentFromNarrative(lines, info.unitName)
  }
  return info
}

function pickYear(years: readonly YearHit[]): YearHit {
  const score = new Map<number, number>()
  for (const y of years) score.set(y.year, (score.get(y.year) ?? 0) + y.weight)
  const [year] = [...score].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]
  return years.find((y) => y.year === year)!
}

/** Years the narrative states for the report: 统计期限自2023年1月1日, 2023年，我镇…, 现将我局2020年度…情况报告如下. */
function narrativeYears(lines: readonly SrcLine[]): YearHit[] {
  const out: YearHit[] = []
  const PATTERNS: [RegExp, number][] = [
    [/统计(?:期限|时限|区间|时间)[^。]{0,6}?((?:19|20)\d{2})年1月1日/g, 5],
    [/((?:19|20)\d{2})年1月1日(?:起)?至(?:\1年)?12月31日/g, 4],
    [/现将(?:我|本)[^，。]{0,8}?((?:19|20)\d{2})年度?[^，。]{0,20}?报告如下/g, 5],
    [/((?:19|20)\d{2})年度?[，,、]?(?:我|本)(?:镇|乡|街道|局|委|办|单位|机关|区|县|市|中心)/g, 3],
    [/((?:19|20)\d{2})年度?(?:政府信息公开|政务公开)/g, 1],
  ]
  for (const l of lines.slice(0, 120)) {
    const s = squash(l.text)
    for (const [re, weight] of PATTERNS) for (const m of s.matchAll(re)) out.push({ year: Number(m[1]), weight, line: l.line })
  }
  return out
}

/** 如需咨询，请与柞水县凤凰镇人民政府党政办公室联系 → 柞水县凤凰镇人民政府. */
function narrativeUnit(lines: readonly SrcLine[]): { unit: string; line: number } | null {
  const CONTACT = /请与([^，。,;；（(：:]{2,40}?)(?:党政综合办公室|党政办公室|党政综合办|党政办|综合办公室|政务公开办公室|办公室|综合办|政务服务中心)?联系/
  for (const l of lines.slice(0, 120)) {
    const m = CONTACT.exec(squash(l.text))
    const u = m ? cleanUnit(m[1]) : null
    if (u) return { unit: u, line: l.line }
  }
  return null
}

const COUNTY = /^(?:.{2,10}?(?:省|自治区))?(?:.{2,10}?(?:市|州|盟|地区))?(.{1,10}?(?:县|区|旗|市))(.{2,})$/
const TOWNSHIP = /(?:镇|乡|苏木|街道|街道办事处)(?:人民政府)?$/

/** 宁陕县梅子镇人民政府 → 宁陕县; 株洲市荷塘区明照街道 → 荷塘区; 湖口县卫生健康委员会 → 湖口县. */
function parentFromName(unit: string): string | null {
  const m = COUNTY.exec(unit)
  if (!m || /^(?:人民政府|政府)$/.test(m[2])) return null
  return m[1].length >= 2 ? m[1] : null
}

/** 通过抚远市门户网站… / 陆丰市人民政府办公室 (the publisher): a county-level name beside the unit. */
function parentFromNarrative(lines: readonly SrcLine[], unit: string): string | null {
  if (!TOWNSHIP.test(unit)) return null
  const RE = /([\u4e00-\u9fff]{2,12}?(?:县|区|旗|市))(?:人民政府|政府)?(?:门户网站|网站|政务网|办公室)/g
  for (const l of lines.slice(0, 120)) {
    for (const m of squash(l.text).matchAll(RE)) {
      const name = m[1].replace(VERBS, '')
      if (name.length >= 2 && !/^(?:本|我|全|各|该)/.test(name) && !unit.includes(name)) return name
    }
  }
  return null
}

function levelOf(unit: string): string | null {
  if (/(?:街道|街道办事处)$/.test(unit)) return '街道'
  if (TOWNSHIP.test(unit)) return '乡镇'
  if (/(?:县|旗|区)(?:人民政府|政府)$/.test(unit)) return '县'
  if (/(?:局|委员会|委|办公室|办|中心|院|厅|署|所|站|队|馆|管委会)$/.test(unit)) return '部门'
  return null
}
