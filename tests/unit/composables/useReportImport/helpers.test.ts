import { describe, expect, test } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { parseReport, toBundleCsv } from '../../../../src/ingest/report'
import {
  applyEdits, buildBundleZip, buildSourceFiles, cellKey, guessLevel, initialMeta, parseActiveTotal, parseYear, readiness,
  reviewState, toAccepted, zipName,
} from '../../../../src/composables/useReportImport/helpers'
import type { ImportedReport } from '../../../../src/composables/useReportImport/types'
import { NONGQIAO, RECEIVED_NP, withTextCell } from './fixture'

function imported(text: string, patch: Partial<ImportedReport> = {}): ImportedReport {
  const parsed = parseReport({ text, fileName: 'nongqiao.txt' })
  return { id: 'r1', name: 'nongqiao.txt', sourceKind: 'text', source: text, parsed, edits: {}, confirmed: [], meta: initialMeta(parsed), status: 'review', ...patch }
}
const withCode = (r: ImportedReport, code = '230883103000'): ImportedReport => ({ ...r, meta: { ...r.meta, unitCode: code } })

describe('initial fields', () => {
  test('prefilled from the report, the unit code never guessed', () => {
    const r = imported(NONGQIAO)
    expect(r.meta).toEqual({ unitCode: '', unitName: '浓桥镇', parentCode: '', parentName: '抚远市', level: '乡镇', year: '2023', activeTotal: '43' })
  })
  test('level from the name only when it is clear', () => {
    expect(guessLevel('浓桥镇')).toBe('乡镇')
    expect(guessLevel('某某乡人民政府')).toBe('乡镇')
    expect(guessLevel('东城街道')).toBe('街道')
    expect(guessLevel('示例县人民政府')).toBe('')
    expect(guessLevel(null)).toBe('')
  })
  test('year and active total as typed', () => {
    expect(parseYear('2023')).toBe(2023)
    expect(parseYear('２０２３')).toBe(2023)
    expect(parseYear('23')).toBeNull()
    expect(parseYear('')).toBeNull()
    expect(parseActiveTotal('')).toBeNull()
    expect(parseActiveTotal('43')).toBe(43)
    expect(parseActiveTotal('43条')).toBe(43)
    expect(parseActiveTotal('很多')).toBeUndefined()
    expect(parseActiveTotal('-1')).toBeUndefined()
  })
})

describe('review state', () => {
  test('the clean report has nothing flagged; only the unit code is missing', () => {
    const s = reviewState(imported(NONGQIAO))
    expect(s.flagged.size).toBe(0)
    expect(s.readiness.ready).toBe(false)
    expect(s.readiness.problems.map((p) => p.key)).toEqual(['unitCode'])
    expect(reviewState(withCode(imported(NONGQIAO))).readiness).toEqual({ ready: true, problems: [] })
  })

  test('a text cell is flagged, blocks accepting and is listed as an issue', () => {
    const { text, line } = withTextCell()
    const s = reviewState(withCode(imported(text)))
    expect([...s.flagged]).toEqual([RECEIVED_NP])
    expect(s.cells.get(RECEIVED_NP)).toMatchObject({ raw: '详见附表', kind: 'text', value: null, line })
    expect(s.readiness.ready).toBe(false)
    expect(s.readiness.problems).toEqual([{ key: 'flagged', params: { n: 1 }, blocking: true }])
    expect(s.report.issues.some((i) => i.rule === 'text_cells' && i.line === line)).toBe(true)
  })

  test('correcting the cell makes it a certain number, re-runs the checks and unblocks', () => {
    const { text } = withTextCell()
    const r = withCode(imported(text, { edits: { [RECEIVED_NP]: '5' } }))
    const s = reviewState(r)
    expect(s.flagged.size).toBe(0)
    expect(s.edited.has(RECEIVED_NP)).toBe(true)
    expect(s.editable.has(RECEIVED_NP)).toBe(true)
    expect(s.cells.get(RECEIVED_NP)).toMatchObject({ raw: '5', kind: 'number', value: 5, confidence: 'certain' })
    const rules = s.report.issues.map((i) => i.rule)
    expect(rules).not.toContain('text_cells')
    // 5 new applications by natural persons, but totals of 0: the form's own sums no longer hold.
    expect(rules).toContain('applicant_sum')
    expect(rules).toContain('flow_identity')
    expect(s.readiness.ready).toBe(true)
    const breaks = s.readiness.problems.find((p) => p.key === 'breaks')
    expect(breaks?.blocking).toBe(false)
    expect(Number(breaks?.params?.n)).toBeGreaterThanOrEqual(2)
    // The parse as read is never changed.
    expect(r.parsed.applications.find((c) => cellKey(c) === RECEIVED_NP)?.raw).toBe('详见附表')
  })

  test('a cell corrected to blank is missing, not 0', () => {
    const { text } = withTextCell()
    const p = applyEdits(parseReport({ text }), { [RECEIVED_NP]: '' })
    const c = p.applications.find((x) => cellKey(x) === RECEIVED_NP)!
    expect(c).toMatchObject({ kind: 'blank', value: null, confidence: 'certain' })
    expect(p.issues.some((i) => i.rule === 'blank_cells')).toBe(true)
  })

  test('confirming keeps the cell as read but counts it as reviewed', () => {
    const { text } = withTextCell()
    const s = reviewState(withCode(imported(text, { confirmed: [RECEIVED_NP] })))
    expect(s.flagged.size).toBe(0)
    expect(s.readiness.ready).toBe(true)
    expect(s.cells.get(RECEIVED_NP)?.kind).toBe('text')
  })

  test('meta corrections reach the report: name, year, active total', () => {
    const r = imported(NONGQIAO)
    const p = applyEdits(r.parsed, {}, { ...r.meta, unitName: '浓桥镇人民政府', year: '2024', activeTotal: '44' })
    expect(p).toMatchObject({ unitName: '浓桥镇人民政府', year: 2024, activeTotal: 44, activeTotalConfidence: 'certain' })
  })
})

describe('readiness', () => {
  const base = imported(NONGQIAO)
  const keys = (r: ImportedReport, flagged = 0): string[] => readiness(r, flagged, 10).problems.map((p) => p.key)
  test('unit code required and plain', () => {
    expect(keys(base)).toEqual(['unitCode'])
    expect(keys(withCode(base, '  '))).toEqual(['unitCode'])
    expect(keys(withCode(base, '2308 8310'))).toEqual(['unitCodeInvalid'])
    expect(keys(withCode(base, '012345678901'))).toEqual([])
  })
  test('name, year, active total and flagged cells', () => {
    const r = withCode({ ...base, meta: { ...base.meta, unitName: ' ', year: '20', activeTotal: 'abc' } })
    expect(keys(r, 2)).toEqual(['unitName', 'year', 'flagged', 'activeTotal'])
    expect(readiness(r, 2, 10).ready).toBe(false)
  })
  test('no cells at all is a note, not a block', () => {
    const res = readiness(withCode(base), 0, 0)
    expect(res.ready).toBe(true)
    expect(res.problems).toEqual([{ key: 'noCells', blocking: false }])
  })
})

describe('bundle files', () => {
  const { text } = withTextCell()
  const r = withCode({ ...imported(text, { edits: { [RECEIVED_NP]: '5' } }), meta: { ...imported(text).meta, unitCode: '230883103000', parentName: '抚远市' } })
  const accepted = toAccepted(r)

  test('the accepted report carries the supervisor’s fields and corrections', () => {
    expect(accepted).toMatchObject({ unitCode: '230883103000', unitName: '浓桥镇', year: 2023, parentName: '抚远市', level: '乡镇', activeTotal: 43, source: 'nongqiao.txt' })
    expect(accepted.parentCode).toBeUndefined()
    expect(accepted.applications.find((c) => cellKey(c) === RECEIVED_NP)?.value).toBe(5)
  })

  test('source files for loadSources: UTF-8 CSVs under the folder', () => {
    const files = buildSourceFiles([accepted])
    expect(files.map((f) => f.path).sort()).toEqual(['导入/active.csv', '导入/applications.csv', '导入/reports.csv', '导入/reviews.csv'])
    const dec = new TextDecoder()
    const reports = dec.decode(files.find((f) => f.path === '导入/reports.csv')!.bytes)
    expect(reports.charCodeAt(0)).not.toBe(0xfeff)
    expect(reports).toContain('230883103000,浓桥镇,2023,,抚远市,乡镇,2021,43,nongqiao.txt')
    const apps = dec.decode(files.find((f) => f.path === '导入/applications.csv')!.bytes)
    expect(apps.split('\r\n').find((l) => l.includes(',received,'))).toBe('230883103000,2023,received,5,0,0,0,0,0,0')
    expect(buildSourceFiles([accepted], '导入/x').every((f) => f.path.startsWith('导入/x/'))).toBe(true)
  })

  test('the zip holds the same CSVs, UTF-8 with BOM', () => {
    const files = unzipSync(buildBundleZip([accepted]))
    const csv = toBundleCsv([accepted])
    expect(Object.keys(files).sort()).toEqual(Object.keys(csv).sort())
    for (const [name, bytes] of Object.entries(files)) {
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf])
      expect(strFromU8(bytes.subarray(3)), name).toBe(csv[name])
    }
  })

  test('zip name carries the date', () => {
    expect(zipName(new Date(2024, 0, 31))).toBe('政府信息公开年报-导入-20240131.zip')
  })
})
