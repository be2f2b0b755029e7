/** The form's structure as the walker needs it: rows in printed order, cells per row, labels. */
import {
  APPLICATION_HEADINGS, APPLICANT_KEYS, REVIEW_BLOCKS, REVIEW_OUTCOMES,
  type FormatVersion, type Labelled,
} from '../../domain/format'
import { normaliseLabel } from '../../domain/labels'
import { allApplicationRows, currentVersion, formVersion, type FormVersion } from '../../domain/versions'

const versionOf = (format: FormatVersion): FormVersion => formVersion(format) ?? currentVersion()

export interface RowSpec {
  key: string
  /** Official label, for messages. */
  zh: string
  /** Normalised spellings. */
  labels: string[]
  /** Column keys in printed order (section 三 may be reordered by its header). */
  columns: string[]
  decimal?: string[]
  /** A row of the other format that some reports still print: read when present, never missed. */
  optional?: boolean
}

const spell = (l: Labelled): string[] => [...new Set([l.zh, ...(l.aliases ?? [])].map(normaliseLabel))]

export function activeSpecs(format: FormatVersion): RowSpec[] {
  const { activeItems: items, activeMeasures: measures } = versionOf(format)
  return items.map((i) => ({
    key: i.key, zh: i.zh, labels: spell(i), columns: [...i.measures],
    decimal: i.measures.filter((k) => measures.find((m) => m.key === k)?.decimal),
  }))
}

export function applicationSpecs(format: FormatVersion, columns: readonly string[] = APPLICANT_KEYS): RowSpec[] {
  // 其他处理 is one row in 2019 and three in 2021; reports mix them up, so every version's are looked for.
  const own = new Set(versionOf(format).applicationRows.map((r) => r.key))
  return allApplicationRows().filter((r) => own.has(r.key) || r.outcome === 'other').map((r) => ({
    key: r.key, zh: r.zh, labels: spell(r), columns: [...columns], optional: !own.has(r.key) || undefined,
  }))
}

/** Section 四: one unlabelled row of 15 cells, block by block. */
export const REVIEW_CELLS: readonly { row: string; column: string; zh: string }[] = REVIEW_BLOCKS.flatMap((b) =>
  REVIEW_OUTCOMES.map((o) => ({ row: b.key, column: o.key, zh: `${b.zh}-${o.zh}` })),
)

/**
 * Texts that are headings or headers of a section, never cells (stop a row's cells). A heading the version prints
 * as a row of its own (2019: （六）其他处理 has cells) is a row label there, not a heading.
 */
export function headingLabels(format: FormatVersion): string[] {
  const { activeMeasures: measures, applicationRows } = versionOf(format)
  const rowLabels = new Set(applicationRows.flatMap(spell))
  return [
    '信息内容', '申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构',
    '本年度办理结果', ...Object.values(APPLICATION_HEADINGS), ...measures.flatMap(spell),
  ].map(normaliseLabel).filter((h) => !rowLabels.has(h))
}
