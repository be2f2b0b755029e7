/**
 * A finding's message in the UI's language, rendered from its rule code and structured columns (unit, year,
 * table, cells, the numbers on both sides, raw text, file, line, column). Chinese: the message stored with the
 * finding (written by the rules SQL, src/db/findings.ts and src/db/sql/rules.ts, and by the ingest layer), which
 * says the same with the form's own labels. Other languages: a template per rule (src/i18n/features/findingText.ts)
 * with the form's labels in that language; a rule without a template gets the rule's name and location.
 */
import {
  ACTIVE_MEASURES, APPLICANT_COLUMNS, BUNDLE_TABLES, REVIEW_BLOCKS, REVIEW_COLUMNS,
  allActiveItems, allApplicationRows, expectedFormat, perVersions, type Labelled,
} from '../../domain'
import { formatNumber } from '../../charts/escape'
import { ruleName } from './ruleName'

/** The columns of a finding that its message is made of. */
export interface FindingFields {
  rule: string
  severity: string
  unitCode: string | null
  unitName: string | null
  year: number | null
  table?: string | null
  cells?: string | null
  left?: number | null
  right?: number | null
  file: string | null
  line: number | null
  column: string | null
  raw?: string | null
  message: string
}

type T = (key: string, named?: Record<string, unknown>) => string
type Te = (key: string) => boolean

const byKey = (list: readonly Labelled[]): Map<string, Labelled> => new Map(list.map((l) => [l.key, l]))
// Rows of every form version, rebuilt when a version is added.
const rows = perVersions(() => byKey([...allApplicationRows(), ...allActiveItems()]))
const COLS = byKey([...APPLICANT_COLUMNS, ...ACTIVE_MEASURES, ...REVIEW_COLUMNS, ...REVIEW_BLOCKS,
  { key: 'active_total', zh: '主动公开信息数', en: 'Items actively disclosed' }])

/** A cell key ("received.total", "withheld.state_secret.natural_person", ".active_total") in words. */
export function cellWords(key: string, locale: string): string {
  const i = key.lastIndexOf('.')
  const row = i > 0 ? key.slice(0, i) : ''
  const col = key.slice(i + 1)
  const name = (l: Labelled | undefined, k: string): string => (l ? (locale === 'en' ? l.en : l.zh) : k)
  const parts = [row ? name(rows().get(row), row) : '', col ? name(COLS.get(col) ?? rows().get(col), col) : ''].filter(Boolean)
  return parts.map((p) => (locale === 'en' ? `"${p}"` : `“${p}”`)).join(' / ')
}

/** A list of cell keys ("a.b, c.d") in words, at most `max` named. */
function cellList(cells: string | null | undefined, locale: string, max = 6): string {
  const keys = (cells ?? '').split(/,\s*/).filter(Boolean)
  const named = keys.slice(0, max).map((k) => cellWords(k, locale)).join('; ')
  return keys.length > max ? `${named}; …` : named
}

/** Row keys ("withheld.security, withheld.internal") as the form's row labels. */
function rowList(cells: string | null | undefined, locale: string): string {
  return (cells ?? '').split(/,\s*/).filter(Boolean).map((k) => {
    const r = rows().get(k)
    return r ? (locale === 'en' ? `"${r.en}"` : `「${r.zh}」`) : k
  }).join(locale === 'en' ? ', ' : '、')
}

const tableName = (tbl: string | null | undefined, locale: string): string => {
  const t = tbl ? BUNDLE_TABLES[tbl as keyof typeof BUNDLE_TABLES] : undefined
  return t ? (locale === 'en' ? t.en : t.zh) : tbl ?? ''
}

/** The named parameters every template may use. */
function params(f: FindingFields, t: T, locale: string): Record<string, unknown> {
  const n = (v: number | null | undefined): string => formatNumber(v ?? null, locale, 4)
  const unit = f.unitCode ? (f.unitName && f.unitName !== f.unitCode ? `${f.unitName} (${f.unitCode})` : f.unitCode) : ''
  const cellKey = (f.cells ?? '').split(/[,+=]/)[0] ?? ''
  const col = f.column ?? ''
  return {
    who: unit && f.year != null ? t('findingText.who', { unit, year: f.year }) : unit,
    unit, year: f.year ?? '', prevYear: f.year != null ? f.year - 1 : '',
    table: tableName(f.table, locale), cells: cellList(f.cells, locale), cell: cellWords(cellKey, locale), rows: rowList(f.cells, locale),
    column: COLS.get(col) ? cellWords(col, locale) : col, header: col,
    left: n(f.left), right: n(f.right), ratio: f.left != null && f.right ? formatNumber(f.left / f.right, locale, 1) : '—',
    raw: f.raw ?? '', file: f.file ?? '', line: f.line ?? '',
    where: f.file ? (f.line != null ? t('findingText.whereLine', { file: f.file, line: f.line }) : t('findingText.whereFile', { file: f.file })) : '',
    expected: f.year != null ? expectedFormat(f.year) ?? '' : '',
    rule: ruleName(f.rule, locale),
  }
}

/** The finding's message in `locale` (zh: as stored). */
export function findingText(f: FindingFields, t: T, te: Te, locale: string): string {
  if (locale !== 'en' && f.message) return f.message
  const p = params(f, t, locale)
  // a rule may have a variant per severity (bad_year: unreadable, error; written short, warning) and one for a
  // finding without a left-hand number (applicant_sum: the total itself left blank)
  const variants = [...(f.left == null ? [`findingText.${f.rule}_noLeft`] : []), `findingText.${f.rule}_${f.severity}`, `findingText.${f.rule}`]
  for (const key of variants) if (te(key)) return t(key, p)
  return t(p.where ? 'findingText.genericAt' : 'findingText.generic', p)
}
