/**
 * The CSV bundle contract v1 (shared/domain/bundle-format.md) as typed data:
 * which tables exist, their columns, and how a header is matched to a column key.
 */
import {
  ACTIVE_MEASURES,
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  type ActiveMeasure,
  type Labelled,
} from './format'
import { normaliseLabel } from './labels'

export type TableKind = 'reports' | 'units' | 'active' | 'applications' | 'reviews' | 'facts'
export const TABLE_KINDS: readonly TableKind[] = ['reports', 'units', 'active', 'applications', 'reviews', 'facts']

/** How a column is typed: text is kept verbatim, cells go through the cell-meaning rules. */
type ColumnType = 'text' | 'year' | 'cell'

interface BundleColumn extends Labelled {
  type: ColumnType
  required?: boolean
  /** For cell columns: decimals / negatives allowed. */
  decimal?: boolean
  signed?: boolean
}

export interface BundleTable {
  kind: TableKind
  /** Conventional file name; tables are recognised by header, not by name. */
  fileName: string
  zh: string
  en: string
  columns: readonly BundleColumn[]
}

const UNIT_CODE: BundleColumn = { key: 'unit_code', zh: '单位代码', en: 'Unit code', type: 'text', required: true, aliases: ['统计用区划代码', '区划代码', '代码'] }
const YEAR: BundleColumn = { key: 'year', zh: '年度', en: 'Year', type: 'year', required: true, aliases: ['年份', '报告年度'] }

const cellColumn = (c: Labelled | ActiveMeasure): BundleColumn => ({
  ...c,
  type: 'cell',
  decimal: 'decimal' in c ? c.decimal : undefined,
  signed: 'signed' in c ? c.signed : undefined,
})

export const BUNDLE_TABLES: Record<TableKind, BundleTable> = {
  reports: {
    kind: 'reports', fileName: 'reports.csv', zh: '报告清单', en: 'Reports',
    columns: [
      UNIT_CODE,
      { key: 'unit_name', zh: '单位名称', en: 'Unit name', type: 'text', required: true, aliases: ['单位', '名称'] },
      YEAR,
      { key: 'parent_code', zh: '上级代码', en: 'Parent code', type: 'text', aliases: ['上级单位代码'] },
      { key: 'parent_name', zh: '上级名称', en: 'Parent name', type: 'text', aliases: ['上级单位', '上级单位名称'] },
      { key: 'level', zh: '层级', en: 'Level', type: 'text', aliases: ['级别'] },
      { key: 'format', zh: '格式', en: 'Format', type: 'text', aliases: ['表格格式'] },
      { key: 'active_total', zh: '主动公开信息数', en: 'Items actively disclosed', type: 'cell', aliases: ['主动公开信息数量', '主动公开数'] },
      { key: 'source', zh: '来源', en: 'Source', type: 'text', aliases: ['数据来源'] },
    ],
  },
  units: {
    kind: 'units', fileName: 'units.csv', zh: '单位层级', en: 'Units',
    columns: [
      UNIT_CODE,
      { key: 'unit_name', zh: '单位名称', en: 'Unit name', type: 'text', required: true, aliases: ['单位', '名称'] },
      { key: 'parent_code', zh: '上级代码', en: 'Parent code', type: 'text', aliases: ['上级单位代码'] },
      { key: 'level', zh: '层级', en: 'Level', type: 'text', aliases: ['级别'] },
    ],
  },
  active: {
    kind: 'active', fileName: 'active.csv', zh: '主动公开', en: 'Active disclosure',
    columns: [
      UNIT_CODE, YEAR,
      { key: 'item', zh: '信息内容', en: 'Item', type: 'text', required: true, aliases: ['项目', '事项'] },
      ...ACTIVE_MEASURES.map(cellColumn),
    ],
  },
  applications: {
    kind: 'applications', fileName: 'applications.csv', zh: '依申请公开', en: 'Applications',
    columns: [
      UNIT_CODE, YEAR,
      { key: 'row', zh: '项目', en: 'Row', type: 'text', required: true, aliases: ['行', '申请情况', '办理情况'] },
      ...APPLICANT_COLUMNS.map(cellColumn),
    ],
  },
  reviews: {
    kind: 'reviews', fileName: 'reviews.csv', zh: '行政复议和行政诉讼', en: 'Reconsideration & litigation',
    columns: [UNIT_CODE, YEAR, ...REVIEW_COLUMNS.map(cellColumn)],
  },
  facts: {
    kind: 'facts', fileName: 'facts.csv', zh: '长表', en: 'Facts (long form)',
    columns: [
      UNIT_CODE, YEAR,
      { key: 'section', zh: '部分', en: 'Section', type: 'text', required: true, aliases: ['表'] },
      { key: 'row', zh: '行', en: 'Row', type: 'text', required: true, aliases: ['项目'] },
      { key: 'column', zh: '列', en: 'Column', type: 'text', required: true, aliases: ['栏目'] },
      { key: 'value', zh: '数值', en: 'Value', type: 'cell', required: true, aliases: ['值'] },
    ],
  },
}

/** All the normalised spellings (key, zh label, aliases) of a labelled thing. */
function spellings(l: Labelled): string[] {
  return [l.key, l.zh, l.en, ...(l.aliases ?? [])].map(normaliseLabel)
}

/** Build a lookup from normalised spelling → key. First definition wins on a clash. */
export function labelIndex(items: readonly Labelled[]): Map<string, string> {
  const index = new Map<string, string>()
  for (const item of items) for (const s of spellings(item)) if (!index.has(s)) index.set(s, item.key)
  return index
}
