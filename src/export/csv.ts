/**
 * The one CSV writer of the app (chart data, data-quality findings, SQL results): UTF-8 with a BOM
 * (Excel/WPS on Chinese Windows otherwise read GBK), CRLF line ends, RFC 4180 quoting, and cells
 * that a spreadsheet would run as a formula (= + - @, tab, CR) neutralised with a leading apostrophe.
 * Pure.
 */

const FORMULA = /^[=+\-@\t\r]/
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/

export interface CsvOptions {
  /**
   * Text that is a plain number ("-12.5", e.g. query results already turned into text) is left as
   * it is instead of neutralised. Default false: every text starting with - is neutralised.
   */
  keepNumericText?: boolean
}

/** Text that a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe. */
export function neutralise(text: string, opts: CsvOptions = {}): string {
  if (!FORMULA.test(text)) return text
  return opts.keepNumericText && NUMBER_TEXT.test(text) ? text : `'${text}`
}

/** One field: finite numbers as they are, null/undefined/NaN blank, text neutralised and quoted as needed. */
export function csvField(v: unknown, opts: CsvOptions = {}): string {
  if (v == null) return ''
  let s: string
  if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : ''
  else if (typeof v === 'bigint') s = v.toString()
  else s = neutralise(String(v), opts)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Lines of fields → CSV text: BOM, CRLF after every line (the last too). */
export function csvText(lines: readonly (readonly unknown[])[], opts: CsvOptions = {}): string {
  return '\uFEFF' + lines.map((l) => l.map((v) => csvField(v, opts)).join(',')).join('\r\n') + '\r\n'
}
