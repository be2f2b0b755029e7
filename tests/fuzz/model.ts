/**
 * Random valid bundles for property tests: a model (what the supervisor means) and its bytes
 * (random header spellings, delimiter, line end and encoding per file).
 */
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { APPLICANT_COLUMNS, APPLICATION_ROWS } from '../../src/domain'
import type { SourceFile } from '../../src/ingest/types'

type Delim = ',' | ';' | '\t'
export type Enc = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le'
/** A source cell: its text as written and what it means (number, or null for blank / not applicable). */
interface SrcCell { text: string; num: number | null; kind: 'number' | 'blank' | 'na' }
interface ReportRow { code: string; name: string; year: number; active: SrcCell }
export interface AppRow { code: string; year: number; row: string; label: string; cells: SrcCell[] }
interface FileStyle { delim: Delim; eol: '\n' | '\r\n'; enc: Enc; zhHeader: boolean }
export interface Bundle { reports: ReportRow[]; apps: AppRow[]; styles: { reports: FileStyle; apps: FileStyle } }

export const APP_KEYS = APPLICANT_COLUMNS.map((c) => c.key)
const ROWS = ['received', 'carried_in', 'granted', 'partial', 'handled', 'carried_out']
const ROW_ZH = new Map(APPLICATION_ROWS.map((r) => [r.key, r.zh]))

const cellArb = (withBlanks: boolean): fc.Arbitrary<SrcCell> => fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 100_000 }).map((n): SrcCell => ({ text: String(n), num: n, kind: 'number' })) },
  { weight: withBlanks ? 1 : 0, arbitrary: fc.constant<SrcCell>({ text: '', num: null, kind: 'blank' }) },
  { weight: 1, arbitrary: fc.constantFrom('/', '不适用', '—', 'N/A', '－').map((t): SrcCell => ({ text: t, num: null, kind: 'na' })) },
)

// Characters that break naive CSV, SQL or HTML handling, plus RTL/zero-width marks; names start and end with CJK.
const NAME_CHARS = ['浓', '桥', '镇', '街', '道', "'", '"', ',', ';', '\t', '-', '<', '>', '=', '(', ')', '\u202e', '\u200b', ' ', 'a', '\n', '\\', '%', '𪚥']
const nameArb = fc.array(fc.constantFrom(...NAME_CHARS), { maxLength: 8 }).map((cs) => `浓${cs.join('')}镇`)

const styleArb: fc.Arbitrary<FileStyle> = fc.record({
  delim: fc.constantFrom<Delim>(',', ';', '\t'),
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  enc: fc.constantFrom<Enc>('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'),
  zhHeader: fc.boolean(),
})

export function bundleArb(opts: { withBlanks?: boolean; minApps?: number } = {}): fc.Arbitrary<Bundle> {
  const withBlanks = opts.withBlanks ?? true
  const unit = fc.record({
    code: fc.integer({ min: 1, max: 999_999_999 }).map((n) => String(n).padStart(12, '0')),
    name: nameArb,
    years: fc.uniqueArray(fc.integer({ min: 2019, max: 2024 }), { minLength: 1, maxLength: 2 }),
  })
  return fc.record({
    units: fc.uniqueArray(unit, { minLength: 1, maxLength: 3, selector: (u) => u.code }),
    styles: fc.record({ reports: styleArb, apps: styleArb }),
    seed: fc.array(fc.record({ rows: fc.subarray(ROWS, { minLength: 1 }), zh: fc.boolean(), active: cellArb(withBlanks), cells: fc.array(fc.array(cellArb(withBlanks), { minLength: 7, maxLength: 7 }), { minLength: 6, maxLength: 6 }) }), { minLength: 6, maxLength: 6 }),
  }).map(({ units, styles, seed }) => {
    const reports: ReportRow[] = []
    const apps: AppRow[] = []
    let s = 0
    for (const u of units) for (const year of u.years) {
      const sd = seed[s++ % seed.length]
      reports.push({ code: u.code, name: u.name, year, active: sd.active })
      sd.rows.forEach((row, i) => apps.push({ code: u.code, year, row, label: sd.zh ? ROW_ZH.get(row)! : row, cells: sd.cells[i] }))
    }
    return { reports, apps, styles }
  }).filter((b) => b.apps.length >= (opts.minApps ?? 0))
}

const field = (s: string, d: Delim): string => (/[",;\t\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s)

const REPORT_HEAD = { key: ['unit_code', 'unit_name', 'year', 'active_total'], zh: ['单位代码', '单位名称', '年度', '主动公开信息数'] }
const APP_HEAD = { key: ['unit_code', 'year', 'row', ...APP_KEYS], zh: ['单位代码', '年度', '项目', ...APPLICANT_COLUMNS.map((c) => c.zh)] }

/** The CSV text lines (header first) of each table. */
export function reportLines(b: Bundle): string[] {
  const st = b.styles.reports
  return [(st.zhHeader ? REPORT_HEAD.zh : REPORT_HEAD.key).join(st.delim),
    ...b.reports.map((r) => [r.code, r.name, String(r.year), r.active.text].map((x) => field(x, st.delim)).join(st.delim))]
}
export function appLines(b: Bundle): string[] {
  const st = b.styles.apps
  return [(st.zhHeader ? APP_HEAD.zh : APP_HEAD.key).join(st.delim),
    ...b.apps.map((a) => [a.code, String(a.year), a.label, ...a.cells.map((c) => c.text)].map((x) => field(x, st.delim)).join(st.delim))]
}

export function encode(text: string, enc: Enc): Uint8Array {
  if (enc === 'gb18030') return new Uint8Array(iconv.encode(text, 'gb18030'))
  if (enc === 'utf-16le') return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf16-le')])
  const u = new TextEncoder().encode(text)
  return enc === 'utf-8-bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...u]) : u
}

export function bundleFiles(b: Bundle, lines = { reports: reportLines(b), apps: appLines(b) }, dir = 'fuzz'): SourceFile[] {
  const { reports: rs, apps: as } = b.styles
  return [
    { path: `${dir}/reports.csv`, bytes: encode(lines.reports.join(rs.eol) + rs.eol, rs.enc) },
    { path: `${dir}/applications.csv`, bytes: encode(lines.apps.join(as.eol) + as.eol, as.enc) },
  ]
}

/** Several bundles loaded together: unit codes get a per-bundle 2-digit prefix so they never collide. */
export function apart(bs: Bundle[]): Bundle[] {
  return bs.map((b, k) => {
    const re = (code: string): string => String(k + 10) + code.slice(2)
    return { ...b, reports: b.reports.map((r) => ({ ...r, code: re(r.code) })), apps: b.apps.map((a) => ({ ...a, code: re(a.code) })) }
  })
}
