/**
 * The bundle generator (scripts/lib/generate.mjs) and the committed sample (data/sample):
 * deterministic, consistent with the form's rules except for the breaks its manifest lists,
 * and written with the same keys and labels as src/domain.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { generateBundle, type Bundle } from '../../scripts/lib/generate.mjs'
import { decodeText, encodeFiles } from '../../scripts/lib/encode.mjs'
import { parseCsv, parseCsvObjects } from '../../scripts/lib/csv.mjs'
import * as F from '../../scripts/lib/format.mjs'
import { ACTIVE_ITEMS_2019, ACTIVE_ITEMS_2021, ACTIVE_MEASURES, APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS } from '../../src/domain/format'
import { BUNDLE_TABLES } from '../../src/domain/bundle'

type Row = Record<string, string>
const n = (s: string) => Number(s)

/** Every consistency rule the generator promises, evaluated on parsed files; returns broken ones. */
function brokenRules(files: Record<string, string>): string[] {
  const out: string[] = []
  const apps = parseCsvObjects(files['applications.csv'])
  const byReport = new Map<string, Map<string, Row>>()
  for (const r of apps) {
    const k = `${r.unit_code}|${r.year}`
    if (!byReport.has(k)) byReport.set(k, new Map())
    byReport.get(k)!.set(r.row, r)
  }
  for (const [k, rows] of byReport) {
    for (const r of rows.values()) {
      if (F.APPLICANT_PARTS.reduce((a, c) => a + n(r[c]), 0) !== n(r.total)) out.push(`applicant_sum ${k} ${r.row}`)
    }
    for (const [col] of F.APPLICANT_COLUMNS) {
      const g = (row: string) => n(rows.get(row)![col])
      if (g('received') + g('carried_in') !== g('handled') + g('carried_out')) out.push(`flow_identity ${k} ${col}`)
      const outcomes = [...rows.keys()].filter((row) => F.APPLICATION_ROWS.find((a) => a[0] === row)?.[2])
      if (outcomes.reduce((a, row) => a + g(row), 0) !== g('handled')) out.push(`handled_sum ${k} ${col}`)
    }
  }
  for (const r of parseCsvObjects(files['reviews.csv'])) {
    for (const b of F.REVIEW_BLOCK_KEYS) {
      if (['upheld', 'corrected', 'other', 'pending'].reduce((a, o) => a + n(r[`${b}_${o}`]), 0) !== n(r[`${b}_total`])) out.push(`review_sum ${r.unit_code}|${r.year} ${b}`)
    }
  }
  const units = new Map(parseCsvObjects(files['reports.csv']).map((r) => [`${r.unit_code}|${r.year}`, r]))
  for (const r of parseCsvObjects(files['active.csv'])) {
    for (const [m] of F.ACTIVE_MEASURES) {
      if (r[m] === '' && F.ACTIVE_ITEMS[units.get(`${r.unit_code}|${r.year}`)!.format as '2019' | '2021'].find((i) => i[0] === r.item)?.[2].includes(m)) out.push(`blank_cells ${r.unit_code}|${r.year} ${r.item}.${m}`)
      if (/^-/.test(r[m]) && m !== 'change') out.push(`negative ${r.unit_code}|${r.year} ${r.item}.${m}`)
    }
    if (r.item === 'regulations' && ['乡镇', '街道'].includes(units.get(`${r.unit_code}|${r.year}`)!.level) && (r.issued || r.made || '0') !== '0') out.push(`no_township_regulations ${r.unit_code}|${r.year}`)
  }
  for (const r of units.values()) if (r.format !== F.formatForYear(n(r.year))) out.push(`format_year ${r.unit_code}|${r.year}`)
  return out
}

describe('bundle generator', () => {
  const gen = (seed: number, breaks = true): Bundle => generateBundle({ reports: 240, years: [2019, 2024], seed, breaks })

  test('same seed → same bytes; another seed → another bundle', () => {
    expect(JSON.stringify(gen(11))).toBe(JSON.stringify(gen(11)))
    expect(gen(12).files['applications.csv']).not.toBe(gen(11).files['applications.csv'])
  })

  test('exactly N reports, both layouts by year, 12-digit codes with leading zeros kept as text', () => {
    const { files, manifest } = gen(3)
    const reports = parseCsvObjects(files['reports.csv'])
    expect(reports).toHaveLength(240)
    expect(manifest.counts.reports).toBe(240)
    expect(new Set(reports.map((r) => `${r.unit_code}|${r.year}`)).size).toBe(240)
    expect(reports.every((r) => /^0\d{11}$/.test(r.unit_code))).toBe(true)
    const apps = parseCsvObjects(files['applications.csv'])
    expect(apps.some((r) => r.year === '2020' && r.row === 'other')).toBe(true)
    expect(apps.some((r) => r.year === '2023' && r.row === 'other.no_fee')).toBe(true)
    expect(apps.some((r) => r.year === '2020' && r.row === 'other.no_fee')).toBe(false)
    const levels = new Set(reports.map((r) => r.level))
    expect([...levels].sort()).toEqual(['乡镇', '街道', '部门'].sort())
    const units = parseCsvObjects(files['units.csv'])
    const codes = new Set(units.map((u) => u.unit_code))
    expect(units.every((u) => u.parent_code === '' || codes.has(u.parent_code))).toBe(true)
  })

  test('a clean bundle breaks no rule', () => {
    expect(brokenRules(gen(5, false).files)).toEqual([])
  })

  test('a bundle with breaks breaks exactly the rules its manifest lists, at the lines it gives', () => {
    const { files, manifest } = gen(5)
    const broken = brokenRules(files)
    const expected = manifest.breaks.filter((b) => b.rule !== 'text_cells').map((b) => `${b.rule} ${b.unit_code}|${b.year}`)
    // Each listed break shows up; nothing else is broken (text cells make their row unsummable: skipped).
    const text = manifest.breaks.find((b) => b.rule === 'text_cells')!
    const rest = broken.filter((s) => !s.includes(`${text.unit_code}|${text.year}`))
    expect([...new Set(rest.map((s) => s.split(' ').slice(0, 2).join(' ')))].sort()).toEqual([...new Set(expected)].sort())
    expect(manifest.breaks.map((b) => b.rule)).toEqual(['text_cells', 'blank_cells', 'blank_cells', 'negative', 'flow_identity', 'handled_sum', 'applicant_sum', 'review_sum', 'no_township_regulations', 'format_year'])
    for (const b of manifest.breaks) {
      for (const c of b.cells) {
        const lines = parseCsv(files[b.file])
        const header = lines[0]
        const row = lines[c.line - 1]
        expect(row[header.indexOf('unit_code')]).toBe(b.unit_code)
        expect(row[header.indexOf(c.header)]).toBe(c.after)
      }
    }
  })

  test('GB18030 encoding round-trips and is not UTF-8', () => {
    const { files } = gen(2)
    const gb = encodeFiles(files, 'gb18030')
    expect(decodeText(gb['reports.csv'], 'gb18030')).toBe(files['reports.csv'])
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb['reports.csv'])).toThrow()
  })

  test('Chinese labels are the official ones', () => {
    const { files } = generateBundle({ reports: 30, years: [2020, 2021], seed: 1, labels: 'zh' })
    expect(files['applications.csv']).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')
    expect(parseCsv(files['reports.csv'])[0].slice(0, 3)).toEqual(['单位代码', '单位名称', '年度'])
  })
})

describe('npm run gen (scripts/gen-bundle.mjs)', () => {
  test('--encoding both writes the same bundle as UTF-8 and GB18030, with manifest.json', () => {
    const out = mkdtempSync(join(tmpdir(), 'gdd-gen-'))
    try {
      const script = new URL('../../scripts/gen-bundle.mjs', import.meta.url).pathname
      execFileSync(process.execPath, [script, '--reports', '50', '--years', '2020-2022', '--seed', '9', '--out', out, '--encoding', 'both'])
      expect(readdirSync(join(out, 'utf8')).sort()).toEqual(['active.csv', 'applications.csv', 'manifest.json', 'reports.csv', 'reviews.csv', 'units.csv'])
      const mem = generateBundle({ reports: 50, years: [2020, 2022], seed: '9' })
      for (const f of Object.keys(mem.files)) {
        expect(readFileSync(join(out, 'utf8', f), 'utf8')).toBe(mem.files[f])
        expect(decodeText(readFileSync(join(out, 'gb18030', f)), 'gb18030')).toBe(mem.files[f])
      }
      const manifest = JSON.parse(readFileSync(join(out, 'gb18030', 'manifest.json'), 'utf8'))
      expect(manifest.encoding).toBe('gb18030')
      expect(manifest.breaks).toEqual(JSON.parse(JSON.stringify(mem.manifest.breaks)))
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})

describe('scripts/lib/format.mjs agrees with src/domain', () => {
  test('application rows, applicant columns, review columns, active measures and items', () => {
    expect(F.APPLICATION_ROWS.map(([k, zh, g]) => [k, zh, g ?? undefined])).toEqual(APPLICATION_ROWS.map((r) => [r.key, r.zh, r.outcome]))
    for (const fmt of ['2019', '2021'] as const) expect(F.applicationRows(fmt).map((r) => r[0])).toEqual(APPLICATION_ROWS.filter((r) => r.formats.includes(fmt)).map((r) => r.key))
    expect(F.APPLICANT_COLUMNS).toEqual(APPLICANT_COLUMNS.map((c) => [c.key, c.zh]))
    expect(F.REVIEW_COLUMNS).toEqual(REVIEW_COLUMNS.map((c) => [c.key, c.zh]))
    expect(F.ACTIVE_MEASURES.map(([k]) => k)).toEqual(ACTIVE_MEASURES.map((m) => m.key))
    expect(F.ACTIVE_ITEMS[2021].map(([k, zh, m]) => [k, zh, m])).toEqual(ACTIVE_ITEMS_2021.map((i) => [i.key, i.zh, [...i.measures]]))
    expect(F.ACTIVE_ITEMS[2019].map(([k, zh, m]) => [k, zh, m])).toEqual(ACTIVE_ITEMS_2019.map((i) => [i.key, i.zh, [...i.measures]]))
    expect(F.REPORT_COLUMNS).toEqual(BUNDLE_TABLES.reports.columns.map((c) => [c.key, c.zh]))
    expect(F.UNIT_COLUMNS).toEqual(BUNDLE_TABLES.units.columns.map((c) => [c.key, c.zh]))
  })
})

describe('data/sample', () => {
  const read = (p: string) => readFileSync(new URL(`../../data/sample/${p}`, import.meta.url), 'utf8')

  test('浓桥镇 2023: active_total 43, every table cell 0, 25 application rows × 7, 15 review cells', () => {
    const [report] = parseCsvObjects(read('nongqiao/reports.csv'))
    expect(report).toMatchObject({ unit_name: '浓桥镇', year: '2023', level: '乡镇', parent_name: '抚远市', active_total: '43' })
    const apps = parseCsvObjects(read('nongqiao/applications.csv'))
    expect(apps).toHaveLength(25)
    expect(apps.every((r) => F.APPLICANT_COLUMNS.every(([c]) => r[c] === '0'))).toBe(true)
    const active = parseCsvObjects(read('nongqiao/active.csv'))
    expect(active.map((r) => r.item)).toEqual(F.ACTIVE_ITEMS[2021].map(([k]) => k))
    expect(active.every((r) => F.ACTIVE_MEASURES.every(([m]) => r[m] === '' || r[m] === '0'))).toBe(true)
    const reviews = parseCsv(read('nongqiao/reviews.csv'))
    expect(reviews[1].slice(2)).toEqual(Array(15).fill('0'))
  })

  test('浓桥镇 sample agrees with the report text (tests/fixtures/reports/nongqiao-2023.txt)', () => {
    const text = readFileSync(new URL('../fixtures/reports/nongqiao-2023.txt', import.meta.url), 'utf8')
    const stated = Number(/共公开信息(\d+)条/.exec(text)![1])
    expect(parseCsvObjects(read('nongqiao/reports.csv'))[0].active_total).toBe(String(stated))
    // Every table cell of parts 二–四 is a line holding only a number: all of them are 0.
    const tables = text.slice(text.indexOf('二、主动公开政府信息情况'), text.indexOf('五、存在的主要问题及改进情况'))
    const cells = tables.split('\n').map((l) => l.trim()).filter((l) => /^\d+$/.test(l))
    expect(cells.length).toBe(10 + 25 * 7 + 15) // 10 active cells, 25 × 7 application cells, 15 review cells
    expect(new Set(cells)).toEqual(new Set(['0']))
  })

  test('示例县 demo: consistent, fictional codes (99…), 2021–2024, non-zero figures', () => {
    const files = Object.fromEntries(['units.csv', 'reports.csv', 'active.csv', 'applications.csv', 'reviews.csv'].map((f) => [f, read(`demo/${f}`)]))
    expect(brokenRules(files)).toEqual([])
    const reports = parseCsvObjects(files['reports.csv'])
    expect(new Set(reports.map((r) => r.year))).toEqual(new Set(['2021', '2022', '2023', '2024']))
    expect(reports.every((r) => r.unit_code.startsWith('99'))).toBe(true)
    expect(reports.some((r) => r.unit_name === '青山镇')).toBe(true)
    const received = parseCsvObjects(files['applications.csv']).filter((r) => r.row === 'received').reduce((a, r) => a + n(r.total), 0)
    expect(received).toBeGreaterThan(50)
  })
})
