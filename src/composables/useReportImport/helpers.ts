/**
 * Pure helpers of the report importer: apply the supervisor's corrections to a parse, re-run the
 * in-report checks, decide whether a report may be accepted, and turn accepted reports into
 * bundle files (for the dashboard) and a bundle zip (to keep and share). No Vue, no DOM.
 */
import { zipSync } from 'fflate'
import { parseCell } from '../../domain/cells'
import { toBundleCsv, type AcceptedReport, type ExtractedCell, type ParsedReport, type ReportIssue } from '../../ingest/report'
import { cellIssues, consistencyIssues } from '../../ingest/report/checks'
import type { SourceFile } from '../../ingest/types'
import type { ImportedReport, Readiness, ReadinessProblem, ReportMeta, ReviewState } from './types'

export const DEFAULT_FOLDER = '导入'
/** The review list's file name (as the CLI writes it beside the bundle). */
export const REVIEW_FILE = '导入核对清单.md'

/** Stable key of a cell: section|row|column. */
export const cellKey = (c: Pick<ExtractedCell, 'section' | 'row' | 'column'>): string => `${c.section}|${c.row}|${c.column}`

/** A cell the supervisor must look at: the parser doubted it, or found text where a number belongs. */
const needsLook = (c: ExtractedCell): boolean => c.confidence === 'doubtful' || c.kind === 'text'

/** Issues recomputed from the cells after corrections (the rest of the parser's issues are kept). */
const RECHECKED = new Set(['text_cells', 'blank_cells', 'tolerated_number', 'negative', 'not_integer', 'flow_identity', 'handled_sum', 'applicant_sum', 'review_sum'])

/** Errors that stay findings once accepted (a wrong sum, a negative count). */
const BREAKS = new Set(['flow_identity', 'handled_sum', 'applicant_sum', 'review_sum', 'negative'])

/** Meta fields prefilled from the parse; the unit code is never guessed. */
export function initialMeta(p: ParsedReport): ReportMeta {
  return {
    unitCode: '',
    unitName: p.unitName ?? '',
    parentCode: '',
    parentName: p.parentName ?? '',
    level: p.level ?? guessLevel(p.unitName),
    year: p.year != null ? String(p.year) : '',
    activeTotal: p.activeTotal != null ? String(p.activeTotal) : '',
  }
}

/** 浓桥镇 → 乡镇, 某某街道 → 街道; otherwise left for the supervisor. */
export function guessLevel(name: string | null): string {
  if (!name) return ''
  if (/(街道|街道办事处)$/.test(name)) return '街道'
  if (/(镇|乡)(人民政府)?$/.test(name)) return '乡镇'
  return ''
}

/** A corrected cell: what the supervisor typed, read with the bundle's cell rules; certain from now on. */
function editedCell(c: ExtractedCell, raw: string): ExtractedCell {
  const p = parseCell(raw)
  const out: ExtractedCell = { ...c, raw, kind: p.kind, value: p.value, confidence: 'certain', unread: false }
  delete out.why
  // An amount typed in 元 is kept in 万元, like one read from the page.
  if (c.amountUnit !== undefined && p.value !== null) {
    const yuan = /(?<!万)元\s*$/.test(raw)
    out.amountUnit = yuan ? '元' : '万元'
    if (yuan) out.value = Math.round((p.value / 10_000) * 1e6) / 1e6
  }
  return out
}

export function parseYear(s: string): number | null {
  const t = s.normalize('NFKC').trim()
  if (!/^\d{4}$/.test(t)) return null
  const y = Number(t)
  return y >= 1990 && y <= 2100 ? y : null
}

/** The active total as typed: a count ≥ 0, or null when blank (missing); undefined when not a number. */
export function parseActiveTotal(s: string): number | null | undefined {
  const t = s.trim()
  if (t === '') return null
  const p = parseCell(t)
  return p.kind === 'number' && p.value !== null && p.value >= 0 && Number.isInteger(p.value) ? p.value : undefined
}

/**
 * The parse with the corrections applied: edited cells replaced (certain), meta applied
 * (unit name, year, active total), and the cell and consistency checks run again.
 */
export function applyEdits(parsed: ParsedReport, edits: Readonly<Record<string, string>>, meta?: ReportMeta): ParsedReport {
  const apply = (cells: ExtractedCell[]): ExtractedCell[] =>
    cells.map((c) => {
      const k = cellKey(c)
      return Object.prototype.hasOwnProperty.call(edits, k) ? editedCell(c, edits[k]) : c
    })
  const active = apply(parsed.active)
  const applications = apply(parsed.applications)
  const reviews = apply(parsed.reviews)
  const kept = parsed.issues.filter((i) => !i.rule || !RECHECKED.has(i.rule))
  const issues: ReportIssue[] = [...kept, ...cellIssues([...active, ...applications, ...reviews]), ...consistencyIssues(parsed.format, applications, reviews)]
  const out: ParsedReport = { ...parsed, active, applications, reviews, issues }
  if (meta) {
    out.unitName = meta.unitName.trim() || null
    out.year = parseYear(meta.year)
    const total = parseActiveTotal(meta.activeTotal)
    if (total !== undefined && String(total ?? '') !== String(parsed.activeTotal ?? '')) {
      out.activeTotal = total
      out.activeTotalConfidence = total === null ? null : 'certain'
    }
  }
  return out
}

/** What still stands between a report and the dashboard. */
export function readiness(r: ImportedReport, flaggedCount: number, cellCount: number, breaks = 0): Readiness {
  const problems: ReadinessProblem[] = []
  const m = r.meta
  const code = m.unitCode.trim()
  if (!code) problems.push({ key: 'unitCode', blocking: true })
  else if (!/^[0-9A-Za-z_.-]+$/.test(code)) problems.push({ key: 'unitCodeInvalid', params: { code }, blocking: true })
  if (!m.unitName.trim()) problems.push({ key: 'unitName', blocking: true })
  if (parseYear(m.year) === null) problems.push({ key: 'year', blocking: true })
  if (flaggedCount > 0) problems.push({ key: 'flagged', params: { n: flaggedCount }, blocking: true })
  const total = parseActiveTotal(m.activeTotal)
  if (total === undefined) problems.push({ key: 'activeTotal', params: { value: m.activeTotal }, blocking: true })
  if (cellCount === 0) problems.push({ key: 'noCells', blocking: false })
  // Broken sums are findings, never a reason to refuse the report (report-format.md).
  if (breaks > 0) problems.push({ key: 'breaks', params: { n: breaks }, blocking: false })
  return { ready: !problems.some((p) => p.blocking), problems }
}

/** Everything the review UI shows for one report. */
export function reviewState(r: ImportedReport): ReviewState {
  const report = applyEdits(r.parsed, r.edits, r.meta)
  const all = [...r.parsed.active, ...r.parsed.applications, ...r.parsed.reviews]
  const editable = new Set(all.filter(needsLook).map(cellKey))
  const edited = new Set(Object.keys(r.edits))
  const confirmed = new Set(r.confirmed)
  const flagged = new Set([...editable].filter((k) => !edited.has(k) && !confirmed.has(k)))
  const cells = new Map([...report.active, ...report.applications, ...report.reviews].map((c) => [cellKey(c), c]))
  const breaks = report.issues.filter((i) => i.severity === 'error' && i.rule && BREAKS.has(i.rule)).length
  return { report, flagged, editable, edited, cells, readiness: readiness(r, flagged.size, all.length, breaks) }
}

/** The report as a bundle row set (the corrections and the supervisor's fields applied). */
export function toAccepted(r: ImportedReport): AcceptedReport {
  const p = applyEdits(r.parsed, r.edits, r.meta)
  const opt = (s: string): string | undefined => (s.trim() ? s.trim() : undefined)
  return {
    ...p,
    unitCode: r.meta.unitCode.trim(),
    unitName: r.meta.unitName.trim(),
    year: parseYear(r.meta.year),
    parentCode: opt(r.meta.parentCode),
    parentName: opt(r.meta.parentName),
    level: opt(r.meta.level),
    source: r.parsed.fileName ?? r.name,
  }
}

const encoder = new TextEncoder()
const BOM = new Uint8Array([0xef, 0xbb, 0xbf])

function withBom(text: string): Uint8Array {
  const body = encoder.encode(text)
  const out = new Uint8Array(BOM.length + body.length)
  out.set(BOM, 0)
  out.set(body, BOM.length)
  return out
}

/** Bundle files for useDashboard().loadSources (UTF-8, no BOM), e.g. 导入/reports.csv. */
export function buildSourceFiles(reports: readonly AcceptedReport[], folder = DEFAULT_FOLDER): SourceFile[] {
  const csv = toBundleCsv(reports)
  return Object.entries(csv).map(([name, text]) => ({ path: `${folder}/${name}`, bytes: encoder.encode(text) }))
}

/** The accepted reports as a CSV bundle zip: UTF-8 with BOM, so that Excel opens the files as they are. */
export function buildBundleZip(reports: readonly AcceptedReport[]): Uint8Array {
  const csv = toBundleCsv(reports)
  return zipSync(Object.fromEntries(Object.entries(csv).map(([name, text]) => [name, withBom(text)])), { level: 6 })
}

/** 政府信息公开年报-导入-20240131.zip */
export function zipName(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return `政府信息公开年报-导入-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}.zip`
}
