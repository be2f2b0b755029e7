/**
 * Browser side of the Word exports: the pack's charts drawn as PNGs at 2× (the same offscreen renderer as every
 * chart export), the ranking table in words, the 整改清单's findings fetched per unit. The documents themselves are
 * built by the pure builders (briefingDocx.ts, rectifyDocx.ts).
 */
import type { EChartsOption } from 'echarts'
import { renderPngBlob } from '../export/render'
import type { Caption } from '../export/caption'
import type { RunQuery } from './figures'
import type { RankingRow } from '../queries/documents'
import { yearOnly } from '../queries/documents'
import { qualityFindingsQuery, reportCellsQuery, type CellTable, type QualityFindingRow, type ReportCellsRow } from '../queries/quality'
import type { Filters } from '../queries/types'
import type { DocFigure, DocTable } from './briefingDocx'
import type { RectifyUnit } from './rectifyDocx'
import { formatCount, formatOne, type Translate } from './text'

export interface FigureSource { option: EChartsOption; caption: Caption; width: number; height: number }

/** Width and height from a PNG's header (the renderer may lower the scale of a huge chart). */
function pngSize(b: Uint8Array): { w: number; h: number } {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  return { w: v.getUint32(16), h: v.getUint32(20) }
}

export async function renderFigures(items: readonly FigureSource[], locale: string): Promise<DocFigure[]> {
  const out: DocFigure[] = []
  for (const it of items) {
    // the title goes under the picture as the Word caption; notes and source stay drawn with the chart
    const caption: Caption = { ...it.caption, title: '', subtitle: '' }
    const blob = await renderPngBlob(it.option, { caption, locale, width: it.width, height: it.height, scale: 2 })
    const png = new Uint8Array(await blob.arrayBuffer())
    const { w, h } = pngSize(png)
    out.push({ png, pxWidth: w, pxHeight: h, caption: it.caption.title, note: it.caption.subtitle || undefined })
  }
  return out
}

export function rankingTable(rows: readonly RankingRow[], year: number, tr: Translate, locale: string): DocTable {
  const na = tr('documents.w.na')
  return {
    title: tr('documents.rankingTitle', { year }),
    head: [tr('documents.rankNo'), tr('documents.rankUnit'), tr('documents.rankActive'), tr('documents.rankReceived'), tr('documents.rankRate')],
    rows: rows.map((r, i) => [String(i + 1), r.unitName,
      r.activeTotal == null ? na : formatCount(r.activeTotal, locale), r.received == null ? na : formatCount(r.received, locale),
      r.disclosureRate == null ? tr('documents.w.dash') : `${formatOne(r.disclosureRate * 100)}%`]),
    numeric: [0, 2, 3, 4],
  }
}

const TABLES: readonly string[] = ['active', 'applications', 'reviews']

/**
 * Where a finding is: its own file and line, else (a rule over several cells, e.g. 本年新收 + 上年结转 = …) the file
 * and lines of the rows its cells are in, from the report's table.
 */
async function locate(run: RunQuery, r: QualityFindingRow, cache: Map<string, Promise<ReportCellsRow[]>>): Promise<{ file: string | null; lines: number[] }> {
  if (r.file) return { file: r.file, lines: r.line != null ? [r.line] : [] }
  if (!r.table || !TABLES.includes(r.table) || !r.unitCode || r.year == null) return { file: null, lines: [] }
  const key = `${r.table}|${r.unitCode}|${r.year}`
  if (!cache.has(key)) cache.set(key, run(reportCellsQuery(r.table as CellTable, r.unitCode, r.year)))
  const rows = await cache.get(key)!
  const wanted = new Set((r.cells ?? '').split(/[,+=\s]+/).filter(Boolean).map((c) => (c.includes('.') ? c.slice(0, c.lastIndexOf('.')) : '')))
  const hits = rows.filter((x) => wanted.has(x.rowKey) || (x.rowKey === '' && wanted.has('')))
  const file = hits[0]?.file ?? null
  return { file, lines: [...new Set(hits.filter((x) => x.file === file && x.line != null).map((x) => x.line as number))].sort((a, b) => a - b) }
}

/** The units' errors and warnings of the draft's year, each in the quality view's words, with file, lines and cell. */
export async function rectifyUnits(run: RunQuery, f: Filters, year: number, units: readonly { unitCode: string; unitName: string }[],
  text: (row: QualityFindingRow) => string, column: (row: QualityFindingRow) => string | null): Promise<RectifyUnit[]> {
  const out: RectifyUnit[] = []
  const cache = new Map<string, Promise<ReportCellsRow[]>>()
  for (const u of units) {
    const rows = (await run(qualityFindingsQuery(yearOnly(f, year), { unitCode: u.unitCode, limit: 5000 })))
      .filter((r) => r.severity === 'error' || r.severity === 'warning')
    const items = []
    for (const r of rows) {
      const where = await locate(run, r, cache)
      items.push({ severity: r.severity as 'error' | 'warning', rule: r.rule, text: text(r), file: where.file, lines: where.lines, column: column(r) })
    }
    out.push({ unitCode: u.unitCode, unitName: u.unitName, items })
  }
  return out
}
