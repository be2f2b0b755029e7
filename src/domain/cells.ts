/**
 * What a table cell means (bundle-format.md, "Every cell keeps what it means").
 * The same rules run in SQL for bulk loads (src/db/sql/cells.ts); tests hold the two together.
 */

export type CellKind = 'number' | 'zero_word' | 'blank' | 'na' | 'text'

export interface Cell {
  kind: CellKind
  /** The number for `number` and `zero_word`; null otherwise. */
  value: number | null
  /** True when a tolerance was applied (full-width digits, thousands separator, trailing unit). */
  tolerated: boolean
}

/**
 * What the report importer writes for a cell it could not read from the page (cut off, not
 * placeable, or in doubt and not confirmed): never the unit's blank. Loaded as text, reported by
 * its own finding (`not_read`), not as a text cell.
 */
export const NOT_READ = '未读取'

const NA_TOKENS: readonly string[] = ['/', '／', '—', '——', '-', '－', '–', '不适用', 'n/a', 'na', '#n/a']
const ZERO_WORDS: readonly string[] = ['零', '无']
/** Units a clerk may type after a count. */
const TRAILING_UNITS = ['条', '件', '个', '项', '次', '人', '万元', '元']

const FULLWIDTH_DIGITS = /[０-９．，－＋]/g
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/
const PLAIN = /^[+-]?(\d+(\.\d+)?|\.\d+)$/
const UNIT_SUFFIX = new RegExp(`^(.*?\\d)\\s*(${TRAILING_UNITS.join('|')})$`)

export function parseCell(raw: string | null | undefined): Cell {
  if (raw == null) return { kind: 'blank', value: null, tolerated: false }
  const trimmed = raw.replace(/[\s\u200b-\u200f\ufeff]+/g, ' ').trim()
  if (trimmed === '') return { kind: 'blank', value: null, tolerated: false }
  if (NA_TOKENS.includes(trimmed.toLowerCase())) return { kind: 'na', value: null, tolerated: false }
  if (ZERO_WORDS.includes(trimmed)) return { kind: 'zero_word', value: 0, tolerated: true }
  let s = trimmed.replace(FULLWIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  let tolerated = s !== trimmed
  const unit = UNIT_SUFFIX.exec(s)
  if (unit) { s = unit[1]; tolerated = true }
  if (THOUSANDS.test(s)) { s = s.replace(/,/g, ''); tolerated = true }
  if (!PLAIN.test(s)) return { kind: 'text', value: null, tolerated: false }
  const value = Number(s)
  return Number.isFinite(value) ? { kind: 'number', value: value === 0 ? 0 : value, tolerated } : { kind: 'text', value: null, tolerated: false }
}

/** Whether a parsed value is allowed where a count is expected. */
export function isValidCount(value: number, opts: { decimal?: boolean; signed?: boolean } = {}): boolean {
  if (!opts.signed && value < 0) return false
  if (!opts.decimal && !Number.isInteger(value)) return false
  return true
}

const YEAR_DIGITS: Record<string, string> = Object.fromEntries([...'〇零一二三四五六七八九０１２３４５６７８９'].map((c, i) => [c, '001234567890123456789'[i]]))
const YEAR_TEXT = /^(\d{4}|\d{2})(\.0+)?(年度?)?$/

/**
 * The year a `year` cell names: 2023, 2023年, 2023年度, 二〇二三(年), full-width digits, 2023.0 (1949–2100);
 * two digits read as 20xx and flagged `twoDigit`. Anything else: year null.
 */
export function parseYear(raw: string | null | undefined): { year: number | null; twoDigit: boolean } {
  if (raw == null) return { year: null, twoDigit: false }
  const t = [...raw.replace(/[\s\u200b-\u200f\ufeff]+/g, ' ').trim()].map((c) => YEAR_DIGITS[c] ?? c).join('')
  const m = YEAR_TEXT.exec(t)
  if (!m) return { year: null, twoDigit: false }
  const n = Number(m[1])
  if (m[1].length === 2) return { year: 2000 + n, twoDigit: true }
  return n >= 1949 && n <= 2100 ? { year: n, twoDigit: false } : { year: null, twoDigit: false }
}
