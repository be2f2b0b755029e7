import { afterEach, describe, expect, test, vi } from 'vitest'
import { zipSync, strToU8 } from 'fflate'
import { resetReportImport, useReportImport, readReportBytes, type UseReportImportReturn } from '../../../../src/composables/useReportImport'
import type { SourceFile } from '../../../../src/ingest/types'
import { buildGrids } from '../../../../src/components/importer/grid'
import { NONGQIAO, RECEIVED_NP, withTextCell } from './fixture'

afterEach(() => resetReportImport())

function fresh(load: (files: SourceFile[]) => Promise<boolean>): UseReportImportReturn {
  resetReportImport()
  return useReportImport({ load })
}

describe('useReportImport', () => {
  test('paste → flagged → correct → code → accept loads the bundle files once', async () => {
    const load = vi.fn(async (_files: SourceFile[]) => true)
    const imp = fresh(load)
    const r = imp.addText(withTextCell().text)
    expect(imp.selected.value?.id).toBe(r.id)
    expect(r.name).toBe('粘贴文本 1')
    expect(imp.review.value?.flagged.size).toBe(1)
    expect(await imp.accept(r.id)).toBe(false) // not ready: no unit code, a flagged cell
    expect(load).not.toHaveBeenCalled()

    imp.editCell(r.id, RECEIVED_NP, '5')
    imp.setMeta(r.id, { unitCode: '230883103000' })
    expect(imp.review.value?.readiness.ready).toBe(true)
    expect(await imp.accept(r.id)).toBe(true)
    expect(load).toHaveBeenCalledTimes(1)
    const files = load.mock.calls[0][0]
    expect(files.map((f) => f.path).sort()).toEqual([
      '导入/浓桥镇2023-230883103000/active.csv', '导入/浓桥镇2023-230883103000/applications.csv',
      '导入/浓桥镇2023-230883103000/reports.csv', '导入/浓桥镇2023-230883103000/reviews.csv',
    ])
    expect(imp.reports.value[0].status).toBe('accepted')
    expect(imp.accepted.value).toHaveLength(1)

    // Accepted reports are locked: no second load, no edits.
    expect(await imp.accept(r.id)).toBe(false)
    imp.setMeta(r.id, { unitCode: 'other' })
    expect(imp.accepted.value[0].unitCode).toBe('230883103000')
    const z = imp.exportZip()
    expect(z?.name).toMatch(/\.zip$/)
    expect(z!.bytes.length).toBeGreaterThan(100)
  })

  test('a failed load leaves the report to review, with an error', async () => {
    const imp = fresh(async () => false)
    const r = imp.addText(NONGQIAO)
    imp.setMeta(r.id, { unitCode: '1' })
    expect(await imp.accept(r.id)).toBe(false)
    expect(imp.reports.value[0].status).toBe('review')
    expect(imp.error.value?.key).toBe('importer.errors.load')
    expect(imp.exportZip()).toBeNull()
  })

  test('confirm all, remove and selection', () => {
    const imp = fresh(async () => true)
    const a = imp.addText(withTextCell().text)
    const b = imp.addText(NONGQIAO, '浓桥镇.txt')
    expect(imp.selectedId.value).toBe(b.id)
    imp.select(a.id)
    imp.confirmFlagged(a.id)
    expect(imp.review.value?.flagged.size).toBe(0)
    imp.remove(a.id)
    expect(imp.reports.value.map((r) => r.id)).toEqual([b.id])
    expect(imp.selectedId.value).toBe(b.id)
  })

  test('files: .txt read, a zip of reports opened, other types, a broken PDF and broken .docx refused with a reason', async () => {
    const imp = fresh(async () => true)
    const enc = new TextEncoder()
    const file = (name: string, bytes: Uint8Array): File => new File([bytes as BlobPart], name)
    const res = await imp.addFiles([
      file('浓桥镇2023.txt', enc.encode(NONGQIAO)),
      file('report.pdf', enc.encode('%PDF')),
      file('broken.docx', enc.encode('not a zip')),
      file('empty.docx', zipSync({ 'a.txt': strToU8('x') })),
      file('reports.zip', zipSync({ 'x/浓桥镇.txt': strToU8(NONGQIAO), 'x/notes.xls': strToU8('x') })),
    ])
    expect(res.added.map((r) => r.name)).toEqual(['浓桥镇2023.txt', 'reports.zip/x/浓桥镇.txt'])
    expect(res.skipped.map((s) => s.name)).toEqual(['report.pdf', 'broken.docx', 'empty.docx', 'reports.zip/x/notes.xls'])
    expect(res.skipped[0].reason).toContain('PDF')
    expect(imp.skipped.value).toHaveLength(4)
    expect(imp.selected.value?.meta.unitName).toBe('浓桥镇')
  })

  test('HTML files keep their source for the line numbers', async () => {
    const html = '<html><body>\n<p>浓桥镇2023年政府信息公开工作年度报告</p>\n<table><tr><td>规章</td></tr></table>\n</body></html>'
    const read = await readReportBytes('a.html', new TextEncoder().encode(html))
    expect('reason' in read).toBe(false)
    if (!('reason' in read)) {
      expect(read.sourceKind).toBe('html')
      expect(read.source).toBe(html)
      expect(read.parsed.unitName).toBe('浓桥镇')
    }
  })
})

describe('grid', () => {
  test('2021 tables as on the form, every read cell placed once', () => {
    const imp = fresh(async () => true)
    const r = imp.addText(NONGQIAO)
    const s = imp.stateOf(r)
    const grids = buildGrids(s.report.format, [...s.report.active, ...s.report.applications, ...s.report.reviews])
    expect(grids.map((g) => g.section)).toEqual(['active', 'applications', 'reviews'])
    const placed = grids.flatMap((g) => g.rows.flatMap((row) => Object.values(row.cells))).filter((k): k is string => !!k && s.cells.has(k))
    expect(new Set(placed).size).toBe(placed.length)
    expect(placed.length).toBe(s.cells.size)
    expect(grids[0].rows.find((x) => x.key === 'licensing')?.cells.issued).toBeNull()
    expect(grids[1].rows.some((x) => x.key === 'h:withheld')).toBe(true)
    expect(grids[1].rows.some((x) => x.key === 'other')).toBe(false) // 2019-only row
  })
})
