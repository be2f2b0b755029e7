/** Indicator definitions (report-format.md "Indicators"), shown on hover everywhere. */

export interface IndicatorDef { key: string; zh: string; en: string; defZh: string; defEn: string; ratio?: boolean }

const INDICATORS: readonly IndicatorDef[] = [
  { key: 'reports', zh: '报告数', en: 'Reports', defZh: '已载入的单位×年度报告数', defEn: 'unit × year reports loaded' },
  { key: 'units', zh: '单位数', en: 'Units', defZh: '已载入报告的单位数', defEn: 'units with at least one report loaded' },
  { key: 'years', zh: '年度数', en: 'Years', defZh: '已载入报告覆盖的年度数', defEn: 'distinct years loaded' },
  { key: 'active_total', zh: '主动公开信息数', en: 'Items actively disclosed', defZh: '报告“总体情况”中所述全年主动公开信息条数', defEn: 'active-disclosure volume stated in part I (general situation) of the report' },
  { key: 'received', zh: '新收申请数', en: 'Applications received', defZh: '本年新收政府信息公开申请数量（总计列）', defEn: 'received.total' },
  { key: 'workload', zh: '办理量', en: 'Workload', defZh: '本年新收 + 上年结转（总计列）', defEn: 'received.total + carried_in.total' },
  { key: 'disclosure_rate', zh: '公开率', en: 'Disclosure rate', defZh: '（予以公开 + 部分公开）÷ 办理结果总计；总计为 0 时无定义（显示“—”）', defEn: '(granted + partial) ÷ handled; undefined when handled = 0', ratio: true },
  { key: 'correction_rate', zh: '纠错率', en: 'Correction rate', defZh: '结果纠正 ÷（结果维持 + 结果纠正 + 其他结果），仅计已审结案件；无已审结案件时无定义', defEn: 'corrected ÷ (upheld + corrected + other); concluded cases only', ratio: true },
  { key: 'yoy', zh: '同比', en: 'Year on year', defZh: '（本年 − 上年）÷ 上年；上年为 0 时无定义', defEn: '(x_t − x_{t−1}) ÷ x_{t−1}; undefined when x_{t−1} = 0', ratio: true },
]
export const INDICATOR_BY_KEY: Record<string, IndicatorDef> = Object.fromEntries(INDICATORS.map((i) => [i.key, i]))

/** A ratio that is undefined (null), never 0 or NaN, when the denominator is 0 or missing. */
export function ratio(num: number | null | undefined, den: number | null | undefined): number | null {
  if (num == null || den == null || den === 0 || !Number.isFinite(num) || !Number.isFinite(den)) return null
  return num / den
}
