/** toBundleCsv: accepted reports → reports/active/applications/reviews.csv, and back. */
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { BUNDLE_TABLES, type TableKind } from '../../../../src/domain/bundle'
import { parseCell } from '../../../../src/domain/cells'
import { toBundleCsv, type AcceptedReport, type ExtractedCell } from '../../../../src/ingest/report'
import { parseFixture } from './helpers'

const rows = (csv: string): Record<string, string>[] => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data

const accepted: AcceptedReport[] = [
  { ...parseFixture('qingshan-2023-word.txt'), unitCode: '001234', parentName: '示例市', level: '县' },
  { ...parseFixture('huanbao-2020-spaces-2019format.txt'), unitCode: '000777', parentCode: '0001', level: '部门', source: 'https://example.gov.cn/a.html' },
]
const files = toBundleCsv(accepted)

describe('toBundleCsv', () => {
  it('writes the four tables with the contract headers', () => {
    expect(Object.keys(files).sort()).toEqual(['active.csv', 'applications.csv', 'reports.csv', 'reviews.csv'])
    for (const [name, csv] of Object.entries(files)) {
      const kind = name.replace('.csv', '') as TableKind
      const header = csv.split('\r\n')[0].split(',')
      const known = BUNDLE_TABLES[kind].columns.map((c) => c.key)
      expect(header.filter((h) => !known.includes(h))).toEqual([])
    }
  })

  it('reports.csv: codes keep leading zeros, source defaults to the file name', () => {
    expect(rows(files['reports.csv'])).toEqual([
      { unit_code: '001234', unit_name: '青山区人民政府', year: '2023', parent_code: '', parent_name: '示例市', level: '县', format: '2021', active_total: '2108', source: 'qingshan-2023-word.txt' },
      { unit_code: '000777', unit_name: '示例市生态环境局', year: '2020', parent_code: '0001', parent_name: '示例市', level: '部门', format: '2019', active_total: '256', source: 'https://example.gov.cn/a.html' },
    ])
  })

  it('round trip: every extracted cell comes back with the same meaning; blank stays blank', () => {
    const back = new Map<string, string>()
    for (const r of rows(files['active.csv'])) for (const [k, v] of Object.entries(r)) back.set(`${r.unit_code}|active|${r.item}|${k}`, v)
    for (const r of rows(files['applications.csv'])) for (const [k, v] of Object.entries(r)) back.set(`${r.unit_code}|applications|${r.row}|${k}`, v)
    for (const r of rows(files['reviews.csv'])) for (const [k, v] of Object.entries(r)) back.set(`${r.unit_code}|reviews|${k}`, v)
    let n = 0
    for (const rep of accepted) {
      for (const c of [...rep.active, ...rep.applications, ...rep.reviews] as ExtractedCell[]) {
        const k = c.section === 'reviews' ? `${rep.unitCode}|reviews|${c.row}_${c.column}` : `${rep.unitCode}|${c.section}|${c.row}|${c.column}`
        const v = back.get(k)
        expect(v, k).toBeDefined()
        const cell = parseCell(v)
        expect([k, cell.kind, cell.value]).toEqual([k, c.kind, c.value])
        n++
      }
    }
    expect(n).toBe(200 + 198)
    expect(back.get('001234|applications|carried_in|research')).toBe('')
    expect(back.get('000777|active|licensing|change')).toBe('-1')
    expect(back.get('000777|active|procurement|procurement_amount')).toBe('138.6')
    // Cells that do not apply to an item stay blank.
    expect(back.get('000777|active|licensing|issued')).toBe('')
  })

  it('quotes fields with commas, quotes and newlines', () => {
    const r = { ...accepted[0], unitName: '某局,"办公室"\n二处', unitCode: '9' }
    const out = rows(toBundleCsv([r])['reports.csv'])
    expect(out[0].unit_name).toBe('某局,"办公室"\n二处')
  })
})
