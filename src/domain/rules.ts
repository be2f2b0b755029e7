/** Consistency rules (勾稽关系): findings, never reasons to drop data. report-format.md. */

export type Severity = 'error' | 'warning' | 'info'

export type RuleId =
  | 'flow_identity' | 'handled_sum' | 'applicant_sum' | 'review_sum' | 'carry_chain'
  | 'no_township_regulations' | 'format_year' | 'in_force_chain' | 'blank_cells' | 'text_cells'
  | 'negative' | 'not_integer' | 'yoy_jump' | 'peer_outlier' | 'absent_rows' | 'pass_if_zero' | 'not_read'
  // ingest-level findings (file problems, not report problems)
  | 'tolerated_number' | 'unknown_header' | 'missing_column' | 'unrecognised_file' | 'bad_row'
  | 'orphan_row' | 'duplicate' | 'conflict' | 'unknown_row' | 'bad_year' | 'bad_unit_code' | 'load_failed' | 'checks_failed'

export interface RuleDef { id: RuleId; severity: Severity; zh: string; en: string }

export const RULES: readonly RuleDef[] = [
  { id: 'flow_identity', severity: 'error', zh: '本年新收 + 上年结转 = 办理结果总计 + 结转下年度', en: 'received + carried in = handled + carried out' },
  { id: 'handled_sum', severity: 'error', zh: '办理结果总计 = 各办理结果之和', en: 'handled = sum of outcome rows' },
  { id: 'applicant_sum', severity: 'error', zh: '总计 = 自然人与五类法人或其他组织之和', en: 'total = sum of the six applicant columns' },
  { id: 'review_sum', severity: 'error', zh: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', en: 'total = upheld + corrected + other + pending' },
  { id: 'carry_chain', severity: 'warning', zh: '本年“上年结转” = 上年“结转下年度继续办理”', en: "carried in (t) = carried out (t−1)" },
  { id: 'no_township_regulations', severity: 'warning', zh: '县级及以下单位（县级政府及其部门、乡镇、街道）不制定规章（立法法），规章行应为 0', en: 'bodies at county level or below (county governments and departments, townships, subdistricts) make no regulations' },
  { id: 'format_year', severity: 'warning', zh: '2019–2020 年报告应使用 2019 版表格，2021 年起应使用 2021 版', en: '2019–2020 reports use the 2019 layout, 2021+ the 2021 layout' },
  { id: 'in_force_chain', severity: 'info', zh: '现行有效件数(t) = 现行有效件数(t−1) + 本年制发 − 本年废止', en: 'in force (t) = in force (t−1) + issued − repealed' },
  { id: 'blank_cells', severity: 'info', zh: '表格单元格为空（按缺失处理，不计为 0）', en: 'blank cell (missing, not zero)' },
  { id: 'text_cells', severity: 'error', zh: '表格单元格为文字而非数字', en: 'cell holds text, not a number' },
  { id: 'negative', severity: 'error', zh: '数量小于 0', en: 'count below zero' },
  { id: 'not_integer', severity: 'error', zh: '数量不是整数（件数应为整数；金额可有小数）', en: 'count is not a whole number (amounts may have decimals)' },
  { id: 'yoy_jump', severity: 'info', zh: '同比变化超过 5 倍或不足 0.2 倍（两年均 ≥ 10）', en: 'year-on-year > 5× or < 0.2× (both ≥ 10)' },
  { id: 'peer_outlier', severity: 'info', zh: '关键指标为 0 而同级中位数 ≥ 10，或超过同级中位数的 10 倍（至少 5 个同级单位有该数）', en: 'key indicator is 0 while the peer median is ≥ 10, or > 10× the peer median (≥ 5 peers with the figure)' },
  { id: 'absent_rows', severity: 'warning', zh: '表格缺少表样中的行（所在分组无合计）', en: 'table lacks rows of the form (their group has no sum)' },
  { id: 'pass_if_zero', severity: 'info', zh: '因空白单元格未能核对；若空白按 0 计则勾稽相符', en: 'not checked because of blank cells; would hold if the blanks were 0' },
  { id: 'not_read', severity: 'warning', zh: '导入年报原文时未能读取的单元格（未计入统计）', en: 'cells the report importer could not read (not counted)' },
  { id: 'tolerated_number', severity: 'warning', zh: '数字写法不规范（全角数字、千分位、单位），已按数字读取', en: 'number written loosely (full-width, separators, unit); read as a number' },
  { id: 'unknown_header', severity: 'warning', zh: '无法识别的列，已忽略', en: 'unrecognised column, ignored' },
  { id: 'missing_column', severity: 'error', zh: '缺少必需的列', en: 'required column missing' },
  { id: 'unrecognised_file', severity: 'error', zh: '无法识别的文件（表头不符合任何数据表）', en: 'file not recognised (header matches no table)' },
  { id: 'bad_row', severity: 'error', zh: '行格式错误（列数不符或缺少单位代码/年度）', en: 'malformed row (wrong number of fields, or no unit code/year)' },
  { id: 'orphan_row', severity: 'warning', zh: '该单位年度不在报告清单 reports.csv 中', en: 'unit/year not listed in reports.csv' },
  { id: 'duplicate', severity: 'info', zh: '重复数据（数值相同），只计一次', en: 'duplicate with the same value, counted once' },
  { id: 'conflict', severity: 'error', zh: '同一单元格在不同位置数值不同', en: 'the same cell given with different values' },
  { id: 'unknown_row', severity: 'error', zh: '无法识别的行标签', en: 'unrecognised row label' },
  { id: 'bad_year', severity: 'error', zh: '年度无法识别', en: 'year not recognised' },
  { id: 'bad_unit_code', severity: 'error', zh: '单位代码被 Excel 写成科学计数法，真实代码已丢失', en: 'unit code in scientific notation (Excel); the true code is lost' },
  { id: 'load_failed', severity: 'error', zh: '文件载入时浏览器内存不足，整个文件未载入', en: 'file not loaded: the browser ran out of memory' },
  { id: 'checks_failed', severity: 'error', zh: '数据已载入，但校验未完成，问题列表不完整', en: 'data loaded, but its checks did not finish: the findings are incomplete' },
]

export const RULE_BY_ID: Record<RuleId, RuleDef> = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<RuleId, RuleDef>

/** A located data-quality finding. Every number involved is carried, both sides of a rule. */
export interface Finding {
  rule: RuleId
  severity: Severity
  unitCode: string | null
  year: number | null
  /** Table and cells involved, e.g. applications / received.total. */
  table?: string
  cells?: string
  /** Numbers on both sides of a rule (left = right expected). */
  left?: number | null
  right?: number | null
  file?: string
  line?: number
  column?: string
  /** The raw text involved (verbatim), when there is one. */
  raw?: string
  message: string
}
