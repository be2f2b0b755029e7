/**
 * Bad data never drops good data: one text cell (详见附表) becomes one located finding, and
 * every other row of the file is still loaded. The generator's deliberate breaks each become a
 * finding for their unit and year.
 */
import { afterAll, describe, expect, test } from 'vitest'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { parseCsv, toCsv } from '../../scripts/lib/csv.mjs'
import { appUrl, assertPrivate, openSession, query, uploadFiles, waitForReady, waitForReports, type Session } from './helpers'

let s: Session

/** A fresh browser profile (nothing loaded before: the app may persist its database), then upload. */
async function freshUpload(files: Record<string, string>, reports: number): Promise<void> {
  await s?.close()
  s = await openSession()
  await s.page.goto(appUrl('/?nosample=1'))
  await waitForReady(s.page)
  await uploadFiles(s.page, encodeFiles(files, 'utf8'))
  const summary = await waitForReports(s.page, reports)
  expect(summary.reports).toBe(reports)
}

afterAll(async () => { await s?.close() })

interface FindingRow { rule: string; severity: string; unit_code: string | null; year: number | null; line: number | null; col: string | null; raw: string | null; message: string }

describe('a bundle with one bad cell', () => {
  const { files } = generateBundle({ reports: 36, years: [2021, 2023], seed: 'bad-cell', breaks: false })
  const table = parseCsv(files['applications.csv'])
  const header = table[0]
  // The `received` row of the 5th report, column `commercial`.
  const index = table.map((r, i) => (r[2] === 'received' ? i : -1)).filter((i) => i > 0)[4]
  const line = index + 1 // 1-based, header = line 1
  const [unitCode, year] = table[index]
  const col = header.indexOf('commercial')
  const bad = table.map((r, i) => (i === index ? r.map((c, j) => (j === col ? '详见附表' : c)) : r))
  const badFiles = { ...files, 'applications.csv': toCsv(bad[0], bad.slice(1)) }
  const dataRows = table.length - 1

  test('the text cell is one error finding naming file, line and column', async () => {
    await freshUpload(badFiles, 36)
    const rows = await query<FindingRow>(s.page, "SELECT rule, severity, unit_code, year, line, col, raw, message FROM findings WHERE rule = 'text_cells'")
    expect(rows, JSON.stringify(rows)).toHaveLength(1)
    const f = rows[0]
    expect(f).toMatchObject({ severity: 'error', raw: '详见附表', unit_code: unitCode, year: Number(year), line })
    expect(f.message).toContain('applications.csv')
    expect(f.message).toContain(String(line))
    expect(f.message).toMatch(/commercial|商业企业/)
    expect(f.message).toContain('详见附表')
  })

  test('every row of applications.csv is still loaded; the bad row keeps its other cells', async () => {
    const [{ n }] = await query<{ n: number }>(s.page, 'SELECT CAST(count(*) AS INTEGER) AS n FROM applications')
    expect(n).toBe(dataRows)
    const [r] = await query<{ commercial: number | null; natural_person: number | null; total: number | null }>(
      s.page,
      `SELECT CAST(commercial AS DOUBLE) AS commercial, CAST(natural_person AS DOUBLE) AS natural_person, CAST(total AS DOUBLE) AS total
       FROM applications WHERE unit_code = '${unitCode}' AND year = ${Number(year)} AND "row" = 'received'`,
    )
    expect(r.commercial).toBeNull() // text is not a number, and never 0
    expect(r.natural_person).toBe(Number(table[index][header.indexOf('natural_person')]))
    expect(r.total).toBe(Number(table[index][header.indexOf('total')]))
    expect(Number(await s.page.getAttribute('[data-testid="load-summary"]', 'data-findings'))).toBeGreaterThanOrEqual(1)
  })
})

describe('the generator’s deliberate breaks', () => {
  const { files, manifest } = generateBundle({ reports: 240, years: [2019, 2024], seed: 'breaks-240' })

  test('each listed break is a finding of its rule for its unit and year', async () => {
    await freshUpload(files, manifest.counts.reports)
    const rows = await query<FindingRow>(s.page, 'SELECT rule, severity, unit_code, year, line, col, raw, message FROM findings')
    const missing = manifest.breaks.filter((b) => !rows.some((f) => f.rule === b.rule && f.unit_code === b.unit_code && Number(f.year) === b.year))
    expect(missing.map((b) => `${b.rule} ${b.unit_name} ${b.year}`)).toEqual([])
    // Severities are those of report-format.md.
    for (const b of manifest.breaks) {
      const f = rows.find((x) => x.rule === b.rule && x.unit_code === b.unit_code)!
      expect(f.severity, b.rule).toBe(b.severity)
    }
    const summaryFindings = Number(await s.page.getAttribute('[data-testid="load-summary"]', 'data-findings'))
    expect(summaryFindings).toBeGreaterThanOrEqual(manifest.breaks.length)
  })

  test('the text cell is located at the line the manifest gives', async () => {
    const rows = await query<FindingRow>(s.page, "SELECT rule, severity, unit_code, year, line, col, raw, message FROM findings WHERE rule = 'text_cells'")
    const b = manifest.breaks.find((x) => x.rule === 'text_cells')!
    expect(rows.map((f) => [f.unit_code, f.line, f.raw])).toEqual([[b.unit_code, b.cells[0].line, '详见附表']])
  })

})

describe('texts longer than a bound parameter may be', () => {
  // Over 4,096 characters a dictionary entry goes through a CSV file read by DuckDB (src/db/dicts.ts): its read_csv
  // once asked for a 1 GiB buffer, and the whole load failed with "Out of Memory" in the browser.
  const name = `浓桥镇${'长'.repeat(5000)}`
  const files = {
    'reports.csv': 'unit_code,unit_name,parent_code,parent_name,level,year,active_total\n'
      + `230883103000,${name},230883,抚远市,乡镇,2023,43\n230883104000,寒葱沟镇,230883,抚远市,乡镇,2023,详见${'附'.repeat(5000)}\n`,
  }

  test('a unit name and a text cell of 5,000 characters load whole, the text cell as one finding', async () => {
    await freshUpload(files, 2)
    const rows = await query<{ unit_name: string; active_total: number | null }>(s.page,
      'SELECT unit_name, CAST(active_total AS DOUBLE) AS active_total FROM reports ORDER BY unit_code')
    expect(rows).toEqual([{ unit_name: name, active_total: 43 }, { unit_name: '寒葱沟镇', active_total: null }])
    const found = await query<{ rule: string; raw: string }>(s.page, "SELECT rule, raw FROM findings WHERE unit_code = '230883104000'")
    expect(found).toEqual([{ rule: 'text_cells', raw: `详见${'附'.repeat(5000)}` }])
  })
})

test('privacy: every request of the page and its workers stayed on 127.0.0.1', () => {
  assertPrivate(s)
})
