/**
 * The national annual-report format (政府信息公开工作年度报告) as typed data.
 * Source of truth: shared/domain/report-format.md. No Vue, no DuckDB here.
 */

/** A form version's name ('2019', '2021'); the versions themselves are data in ./versions.ts. */
export type FormatVersion = string

export interface Labelled {
  key: string
  /** Official Chinese label, verbatim from the form. */
  zh: string
  en: string
  /** Label variants seen in real reports (matched after normalisation). */
  aliases?: readonly string[]
}

// ---------------------------------------------------------------- section 二 (active)

export interface ActiveMeasure extends Labelled {
  /** Decimals allowed (amounts in 万元). */
  decimal?: boolean
  /** May be negative (2019 本年增/减). */
  signed?: boolean
}

export const ACTIVE_MEASURES_2021: readonly ActiveMeasure[] = [
  { key: 'issued', zh: '本年制发件数', en: 'Issued this year', aliases: ['本年制发件'] },
  { key: 'repealed', zh: '本年废止件数', en: 'Repealed this year', aliases: ['本年废止件'] },
  { key: 'in_force', zh: '现行有效件数', en: 'In force', aliases: ['现行有效件'] },
  { key: 'decisions', zh: '本年处理决定数量', en: 'Decisions this year', aliases: ['处理决定数量'] },
  { key: 'fee_amount', zh: '本年收费金额（单位：万元）', en: 'Fees collected (10k yuan)', decimal: true, aliases: ['本年收费金额', '收费金额', '本年收费金额(万元)'] },
]

export const ACTIVE_MEASURES_2019: readonly ActiveMeasure[] = [
  { key: 'made', zh: '本年新制作数量', en: 'Made this year' },
  { key: 'published', zh: '本年新公开数量', en: 'Newly published this year' },
  { key: 'total_published', zh: '对外公开总数量', en: 'Total published' },
  { key: 'prev_items', zh: '上一年项目数量', en: 'Items last year' },
  { key: 'change', zh: '本年增/减', en: 'Change this year', signed: true, aliases: ['本年增减', '本年增\\减', '本年增/减少'] },
  { key: 'decisions', zh: '处理决定数量', en: 'Decisions', aliases: ['本年处理决定数量'] },
  { key: 'procurement_count', zh: '采购项目数量', en: 'Procurement projects' },
  { key: 'procurement_amount', zh: '采购总金额', en: 'Procurement amount', decimal: true, aliases: ['采购总金额（万元）'] },
]

/** Every measure column of active.csv, both formats, in bundle order. */
export const ACTIVE_MEASURES: readonly ActiveMeasure[] = [
  ...ACTIVE_MEASURES_2021,
  ...ACTIVE_MEASURES_2019.filter((m) => m.key !== 'decisions'),
]

export interface ActiveItem extends Labelled {
  /** 第二十条第（x）项 heading of the group the row sits in. */
  group: string
  measures: readonly string[]
}

export const ACTIVE_ITEMS_2021: readonly ActiveItem[] = [
  { key: 'regulations', zh: '规章', en: 'Regulations', group: '第二十条第（一）项', measures: ['issued', 'repealed', 'in_force'] },
  { key: 'normative_docs', zh: '行政规范性文件', en: 'Normative documents', group: '第二十条第（一）项', measures: ['issued', 'repealed', 'in_force'], aliases: ['规范性文件', '行政规范性档案', '规范性档案'] },
  { key: 'licensing', zh: '行政许可', en: 'Administrative licensing', group: '第二十条第（五）项', measures: ['decisions'] },
  { key: 'penalty', zh: '行政处罚', en: 'Administrative penalties', group: '第二十条第（六）项', measures: ['decisions'] },
  { key: 'coercion', zh: '行政强制', en: 'Administrative coercion', group: '第二十条第（六）项', measures: ['decisions'] },
  { key: 'admin_fees', zh: '行政事业性收费', en: 'Administrative fees', group: '第二十条第（八）项', measures: ['fee_amount'] },
]

export const ACTIVE_ITEMS_2019: readonly ActiveItem[] = [
  { key: 'regulations', zh: '规章', en: 'Regulations', group: '第二十条第（一）项', measures: ['made', 'published', 'total_published'] },
  { key: 'normative_docs', zh: '规范性文件', en: 'Normative documents', group: '第二十条第（一）项', measures: ['made', 'published', 'total_published'], aliases: ['行政规范性文件', '规范性档案', '行政规范性档案'] },
  { key: 'licensing', zh: '行政许可', en: 'Administrative licensing', group: '第二十条第（五）项', measures: ['prev_items', 'change', 'decisions'] },
  { key: 'other_services', zh: '其他对外管理服务事项', en: 'Other external management services', group: '第二十条第（五）项', measures: ['prev_items', 'change', 'decisions'] },
  { key: 'penalty', zh: '行政处罚', en: 'Administrative penalties', group: '第二十条第（六）项', measures: ['prev_items', 'change', 'decisions'] },
  { key: 'coercion', zh: '行政强制', en: 'Administrative coercion', group: '第二十条第（六）项', measures: ['prev_items', 'change', 'decisions'] },
  { key: 'admin_fees', zh: '行政事业性收费', en: 'Administrative fees', group: '第二十条第（八）项', measures: ['prev_items', 'change'] },
  { key: 'procurement', zh: '政府集中采购', en: 'Government centralised procurement', group: '第二十条第（九）项', measures: ['procurement_count', 'procurement_amount'] },
]

export const ACTIVE_ITEMS: readonly ActiveItem[] = [
  ...ACTIVE_ITEMS_2021,
  ...ACTIVE_ITEMS_2019.filter((i) => !ACTIVE_ITEMS_2021.some((j) => j.key === i.key)),
]

// The 2019 → 2021 harmonisation of measures is the 2019 entry's `mapping` in ./versions.ts.

// ---------------------------------------------------------------- section 三 (applications)

export const APPLICANT_COLUMNS: readonly Labelled[] = [
  { key: 'natural_person', zh: '自然人', en: 'Natural persons' },
  { key: 'commercial', zh: '商业企业', en: 'Commercial enterprises' },
  { key: 'research', zh: '科研机构', en: 'Research institutions' },
  { key: 'social_welfare', zh: '社会公益组织', en: 'Public-welfare organisations' },
  { key: 'legal_service', zh: '法律服务机构', en: 'Legal-service institutions' },
  { key: 'other_org', zh: '其他', en: 'Other organisations', aliases: ['其他组织', '法人或其他组织其他'] },
  { key: 'total', zh: '总计', en: 'Total', aliases: ['合计'] },
]
export const APPLICANT_KEYS = APPLICANT_COLUMNS.map((c) => c.key)
/** The six applicant columns that must add up to `total`. */
export const APPLICANT_PARTS = APPLICANT_KEYS.filter((k) => k !== 'total')

export type OutcomeGroup = 'granted' | 'partial' | 'withheld' | 'unavailable' | 'rejected' | 'other'
export const OUTCOME_GROUPS: readonly { key: OutcomeGroup; zh: string; en: string }[] = [
  { key: 'granted', zh: '予以公开', en: 'Granted' },
  { key: 'partial', zh: '部分公开', en: 'Partly granted' },
  { key: 'withheld', zh: '不予公开', en: 'Withheld' },
  { key: 'unavailable', zh: '无法提供', en: 'Unavailable' },
  { key: 'rejected', zh: '不予处理', en: 'Not processed' },
  { key: 'other', zh: '其他处理', en: 'Other handling' },
]

export interface ApplicationRow extends Labelled {
  /** Outcome group for rows of 三、本年度办理结果; absent for flow rows. */
  outcome?: OutcomeGroup
  /** Which built-in versions print this row (a version's rows are its `applicationRows`, ./versions.ts). */
  formats: readonly FormatVersion[]
}

const BOTH: readonly FormatVersion[] = ['2019', '2021']
export const APPLICATION_ROWS: readonly ApplicationRow[] = [
  { key: 'received', zh: '一、本年新收政府信息公开申请数量', en: 'New applications received', formats: BOTH, aliases: ['本年新收政府信息公开申请数量', '本年新收申请数量'] },
  { key: 'carried_in', zh: '二、上年结转政府信息公开申请数量', en: 'Carried over from last year', formats: BOTH, aliases: ['上年结转政府信息公开申请数量', '上年结转申请数量'] },
  { key: 'granted', zh: '（一）予以公开', en: 'Granted', outcome: 'granted', formats: BOTH },
  { key: 'partial', zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: 'Partly granted', outcome: 'partial', formats: BOTH, aliases: ['部分公开'] },
  { key: 'withheld.state_secret', zh: '1.属于国家秘密', en: 'State secret', outcome: 'withheld', formats: BOTH },
  { key: 'withheld.prohibited', zh: '2.其他法律行政法规禁止公开', en: 'Prohibited by other laws', outcome: 'withheld', formats: BOTH },
  { key: 'withheld.security', zh: '3.危及"三安全一稳定"', en: 'Endangers the "three securities and one stability"', outcome: 'withheld', formats: BOTH, aliases: ['危及三安全一稳定', '危及“三安全一稳定”'] },
  { key: 'withheld.third_party', zh: '4.保护第三方合法权益', en: 'Third-party rights', outcome: 'withheld', formats: BOTH },
  { key: 'withheld.internal', zh: '5.属于三类内部事务信息', en: 'Internal affairs', outcome: 'withheld', formats: BOTH },
  { key: 'withheld.process', zh: '6.属于四类过程性信息', en: 'Process information', outcome: 'withheld', formats: BOTH },
  { key: 'withheld.enforcement', zh: '7.属于行政执法案卷', en: 'Enforcement files', outcome: 'withheld', formats: BOTH },
  { key: 'withheld.query', zh: '8.属于行政查询事项', en: 'Administrative query matters', outcome: 'withheld', formats: BOTH },
  { key: 'unavailable.not_held', zh: '1.本机关不掌握相关政府信息', en: 'Not held by this body', outcome: 'unavailable', formats: BOTH },
  { key: 'unavailable.needs_creation', zh: '2.没有现成信息需要另行制作', en: 'Would need to be created', outcome: 'unavailable', formats: BOTH },
  { key: 'unavailable.unclear', zh: '3.补正后申请内容仍不明确', en: 'Still unclear after correction', outcome: 'unavailable', formats: BOTH },
  { key: 'rejected.petition', zh: '1.信访举报投诉类申请', en: 'Petitions and complaints', outcome: 'rejected', formats: BOTH },
  { key: 'rejected.repeat', zh: '2.重复申请', en: 'Repeat applications', outcome: 'rejected', formats: BOTH },
  { key: 'rejected.publication', zh: '3.要求提供公开出版物', en: 'Requests for publications', outcome: 'rejected', formats: BOTH },
  { key: 'rejected.excessive', zh: '4.无正当理由大量反复申请', en: 'Excessive repeated applications', outcome: 'rejected', formats: BOTH },
  { key: 'rejected.confirmation', zh: '5.要求行政机关确认或重新出具已获取信息', en: 'Confirmation of information already obtained', outcome: 'rejected', formats: BOTH },
  { key: 'other', zh: '（六）其他处理', en: 'Other handling', outcome: 'other', formats: ['2019'], aliases: ['其他处理'] },
  { key: 'other.no_correction', zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: 'No correction in time', outcome: 'other', formats: ['2021'] },
  { key: 'other.no_fee', zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: 'Fee not paid in time', outcome: 'other', formats: ['2021'] },
  { key: 'other.other', zh: '3.其他', en: 'Other', outcome: 'other', formats: ['2021'] },
  { key: 'handled', zh: '（七）总计', en: 'Total handled', formats: BOTH, aliases: ['总计', '办理结果总计'] },
  { key: 'carried_out', zh: '四、结转下年度继续办理', en: 'Carried over to next year', formats: BOTH, aliases: ['结转下年度继续办理'] },
]

/** Group headings printed on the form (no cells of their own). */
export const APPLICATION_HEADINGS = {
  results: '三、本年度办理结果',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  rejected: '（五）不予处理',
  other: '（六）其他处理',
} as const

// ---------------------------------------------------------------- section 四 (reviews)

export const REVIEW_BLOCKS: readonly Labelled[] = [
  { key: 'review', zh: '行政复议', en: 'Administrative reconsideration' },
  { key: 'litigation_direct', zh: '行政诉讼-未经复议直接起诉', en: 'Litigation without prior reconsideration', aliases: ['未经复议直接起诉'] },
  { key: 'litigation_after_review', zh: '行政诉讼-复议后起诉', en: 'Litigation after reconsideration', aliases: ['复议后起诉'] },
]
export type ReviewBlock = 'review' | 'litigation_direct' | 'litigation_after_review'
export const REVIEW_BLOCK_KEYS = REVIEW_BLOCKS.map((b) => b.key) as readonly ReviewBlock[]
export const REVIEW_OUTCOMES: readonly Labelled[] = [
  { key: 'upheld', zh: '结果维持', en: 'Upheld' },
  { key: 'corrected', zh: '结果纠正', en: 'Corrected' },
  { key: 'other', zh: '其他结果', en: 'Other result' },
  { key: 'pending', zh: '尚未审结', en: 'Pending' },
  { key: 'total', zh: '总计', en: 'Total', aliases: ['合计'] },
]
/** The 15 review columns, `review_upheld` … `litigation_after_review_total`. */
export const REVIEW_COLUMNS: readonly Labelled[] = REVIEW_BLOCKS.flatMap((b) =>
  REVIEW_OUTCOMES.map((o) => ({
    key: `${b.key}_${o.key}`,
    zh: `${b.zh}-${o.zh}`,
    en: `${b.en} — ${o.en}`,
    aliases: [...(b.aliases ?? []).map((a) => `${a}-${o.zh}`), ...(b.key === 'review' ? [] : [`行政诉讼${b.zh.split('-')[1]}${o.zh}`])],
  })),
)
export const REVIEW_KEYS = REVIEW_COLUMNS.map((c) => c.key)

// ---------------------------------------------------------------- unit levels

export const LEVELS = ['省', '市', '县', '乡镇', '街道', '部门'] as const
type Level = (typeof LEVELS)[number]
/** Levels whose units are townships/subdistricts (乡镇 and 街道): no 规章. */
export const TOWNSHIP_LEVELS: readonly string[] = ['乡镇', '街道', '镇', '乡']
const TOWNSHIP_NAME = /(镇|乡|街道|街道办事处)$/
function isTownship(level: string | null | undefined, name?: string | null): boolean {
  if (level && TOWNSHIP_LEVELS.includes(level)) return true
  return !level && !!name && TOWNSHIP_NAME.test(name)
}

/**
 * Bodies that make no 规章 (立法法: only provincial governments, 设区的市/自治州 governments and State
 * Council departments do): townships and subdistricts, county-level governments and their
 * departments. Decided from the level, else the parent's level, else the names; a unit whose
 * level cannot be told (a 市 department may be city- or county-level) is not checked.
 */
// 自治区 is a province: its 区 never counts.
export const COUNTY_NAME = '(县|旗|[^治]区)(人民政府|政府)?$'
export const COUNTY_DEPT_NAME = '^[^市省州盟]{0,12}?(县|旗|[^治]区)[^市省州盟]{1,30}$'
function belowCityLevel(level: string | null | undefined, name?: string | null, parentLevel?: string | null, parentName?: string | null): boolean {
  if (isTownship(level, name)) return true
  if (level === '县') return true
  if (level === '部门') return parentLevel === '县' || (!parentLevel && !!parentName && new RegExp(COUNTY_NAME) /* a parent named like a county government; the SQL macro below_city does the same */.test(parentName))
  if (level) return false
  if (!name) return false
  return new RegExp(COUNTY_NAME).test(name) || new RegExp(COUNTY_DEPT_NAME).test(name)
}
