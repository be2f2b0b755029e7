/** Captions of exported charts: subtitle from the filters in words, the indicator definition. Pure. */
import { INDICATOR_BY_KEY } from '../domain/indicators'

export interface Caption {
  title: string
  /** The filters in words, e.g. 抚远市各乡镇 2021–2023 年 */
  subtitle: string
  /** 数据来源：… */
  source: string
  /** The indicator's definition, when the chart shows one. */
  definition?: string
  /** The notes shown under the chart on screen (basis, what was left out…): every export carries them. */
  notes?: string[]
}

export interface FilterWords {
  yearFrom?: number
  yearTo?: number
  unitCodes?: string[]
  level?: string
}

export interface SubtitleCtx {
  locale: string
  /** unit code → name */
  unitName?: (code: string) => string | undefined
  /** Years loaded (used when the filters leave the range open). */
  years?: readonly number[]
}

function yearsText(from: number | undefined, to: number | undefined, en: boolean): string {
  if (from != null && to != null) {
    if (from === to) return en ? `${from}` : `${from} 年`
    const [a, b] = from <= to ? [from, to] : [to, from]
    return en ? `${a}–${b}` : `${a}–${b} 年`
  }
  if (from != null) return en ? `since ${from}` : `${from} 年以来`
  if (to != null) return en ? `up to ${to}` : `截至 ${to} 年`
  return ''
}

/** "抚远市各乡镇 2021–2023 年", "全部单位 2023 年", "A、B、C 等 5 个单位 2021 年以来". */
export function subtitleFromFilters(f: FilterWords, ctx: SubtitleCtx): string {
  const en = ctx.locale === 'en'
  const codes = f.unitCodes ?? []
  const names = codes.map((c) => ctx.unitName?.(c) ?? c)
  let who: string
  if (names.length === 0) who = f.level ? (en ? `all ${f.level}` : `各${f.level}`) : (en ? 'All units' : '全部单位')
  else {
    const shown = names.slice(0, 3).join(en ? ', ' : '、')
    who = names.length > 3 ? (en ? `${shown} and ${names.length - 3} more` : `${shown}等 ${names.length} 个单位`) : shown
    if (f.level) who += en ? ` (${f.level})` : `各${f.level}`
  }
  const ys = ctx.years ?? []
  const from = f.yearFrom ?? (f.yearTo == null && ys.length ? Math.min(...ys) : undefined)
  const to = f.yearTo ?? (f.yearFrom == null && ys.length ? Math.max(...ys) : undefined)
  const when = yearsText(from, to, en)
  return when ? `${who} ${when}` : who
}

export function indicatorDefinition(key: string | undefined, locale: string): string | undefined {
  const d = key ? INDICATOR_BY_KEY[key] : undefined
  if (!d) return undefined
  return locale === 'en' ? `${d.en}: ${d.defEn}` : `${d.zh}：${d.defZh}`
}
