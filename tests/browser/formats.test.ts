/**
 * Issue #3: one bundle mixing the 2019 layout (2019, 2020) and the 2021 layout (2021–2023) for the
 * same three townships, as GB18030 CSV with Chinese headers and labels (2019–2020), UTF-8 CSV with
 * key headers (2021+) and one .xlsx workbook (2021+ section 二, built here with exceljs).
 *
 * Checks: exact cell values (SQL and on-screen chart options), comparable trends across the format
 * change with the approximate 2019 → 2021 mapping flagged, exactly the planted findings and no
 * others, an identical second load that changes no figure, and a conflicting duplicate reported
 * with both file names.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { toCsv } from '../../scripts/lib/csv.mjs'
import { encodeText } from '../../scripts/lib/encode.mjs'
import { APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_KEYS } from '../../src/domain/format'
import { heatmapValues } from './bundle-facts'
import { appUrl, assertPrivate, getOption, openSession, query, waitForOption, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'

// ------------------------------------------------------------------ the bundle (hand-written)

const YEARS = [2019, 2020, 2021, 2022, 2023] as const
const PARENT = { code: '230883000000', name: '抚远市' }
const UNITS = [
  { code: '230883101000', name: '东岗镇' },
  { code: '230883102000', name: '西岗镇' },
  { code: '230883103000', name: '浓桥镇' },
] as const
const [A1, A2, A3] = UNITS.map((u) => u.code)
const NAME: Record<string, string> = Object.fromEntries(UNITS.map((u) => [u.code, u.name]))

/**
 * active_total per unit and year; A1 2020 states no total (missing, not 0). A stated total is not a
 * table cell: no blank_cells finding for it (report-format.md); the blank planted for blank_cells is
 * a table cell of the same report (A1 2020 其他对外管理服务事项 上一年项目数量).
 */
const ACTIVE_TOTAL: Record<string, (number | null)[]> = {
  [A1]: [40, null, 44, 46, 48],
  [A2]: [30, 31, 32, 33, 34],
  [A3]: [20, 21, 22, 23, 43],
}

/**
 * Section 三, total column (natural_person = total, other applicants 0). 2019 layout: one `other`
 * row; 2021 layout: other.no_correction / other.no_fee / other.other.
 * Planted: A2 2022 received 6 + carried_in 1 ≠ handled 5 + carried_out 1 (flow_identity, in the
 * natural_person and total columns); A3 2021 carried_in 1 ≠ A3 2020 carried_out 2 (carry_chain,
 * across the format change). Every other chain and sum holds.
 */
const APPS: Record<string, Record<number, Record<string, number>>> = {
  [A1]: {
    2019: { received: 6, granted: 3, partial: 1, other: 2, handled: 6 },
    2020: { received: 5, granted: 2, partial: 1, 'withheld.third_party': 1, handled: 4, carried_out: 1 },
    2021: { received: 7, carried_in: 1, granted: 4, 'unavailable.not_held': 1, 'other.no_fee': 1, 'other.other': 1, handled: 7, carried_out: 1 },
    2022: { received: 4, carried_in: 1, granted: 3, 'rejected.repeat': 1, handled: 4, carried_out: 1 },
    2023: { received: 6, carried_in: 1, granted: 5, partial: 1, handled: 6, carried_out: 1 },
  },
  [A2]: {
    2019: { received: 3, granted: 3, handled: 3 },
    2020: { received: 4, granted: 2, 'unavailable.not_held': 1, handled: 3, carried_out: 1 },
    2021: { received: 5, carried_in: 1, granted: 5, handled: 5, carried_out: 1 },
    2022: { received: 6, carried_in: 1, granted: 5, handled: 5, carried_out: 1 }, // flow_identity
    2023: { received: 3, carried_in: 1, granted: 3, handled: 3, carried_out: 1 },
  },
  [A3]: {
    2019: { received: 2, granted: 1, other: 1, handled: 2 },
    2020: { received: 4, granted: 2, handled: 2, carried_out: 2 },
    2021: { received: 3, carried_in: 1, granted: 3, handled: 3, carried_out: 1 }, // carry_chain (2020 carried_out 2)
    2022: { received: 2, carried_in: 1, granted: 2, handled: 2, carried_out: 1 },
    2023: { received: 5, carried_in: 1, granted: 4, partial: 1, handled: 5, carried_out: 1 },
  },
}

const rowsFor = (year: number) => APPLICATION_ROWS.filter((r) => r.formats.includes(year >= 2021 ? '2021' : '2019'))
const FLOW_ROWS = ['received', 'carried_in', 'handled', 'carried_out']

/** Section 二, 2019 layout (GB18030, Chinese headers). Cells an item does not have stay blank. */
const ACTIVE_2019_HEADER = ['单位代码', '年度', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量', '采购项目数量', '采购总金额']
type Cells = (string | number)[]
const docs19: Record<string, Record<number, Cells>> = {
  [A1]: { 2019: [2, 2, 10], 2020: [3, 3, 13] },
  [A2]: { 2019: [1, 1, 5], 2020: [0, 0, 5] },
  [A3]: { 2019: [0, 0, 2], 2020: [1, 1, 3] },
}
const licensing19: Record<string, Record<number, Cells>> = {
  [A1]: { 2019: [5, -1, 12], 2020: [4, 0, 15] }, // 2019 本年增/减 may be negative
  [A2]: { 2019: [3, 0, 7], 2020: [3, 1, 8] },
  [A3]: { 2019: [2, 0, 4], 2020: [2, 0, 5] },
}
const penalty19: Record<string, Record<number, number>> = { [A1]: { 2019: 3, 2020: 2 }, [A2]: { 2019: 1, 2020: 1 }, [A3]: { 2019: 0, 2020: 1 } }
/** A2 2019 coercion: `/` (not applicable): neither 0 nor missing. */
const coercion19: Record<string, Record<number, number | string>> = { [A1]: { 2019: 1, 2020: 0 }, [A2]: { 2019: '/', 2020: 0 }, [A3]: { 2019: 0, 2020: 0 } }
function active2019Rows(u: string, y: number): Cells[] {
  const b = (x: Cells) => [u, y, ...x]
  return [
    b(['规章', 0, 0, 0, '', '', '', '', '']),
    b(['规范性文件', ...docs19[u][y], '', '', '', '', '']),
    b(['行政许可', '', '', '', ...licensing19[u][y], '', '']),
    b(['其他对外管理服务事项', '', '', '', u === A1 && y === 2020 ? '' : 1, 0, 2, '', '']),
    b(['行政处罚', '', '', '', 0, 0, penalty19[u][y], '', '']),
    b(['行政强制', '', '', '', 0, 0, coercion19[u][y], '', '']),
    b(['行政事业性收费', '', '', '', 2, 0, '', '', '']),
    b(['政府集中采购', '', '', '', '', '', '', 3, u === A1 && y === 2019 ? '35.8' : 0]),
  ]
}

/** Section 二, 2021 layout (the .xlsx workbook, Chinese headers, numbers as Excel numbers). */
const ACTIVE_2021_HEADER = ['单位代码', '年度', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额（单位：万元）']
const docs21: Record<string, Record<number, number[]>> = {
  [A1]: { 2021: [2, 0, 15], 2022: [1, 1, 15], 2023: [3, 1, 17] },
  [A2]: { 2021: [1, 0, 6], 2022: [0, 0, 6], 2023: [2, 1, 7] },
  [A3]: { 2021: [0, 0, 3], 2022: [1, 0, 4], 2023: [0, 0, 4] },
}
const licensing21: Record<string, number[]> = { [A1]: [14, 16, 18], [A2]: [9, 10, 11], [A3]: [6, 7, 8] }
/** A3 2022 penalty: `/` (a township without penalty powers that year). */
const penalty21: Record<string, (number | string)[]> = { [A1]: [2, 3, 4], [A2]: [1, 1, 2], [A3]: [1, '/', 2] }
/** Fees (万元, decimals): one non-zero amount per year, so year sums stay exact. */
const fees21: Record<string, number[]> = { [A1]: [12.35, 8.5, 0], [A2]: [0, 0, 3.75], [A3]: [0, 0, 0] }
function active2021Rows(u: string, y: number): Cells[] {
  const i = y - 2021
  const b = (x: Cells) => [Number(u), y, ...x] // unit codes typed as numbers, as Excel users do
  return [
    b(['规章', 0, 0, 0, '', '']),
    b(['行政规范性文件', ...docs21[u][y], '', '']),
    b(['行政许可', '', '', '', licensing21[u][i], '']),
    b(['行政处罚', '', '', '', penalty21[u][i], '']),
    b(['行政强制', '', '', '', u === A1 && y === 2023 ? 1 : 0, '']),
    b(['行政事业性收费', '', '', '', '', fees21[u][i]]),
  ]
}

/** Section 四: zeros except a few cases; A2 2023 review_pending holds text (planted text_cells). */
function reviewCells(u: string, y: number): (number | string)[] {
  const v: Record<string, number | string> = {}
  if (u === A1 && y === 2019) Object.assign(v, { litigation_direct_upheld: 1, litigation_direct_total: 1 })
  if (u === A1 && y === 2021) Object.assign(v, { review_upheld: 1, review_corrected: 1, review_total: 2 })
  if (u === A2 && y === 2023) Object.assign(v, { review_pending: '详见附表' })
  return REVIEW_KEYS.map((k) => v[k] ?? 0)
}

const eachReport = (years: readonly number[]) => years.flatMap((y) => UNITS.map((u) => [u.code, y] as const))
const Y19 = [2019, 2020]
const Y21 = [2021, 2022, 2023]
const activeTotalCell = (u: string, y: number) => ACTIVE_TOTAL[u][y - 2019] ?? ''

const F = {
  reports19: '2019-2020-报告清单.csv',
  apps19: '2019-2020-依申请公开.csv',
  active19: '2019-2020-主动公开.csv',
  reviews19: '2019-2020-复议诉讼.csv',
  reports21: '2021-2023-reports.csv',
  apps21: '2021-2023-applications.csv',
  reviews21: '2021-2023-reviews.csv',
  active21: '2021-2023-主动公开.xlsx',
  extra: '补报-applications.csv',
} as const
const XLSX_SHEET = '主动公开'

async function buildBundle(): Promise<Record<string, Uint8Array>> {
  const gb = (text: string) => encodeText(text, 'gb18030')
  const utf8 = (text: string) => encodeText(text, 'utf8')
  const files: Record<string, Uint8Array> = {
    [F.reports19]: gb(toCsv(['单位代码', '单位名称', '上级代码', '上级名称', '层级', '年度', '主动公开信息数'],
      eachReport(Y19).map(([u, y]) => [u, NAME[u], PARENT.code, PARENT.name, '乡镇', y, activeTotalCell(u, y)]), '\r\n')),
    [F.apps19]: gb(toCsv(['单位代码', '年度', '项目', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      eachReport(Y19).flatMap(([u, y]) => rowsFor(y).map((r) => { const v = APPS[u][y][r.key] ?? 0; return [u, y, r.zh, v, 0, 0, 0, 0, 0, v] })), '\r\n')),
    [F.active19]: gb(toCsv(ACTIVE_2019_HEADER, eachReport(Y19).flatMap(([u, y]) => active2019Rows(u, y)), '\r\n')),
    [F.reviews19]: gb(toCsv(['单位代码', '年度', ...REVIEW_COLUMNS.map((c) => c.zh)], eachReport(Y19).map(([u, y]) => [u, y, ...reviewCells(u, y)]), '\r\n')),
    [F.reports21]: utf8(toCsv(['unit_code', 'unit_name', 'parent_code', 'parent_name', 'level', 'year', 'active_total'],
      eachReport(Y21).map(([u, y]) => [u, NAME[u], PARENT.code, PARENT.name, '乡镇', y, activeTotalCell(u, y)]))),
    [F.apps21]: utf8(toCsv(['unit_code', 'year', 'row', 'natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'],
      eachReport(Y21).flatMap(([u, y]) => rowsFor(y).map((r) => { const v = APPS[u][y][r.key] ?? 0; return [u, y, r.key, v, 0, 0, 0, 0, 0, v] })))),
    [F.reviews21]: utf8(toCsv(['unit_code', 'year', ...REVIEW_KEYS], eachReport(Y21).map(([u, y]) => [u, y, ...reviewCells(u, y)]))),
  }
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(XLSX_SHEET)
  ws.addRow(ACTIVE_2021_HEADER)
  for (const [u, y] of eachReport(Y21)) for (const r of active2021Rows(u, y)) ws.addRow(r.map((c) => (c === '' ? null : c)))
  files[F.active21] = new Uint8Array(await wb.xlsx.writeBuffer())
  return files
}

const REPORTS = UNITS.length * YEARS.length // 15
const XLSX_PATH = `${F.active21}/${XLSX_SHEET}`

// ------------------------------------------------------------------ expected figures, from the data above

const sumYear = (y: number, f: (u: string) => number | null | undefined): number | null => {
  const xs = UNITS.map((u) => f(u.code)).filter((x): x is number => typeof x === 'number')
  return xs.length ? xs.reduce((a, b) => a + b, 0) : null
}
const appTotal = (u: string, y: number, row: string) => APPS[u][y][row] ?? 0
const otherGroup = (u: string, y: number) => Object.entries(APPS[u][y]).filter(([k]) => k === 'other' || k.startsWith('other.')).reduce((a, [, v]) => a + v, 0)

// ------------------------------------------------------------------ reading options

type Option = Record<string, any>
const asArray = <T>(v: T | T[] | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v])
const val = (d: unknown): number | null => {
  const x = d && typeof d === 'object' && !Array.isArray(d) && 'value' in (d as object) ? (d as { value: unknown }).value : d
  return typeof x === 'number' && Number.isFinite(x) ? x : null
}
/** Series `id` of a year chart → year → value (null for "—"/missing). */
function yearSeries(o: Option, id: string): Record<string, number | null> {
  const years = (asArray(o.xAxis)[0]?.data ?? []) as string[]
  const s = asArray(o.series).find((x: Option) => x.id === id) as Option | undefined
  if (!s) throw new Error(`series ${id} missing: ${asArray(o.series).map((x: Option) => x.id).join(',')}`)
  return Object.fromEntries(years.map((y, i) => [String(y), val(asArray(s.data)[i])]))
}
const yearsOf = (o: Option | null): string[] => (o ? ((asArray(o.xAxis)[0]?.data ?? []) as unknown[]).map(String) : [])
const ALL_YEARS = YEARS.map(String)

// ------------------------------------------------------------------ the app

let s: Session
let files: Record<string, Uint8Array>

async function pick(f: Record<string, Uint8Array>): Promise<void> {
  await s.page.setInputFiles('[data-testid="bundle-input"]', Object.entries(f).map(([name, bytes]) => ({
    name,
    mimeType: name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
    buffer: Buffer.from(bytes),
  })))
}

/** Wait until `n` files are loaded and the app is ready again (a load that adds no report). */
async function waitForFiles(n: number, timeout = WORK_BOUND): Promise<void> {
  const end = Date.now() + timeout
  for (;;) {
    const state = await s.page.getAttribute('[data-state]', 'data-state')
    if (state === 'error') throw new Error(`app error: ${await s.page.textContent('[data-state]')}`)
    if (state === 'ready') {
      const [r] = await query<{ n: number }>(s.page, 'SELECT count(*)::INTEGER AS n FROM files')
      if (r.n === n && (await s.page.getAttribute('[data-state]', 'data-state')) === 'ready'
        && (await s.page.getAttribute('[data-state]', 'data-querying')) !== 'true') return
    }
    if (Date.now() > end) throw new Error(`not ${n} files after ${timeout} ms`)
    await s.page.waitForTimeout(100) // each try asks the page (and DuckDB): 100 ms, not 300, between tries
  }
}

/** Switch the view without reloading the page (a reload would replay the saved bundles). */
async function go(route: string, testid: string): Promise<void> {
  await s.page.evaluate((r) => { location.hash = `#${r}` }, route)
  await s.page.waitForSelector(`[data-testid="${testid}"]`, { timeout: WORK_BOUND })
}

interface FindingRow { rule: string; severity: string; unit_code: string | null; year: number | null; cells: string | null; raw: string | null; message: string }
const findings = () => query<FindingRow>(s.page, 'SELECT rule, severity, unit_code, year, cells, raw, message FROM findings ORDER BY rule, unit_code, year, cells')

/** Every figure the charts and the summary table show (compared before/after a second load). */
async function figures(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  out.summary = await query(s.page, 'SELECT * FROM summary ORDER BY unit_code, year')
  out.active = await query(s.page, 'SELECT * EXCLUDE (file_id, rec) FROM active ORDER BY unit_code, year, item')
  out.applications = await query(s.page, 'SELECT * EXCLUDE (file_id, rec) FROM applications ORDER BY unit_code, year, "row"')
  const series = (o: Option | null) => asArray(o?.series).map((x: Option) => ({ id: x.id, data: x.data }))
  await go('/', 'view-overview')
  for (const id of ['active-heatmap', 'active-bars', 'outcome-counts-unit', 'outcome-shares-year']) {
    out[id] = series(await waitForOption<Option>(s.page, id, (o) => asArray(o.series).length > 0))
  }
  await go('/active', 'view-active')
  for (const id of ['active-trend', 'normative-docs', 'decisions', 'fees']) {
    out[id] = series(await waitForOption<Option>(s.page, id, (o) => yearsOf(o).length > 0))
  }
  await go('/applications', 'view-applications')
  for (const id of ['applications-flow', 'applications-outcomes']) {
    out[id] = series(await waitForOption<Option>(s.page, id, (o) => asArray(o.series).length > 0 && asArray(asArray(o.series)[0].data).length > 0))
  }
  await go('/', 'view-overview')
  return out
}

beforeAll(async () => {
  files = await buildBundle()
  s = await openSession()
  await s.page.goto(appUrl('/?nosample=1'))
  await waitForReady(s.page)
  await pick(files)
  const summary = await waitForReports(s.page, REPORTS)
  expect(summary, s.errors.join('\n')).toMatchObject({ reports: REPORTS, units: UNITS.length, years: YEARS.length })
})
afterAll(async () => { await s?.close() })

describe.sequential('a bundle mixing 2019/2021 layouts, GB18030/UTF-8 and csv/xlsx', () => {
  test('every file is recognised, with its encoding; nothing skipped, no file-level finding', async () => {
    const rows = await query<{ path: string; kind: string; encoding: string; records: number }>(s.page,
      'SELECT path, kind, encoding, records::INTEGER AS records FROM files ORDER BY path')
    const want: Record<string, [string, string, number]> = {
      [F.reports19]: ['reports', 'gb18030', 6], [F.apps19]: ['applications', 'gb18030', 6 * 23], [F.active19]: ['active', 'gb18030', 6 * 8],
      [F.reviews19]: ['reviews', 'gb18030', 6], [F.reports21]: ['reports', 'utf-8', 9], [F.apps21]: ['applications', 'utf-8', 9 * 25],
      [F.reviews21]: ['reviews', 'utf-8', 9], [XLSX_PATH]: ['active', 'utf-8', 9 * 6],
    }
    expect(Object.fromEntries(rows.map((r) => [r.path, [r.kind, r.encoding === 'ascii' ? 'utf-8' : r.encoding, r.records]]))).toEqual(want)
    // the count on screen = database findings + file-level (ingest) findings: none of the latter
    const [n] = await query<{ n: number }>(s.page, 'SELECT count(*)::INTEGER AS n FROM findings')
    expect(Number(await s.page.getAttribute('[data-testid="load-summary"]', 'data-findings'))).toBe(n.n)
    // the layout of each report is detected from its labels and measures, and fits its year
    const fmt = await query<{ year: number; format: string; n: number }>(s.page,
      'SELECT year, format, count(*)::INTEGER AS n FROM summary GROUP BY ALL ORDER BY year')
    expect(fmt).toEqual(YEARS.map((y) => ({ year: y, format: y >= 2021 ? '2021' : '2019', n: 3 })))
  })

  test('values kept exactly (SQL)', async () => {
    const one = async (sql: string) => (await query(s.page, sql))[0]
    // 2019 `other` row (GB18030, label （六）其他处理) and the 2021 other.* sub-rows
    expect(await one(`SELECT natural_person, total FROM applications WHERE unit_code = '${A1}' AND year = 2019 AND "row" = 'other'`)).toEqual({ natural_person: 2, total: 2 })
    expect(await one(`SELECT total FROM applications WHERE unit_code = '${A1}' AND year = 2021 AND "row" = 'other.no_fee'`)).toEqual({ total: 1 })
    expect(await query(s.page, `SELECT year, other, handled FROM summary WHERE unit_code = '${A1}' ORDER BY year`)).toEqual(
      YEARS.map((y) => ({ year: y, other: otherGroup(A1, y), handled: appTotal(A1, y, 'handled') })))
    // fee amount with decimals (an Excel number cell) and a 2019 procurement amount (GB18030 text)
    expect(await one(`SELECT fee_amount FROM active WHERE unit_code = '${A1}' AND year = 2021 AND item = 'admin_fees'`)).toEqual({ fee_amount: 12.35 })
    expect(await one(`SELECT procurement_amount FROM active WHERE unit_code = '${A1}' AND year = 2019 AND item = 'procurement'`)).toEqual({ procurement_amount: 35.8 })
    expect(await one(`SELECT "change" FROM active WHERE unit_code = '${A1}' AND year = 2019 AND item = 'licensing'`)).toEqual({ change: -1 })
    // the blanks stay blank (missing), not 0: the unstated total, and the planted table cell (the one missing cell)
    expect(await one(`SELECT active_total FROM reports WHERE unit_code = '${A1}' AND year = 2020`)).toEqual({ active_total: null })
    expect(await one(`SELECT prev_items FROM active WHERE unit_code = '${A1}' AND year = 2020 AND item = 'other_services'`)).toEqual({ prev_items: null })
    expect(await one(`SELECT active_total, missing_cells FROM summary WHERE unit_code = '${A1}' AND year = 2020`)).toEqual({ active_total: null, missing_cells: 1 })
    // `/` is not applicable: no number, not missing either
    for (const [u, y, item] of [[A3, 2022, 'penalty'], [A2, 2019, 'coercion']] as const) {
      expect(await one(`SELECT decisions FROM active WHERE unit_code = '${u}' AND year = ${y} AND item = '${item}'`)).toEqual({ decisions: null })
      expect(await one(`SELECT kind, raw FROM cell_issues WHERE unit_code = '${u}' AND year = ${y} AND rk = '${item}' AND col = 'decisions'`)).toEqual({ kind: 'na', raw: '/' })
      expect(await one(`SELECT na_cells, missing_cells FROM summary WHERE unit_code = '${u}' AND year = ${y}`)).toEqual({ na_cells: 1, missing_cells: 0 })
    }
    // text is kept verbatim, and not counted
    expect(await one(`SELECT review_pending FROM reviews WHERE unit_code = '${A2}' AND year = 2023`)).toEqual({ review_pending: null })
    expect(await one(`SELECT kind, raw FROM cell_issues WHERE unit_code = '${A2}' AND year = 2023 AND col = 'review_pending'`)).toEqual({ kind: 'text', raw: '详见附表' })
    // unit codes typed as Excel numbers come back as the same 12-digit text
    expect(await query(s.page, `SELECT DISTINCT unit_code FROM active WHERE year >= 2021 ORDER BY 1`)).toEqual(UNITS.map((u) => ({ unit_code: u.code })))
    // every figure of the active table equals the files (2021 in_force, 2019 total_published)
    expect(await query(s.page, `SELECT year, total_published, in_force FROM active WHERE unit_code = '${A1}' AND item = 'normative_docs' ORDER BY year`)).toEqual([
      { year: 2019, total_published: 10, in_force: null }, { year: 2020, total_published: 13, in_force: null },
      { year: 2021, total_published: null, in_force: 15 }, { year: 2022, total_published: null, in_force: 15 }, { year: 2023, total_published: null, in_force: 17 },
    ])
  })

  test('overview heatmap: every unit × year active_total; the blank shows as missing, not 0', async () => {
    const o = await waitForOption<Option>(s.page, 'active-heatmap', (x) => heatmapValues(x).size >= REPORTS)
    const heat = heatmapValues(o)
    const want = new Map(eachReport(YEARS).map(([u, y]) => [`${NAME[u]}|${y}`, ACTIVE_TOTAL[u][y - 2019]]))
    expect(new Map([...heat].sort())).toEqual(new Map([...want].sort()))
    const missing = asArray(asArray(o.series).find((x: Option) => x.id === 'missing-value')?.data) as [number, number][]
    const xs = (asArray(o.xAxis)[0].data as unknown[]).map(String)
    const ys = (asArray(o.yAxis)[0].data as unknown[]).map(String)
    expect(missing.map(([x, y]) => `${ys[y]}|${xs[x]}`)).toEqual([`${NAME[A1]}|2020`])
  })

  test('active view: trends over 2019–2023 on harmonised measures; the approximate mapping is flagged', async () => {
    await go('/active', 'view-active')
    const trend = await waitForOption<Option>(s.page, 'active-trend', (o) => yearsOf(o).length === 5)
    expect(yearsOf(trend)).toEqual(ALL_YEARS)
    expect(yearSeries(trend, 'active_total')).toEqual(Object.fromEntries(YEARS.map((y) => [y, sumYear(y, (u) => ACTIVE_TOTAL[u][y - 2019])])))

    // normative documents: 2019 made → issued, total_published → in force (approximate), repealed 2021+ only
    const docs = await waitForOption<Option>(s.page, 'normative-docs', (o) => yearsOf(o).length === 5)
    const d = (y: number, i: number) => sumYear(y, (u) => Number((y >= 2021 ? docs21 : docs19)[u][y][i]))
    expect(yearSeries(docs, 'issued')).toEqual(Object.fromEntries(YEARS.map((y) => [y, d(y, 0)])))
    expect(yearSeries(docs, 'in_force')).toEqual(Object.fromEntries(YEARS.map((y) => [y, d(y, 2)])))
    expect(yearSeries(docs, 'in_force')).toEqual({ 2019: 17, 2020: 21, 2021: 24, 2022: 25, 2023: 28 })
    expect(yearSeries(docs, 'repealed')).toEqual({ 2019: null, 2020: null, 2021: 0, 2022: 1, 2023: 2 })
    // flagged in the chart itself (travels with exports) and in the note under it
    const subtext = asArray(docs.title).map((t: Option) => String(t.subtext ?? '')).join(' ')
    expect(subtext).toMatch(/近似/)
    const note = await s.page.locator('[data-chart-id="normative-docs"] [data-testid="chart-note"]').innerText()
    expect(note).toContain('对外公开总数量')
    expect(note).toMatch(/近似/)

    // decisions: the one measure that carries over unchanged; `/` counts as nothing
    const dec = await waitForOption<Option>(s.page, 'decisions', (o) => yearsOf(o).length === 5)
    expect(yearSeries(dec, 'licensing')).toEqual({ 2019: 23, 2020: 28, 2021: 29, 2022: 33, 2023: 37 })
    expect(yearSeries(dec, 'penalty')).toEqual({ 2019: 4, 2020: 4, 2021: 4, 2022: 4, 2023: 8 })
    expect(yearSeries(dec, 'coercion')).toEqual({ 2019: 1, 2020: 0, 2021: 0, 2022: 0, 2023: 1 })

    // fee amounts: 2021 layout only (2019 counts fee items: never on the same axis)
    const fee = await waitForOption<Option>(s.page, 'fees', (o) => yearsOf(o).length > 0)
    expect(yearSeries(fee, 'fee_amount')).toEqual({ 2021: 12.35, 2022: 8.5, 2023: 3.75 })
    await expect.poll(() => s.page.locator('[data-chart-id="normative-docs"]').getAttribute('data-empty')).toBe('false')
  })

  test('applications view: flow 2019–2023 in both layouts; other = 2019 row or sum of 2021 sub-rows', async () => {
    await go('/applications', 'view-applications')
    const flow = await waitForOption<Option>(s.page, 'applications-flow', (o) => yearsOf(o).length === 5)
    expect(yearsOf(flow)).toEqual(ALL_YEARS)
    for (const [id, row] of [['received', 'received'], ['carriedIn', 'carried_in'], ['handled', 'handled'], ['carriedOut', 'carried_out']]) {
      expect(yearSeries(flow, id), id).toEqual(Object.fromEntries(YEARS.map((y) => [y, sumYear(y, (u) => appTotal(u, y, row))])))
    }
    expect(yearSeries(flow, 'received')).toEqual({ 2019: 11, 2020: 13, 2021: 15, 2022: 12, 2023: 14 })

    const out = await waitForOption<Option>(s.page, 'applications-outcomes', (o) => asArray(asArray(o.yAxis)[0]?.data).length === 5)
    const cats = (asArray(out.yAxis)[0].data as unknown[]).map(String)
    expect(cats.map((c) => c.slice(0, 4))).toEqual(ALL_YEARS)
    const other = asArray(asArray(out.series).find((x: Option) => x.id === 'other')?.data).map(val)
    expect(other).toEqual(YEARS.map((y) => sumYear(y, (u) => otherGroup(u, y))))
    expect(other).toEqual([3, 0, 2, 0, 0])
    const granted = asArray(asArray(out.series).find((x: Option) => x.id === 'granted')?.data).map(val)
    expect(granted).toEqual(YEARS.map((y) => sumYear(y, (u) => appTotal(u, y, 'granted'))))
    await go('/', 'view-overview')
  })

  test('findings: exactly the planted rule breaks, no others', async () => {
    const f = await findings()
    expect(f.map((x) => [x.rule, x.unit_code, x.year, x.cells])).toEqual([
      ['blank_cells', A1, 2020, 'other_services.prev_items'],
      ['carry_chain', A3, 2021, 'carried_in.total'],
      ['flow_identity', A2, 2022, 'received.natural_person+carried_in.natural_person=handled.natural_person+carried_out.natural_person'],
      ['flow_identity', A2, 2022, 'received.total+carried_in.total=handled.total+carried_out.total'],
      ['text_cells', A2, 2023, '.review_pending'],
    ])
    const msg = (rule: string) => f.find((x) => x.rule === rule)!.message
    expect(msg('carry_chain')).toContain('浓桥镇')
    expect(msg('carry_chain')).toContain('2020')
    expect(msg('blank_cells')).toContain(F.active19)
    expect(msg('text_cells')).toContain('详见附表')
    expect(msg('text_cells')).toContain(F.reviews21)
    expect(Number(await s.page.getAttribute('[data-testid="load-summary"]', 'data-findings'))).toBe(5)
    // the data-quality view lists the same findings, and no others
    await go('/quality', 'view-quality')
    await s.page.waitForSelector('tr[data-testid="finding-row"]', { timeout: WORK_BOUND })
    const shown = await s.page.locator('tr[data-testid="finding-row"]').evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-rule'), e.getAttribute('data-unit'), Number(e.getAttribute('data-year'))]))
    expect(shown.sort()).toEqual([['blank_cells', A1, 2020], ['carry_chain', A3, 2021], ['flow_identity', A2, 2022],
      ['flow_identity', A2, 2022], ['text_cells', A2, 2023]].sort())
    await go('/', 'view-overview')
  })

  let before: Record<string, unknown>
  let firstFindings: FindingRow[]
  test('loading the same bundle a second time changes no figure', async () => {
    before = await figures()
    firstFindings = await findings()
    await pick(files) // the same bytes once more (file names and all)
    await waitForFiles(16)
    const after = await figures()
    for (const k of Object.keys(before)) expect(after[k], k).toEqual(before[k])
    expect((await s.page.getAttribute('[data-testid="load-summary"]', 'data-reports'))).toBe(String(REPORTS))
    const f = await findings()
    // only "duplicate, counted once" notes are added: one per re-read file, naming both copies
    expect(f.filter((x) => x.rule !== 'duplicate')).toEqual(firstFindings)
    const dups = f.filter((x) => x.rule === 'duplicate')
    expect(dups.map((x) => x.severity)).toEqual(dups.map(() => 'info'))
    for (const p of [F.reports19, F.apps19, F.active19, F.reviews19, F.reports21, F.apps21, F.reviews21, XLSX_PATH]) {
      expect(dups.filter((x) => x.message.split(p).length - 1 === 2), p).toHaveLength(1)
    }
    expect(dups).toHaveLength(8)
  })

  test('a conflicting duplicate (same unit-year, another value, another file) is reported with both origins', async () => {
    const extra = { [F.extra]: encodeText(toCsv(['unit_code', 'year', 'row', 'natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'],
      [[A1, 2023, 'received', 9, 0, 0, 0, 0, 0, 9]]), 'utf8') }
    await pick(extra)
    await waitForFiles(17)
    const f = await findings()
    const conflicts = f.filter((x) => x.rule === 'conflict')
    expect(conflicts.map((x) => [x.unit_code, x.year, x.severity])).toEqual([[A1, 2023, 'error']])
    expect(conflicts[0].message).toContain(F.apps21)
    expect(conflicts[0].message).toContain(F.extra)
    expect(conflicts[0].message).toMatch(/6 与 9/) // both numbers: the one kept, then the conflicting one
    // nothing else changes: the first value stays, no rule breaks because of the conflicting copy
    expect(f.filter((x) => x.rule !== 'duplicate' && x.rule !== 'conflict')).toEqual(firstFindings)
    const after = await figures()
    for (const k of Object.keys(before)) expect(after[k], k).toEqual(before[k])
  })

  test('privacy: every request stayed on 127.0.0.1', () => {
    assertPrivate(s)
  })
})
