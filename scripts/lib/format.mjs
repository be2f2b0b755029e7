// The bundle layout (shared/domain/bundle-format.md) as plain data for Node scripts and tests.
// Scripts run under plain Node 20 (no TypeScript loader), so the keys and official labels they
// write are listed here; tests/browser/format-sync.test.ts holds them equal to src/domain.

export const APPLICANT_COLUMNS = [
  ['natural_person', '自然人'],
  ['commercial', '商业企业'],
  ['research', '科研机构'],
  ['social_welfare', '社会公益组织'],
  ['legal_service', '法律服务机构'],
  ['other_org', '其他'],
  ['total', '总计'],
]
export const APPLICANT_PARTS = APPLICANT_COLUMNS.slice(0, 6).map(([k]) => k)

/** Application rows: [key, official label, outcome group | null, formats]. */
export const APPLICATION_ROWS = [
  ['received', '一、本年新收政府信息公开申请数量', null, '2019 2021'],
  ['carried_in', '二、上年结转政府信息公开申请数量', null, '2019 2021'],
  ['granted', '（一）予以公开', 'granted', '2019 2021'],
  ['partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial', '2019 2021'],
  ['withheld.state_secret', '1.属于国家秘密', 'withheld', '2019 2021'],
  ['withheld.prohibited', '2.其他法律行政法规禁止公开', 'withheld', '2019 2021'],
  ['withheld.security', '3.危及"三安全一稳定"', 'withheld', '2019 2021'],
  ['withheld.third_party', '4.保护第三方合法权益', 'withheld', '2019 2021'],
  ['withheld.internal', '5.属于三类内部事务信息', 'withheld', '2019 2021'],
  ['withheld.process', '6.属于四类过程性信息', 'withheld', '2019 2021'],
  ['withheld.enforcement', '7.属于行政执法案卷', 'withheld', '2019 2021'],
  ['withheld.query', '8.属于行政查询事项', 'withheld', '2019 2021'],
  ['unavailable.not_held', '1.本机关不掌握相关政府信息', 'unavailable', '2019 2021'],
  ['unavailable.needs_creation', '2.没有现成信息需要另行制作', 'unavailable', '2019 2021'],
  ['unavailable.unclear', '3.补正后申请内容仍不明确', 'unavailable', '2019 2021'],
  ['rejected.petition', '1.信访举报投诉类申请', 'rejected', '2019 2021'],
  ['rejected.repeat', '2.重复申请', 'rejected', '2019 2021'],
  ['rejected.publication', '3.要求提供公开出版物', 'rejected', '2019 2021'],
  ['rejected.excessive', '4.无正当理由大量反复申请', 'rejected', '2019 2021'],
  ['rejected.confirmation', '5.要求行政机关确认或重新出具已获取信息', 'rejected', '2019 2021'],
  ['other', '（六）其他处理', 'other', '2019'],
  ['other.no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other', '2021'],
  ['other.no_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other', '2021'],
  ['other.other', '3.其他', 'other', '2021'],
  ['handled', '（七）总计', null, '2019 2021'],
  ['carried_out', '四、结转下年度继续办理', null, '2019 2021'],
]
export const applicationRows = (format) => APPLICATION_ROWS.filter((r) => r[3].includes(format))
export const outcomeRows = (format) => applicationRows(format).filter((r) => r[2] !== null)
export const APP_LABEL = Object.fromEntries(APPLICATION_ROWS.map(([k, zh]) => [k, zh]))

/** active.csv measure columns in bundle order (2021 first, then 2019 without the shared `decisions`). */
export const ACTIVE_MEASURES = [
  ['issued', '本年制发件数'],
  ['repealed', '本年废止件数'],
  ['in_force', '现行有效件数'],
  ['decisions', '本年处理决定数量'],
  ['fee_amount', '本年收费金额（单位：万元）'],
  ['made', '本年新制作数量'],
  ['published', '本年新公开数量'],
  ['total_published', '对外公开总数量'],
  ['prev_items', '上一年项目数量'],
  ['change', '本年增/减'],
  ['procurement_count', '采购项目数量'],
  ['procurement_amount', '采购总金额'],
]

/** Active items per format: [key, label, measures]. */
export const ACTIVE_ITEMS = {
  2021: [
    ['regulations', '规章', ['issued', 'repealed', 'in_force']],
    ['normative_docs', '行政规范性文件', ['issued', 'repealed', 'in_force']],
    ['licensing', '行政许可', ['decisions']],
    ['penalty', '行政处罚', ['decisions']],
    ['coercion', '行政强制', ['decisions']],
    ['admin_fees', '行政事业性收费', ['fee_amount']],
  ],
  2019: [
    ['regulations', '规章', ['made', 'published', 'total_published']],
    ['normative_docs', '规范性文件', ['made', 'published', 'total_published']],
    ['licensing', '行政许可', ['prev_items', 'change', 'decisions']],
    ['other_services', '其他对外管理服务事项', ['prev_items', 'change', 'decisions']],
    ['penalty', '行政处罚', ['prev_items', 'change', 'decisions']],
    ['coercion', '行政强制', ['prev_items', 'change', 'decisions']],
    ['admin_fees', '行政事业性收费', ['prev_items', 'change']],
    ['procurement', '政府集中采购', ['procurement_count', 'procurement_amount']],
  ],
}

const REVIEW_BLOCKS = [
  ['review', '行政复议'],
  ['litigation_direct', '行政诉讼-未经复议直接起诉'],
  ['litigation_after_review', '行政诉讼-复议后起诉'],
]
const REVIEW_OUTCOMES = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
]
export const REVIEW_COLUMNS = REVIEW_BLOCKS.flatMap(([b, bz]) => REVIEW_OUTCOMES.map(([o, oz]) => [`${b}_${o}`, `${bz}-${oz}`]))
export const REVIEW_BLOCK_KEYS = REVIEW_BLOCKS.map(([b]) => b)

export const REPORT_COLUMNS = [
  ['unit_code', '单位代码'],
  ['unit_name', '单位名称'],
  ['year', '年度'],
  ['parent_code', '上级代码'],
  ['parent_name', '上级名称'],
  ['level', '层级'],
  ['format', '格式'],
  ['active_total', '主动公开信息数'],
  ['source', '来源'],
]
export const UNIT_COLUMNS = [
  ['unit_code', '单位代码'],
  ['unit_name', '单位名称'],
  ['parent_code', '上级代码'],
  ['level', '层级'],
]
export const KEY_COLUMNS = [['unit_code', '单位代码'], ['year', '年度']]

/**
 * Which layout a year's report is written in (report-format.md): 2021+ the 2021 layout, else the 2019 one.
 * Reports before 2019 had no prescribed table; the generator writes them in the 2019 layout (the domain expects
 * no format for them, src/domain/format.ts expectedFormat, so no format_year finding is raised).
 */
export function formatForYear(year) {
  return year >= 2021 ? '2021' : '2019'
}
