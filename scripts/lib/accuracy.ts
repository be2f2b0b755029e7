/**
 * Measures the report importer against hand transcriptions (shared/fixtures/reports/real/expected.json):
 * per file, the visible cells read right, the cells read wrong with and without a doubt flag, the
 * cells invented (certain cells where the page shows none), and whether unit, year, format and the
 * stated active total are right. Used by tests/unit/ingest/report/real.test.ts and scripts/report-accuracy.mjs.
 */
import type { ExtractedCell, ParsedReport } from '../../src/ingest/report'

export interface Expected {
  id: string
  unit: string | null
  year: number | null
  format: string | null
  active_total: number | null
  cells: Record<string, number | string | null>
}

export interface FileScore {
  file: string
  visible: number
  right: number
  /** Wrong value, doubt-flagged (or left unread). */
  wrongFlagged: number
  /** Wrong value with no doubt flag: the figure that must be 0. */
  wrongSilent: number
  /** Visible cells not read at all (no cell, or marked unread). */
  missed: number
  /** Certain cells where the page shows none (row not visible, or the cell cut off). */
  invented: number
  meta: { unit: boolean; year: boolean; format: boolean; activeTotal: boolean | null }
  dropped: boolean
  problems: string[]
}

const SECTION: Record<string, ExtractedCell['section']> = { active: 'active', applications: 'applications', reviews: 'reviews' }

/** The number as printed on the page: amounts converted from 元 are compared as printed. */
export function printedValue(c: ExtractedCell): number | null {
  if (c.value === null) return null
  return c.amountUnit === '元' ? Math.round(c.value * 10_000 * 1e6) / 1e6 : c.value
}

function same(c: ExtractedCell, want: number | string): boolean {
  if (c.unread) return false
  if (typeof want === 'number') return (c.kind === 'number' || c.kind === 'zero_word') && printedValue(c) === want
  if (want === '') return c.kind === 'blank'
  if (['-', '/', '—', '－'].includes(want)) return c.kind === 'na'
  return c.raw.trim() === want
}

export function scoreReport(file: string, r: ParsedReport | null, want: Expected): FileScore {
  const s: FileScore = {
    file, visible: 0, right: 0, wrongFlagged: 0, wrongSilent: 0, missed: 0, invented: 0,
    meta: { unit: false, year: false, format: false, activeTotal: null }, dropped: r === null, problems: [],
  }
  const cells = new Map<string, ExtractedCell>()
  for (const c of r ? [...r.active, ...r.applications, ...r.reviews] : []) cells.set(`${c.section}|${c.row}|${c.column}`, c)
  const seen = new Set<string>()
  for (const [key, v] of Object.entries(want.cells)) {
    const [t, row, col] = key.split('|')
    const k = `${SECTION[t]}|${row}|${col}`
    seen.add(k)
    const c = cells.get(k)
    if (v === null) {
      if (c && !c.unread && c.confidence === 'certain') { s.invented++; s.problems.push(`${key}: not visible, read as certain “${c.raw}”`) }
      continue
    }
    s.visible++
    if (!c || c.unread) { s.missed++; s.problems.push(`${key}: not read (want ${JSON.stringify(v)})`); continue }
    if (same(c, v)) { s.right++; continue }
    if (c.confidence === 'doubtful') s.wrongFlagged++
    else s.wrongSilent++
    s.problems.push(`${key}: read “${c.raw}” (${c.kind} ${printedValue(c)} ${c.confidence}), want ${JSON.stringify(v)}`)
  }
  for (const [k, c] of cells) {
    if (seen.has(k) || c.unread || c.confidence !== 'certain') continue
    s.invented++
    s.problems.push(`${k}: row not visible, read as certain “${c.raw}”`)
  }
  if (r) {
    s.meta.unit = (r.unitName ?? null) === want.unit
    s.meta.year = r.year === want.year
    s.meta.format = r.format === want.format
    if (want.active_total !== null) s.meta.activeTotal = r.activeTotal === want.active_total
    if (!s.meta.unit) s.problems.push(`unit “${r.unitName}”, want “${want.unit}”`)
    if (!s.meta.year) s.problems.push(`year ${r.year}, want ${want.year}`)
    if (!s.meta.format) s.problems.push(`format ${r.format}, want ${want.format}`)
    if (s.meta.activeTotal === false) s.problems.push(`active total ${r.activeTotal}, want ${want.active_total}`)
  }
  return s
}

export interface Totals { files: number; visible: number; right: number; wrongFlagged: number; wrongSilent: number; missed: number; invented: number; dropped: number; metaWrong: number }

export function totals(scores: readonly FileScore[]): Totals {
  const t: Totals = { files: scores.length, visible: 0, right: 0, wrongFlagged: 0, wrongSilent: 0, missed: 0, invented: 0, dropped: 0, metaWrong: 0 }
  for (const s of scores) {
    t.visible += s.visible; t.right += s.right; t.wrongFlagged += s.wrongFlagged; t.wrongSilent += s.wrongSilent
    t.missed += s.missed; t.invented += s.invented; t.dropped += s.dropped ? 1 : 0
    t.metaWrong += [s.meta.unit, s.meta.year, s.meta.format, s.meta.activeTotal].filter((x) => x === false).length
  }
  return t
}

export function formatScores(scores: readonly FileScore[], verbose = false): string {
  const out: string[] = []
  for (const s of scores) {
    const pct = s.visible ? ((100 * s.right) / s.visible).toFixed(0) : '—'
    out.push(`${s.file.padEnd(24)} ${String(s.right).padStart(3)}/${String(s.visible).padEnd(3)} ${pct.padStart(3)}%  wrong(flagged) ${s.wrongFlagged}  wrong(silent) ${s.wrongSilent}  invented ${s.invented}  missed ${s.missed}` +
      `  unit ${s.meta.unit ? 'ok' : 'X'} year ${s.meta.year ? 'ok' : 'X'} format ${s.meta.format ? 'ok' : 'X'} total ${s.meta.activeTotal === null ? '—' : s.meta.activeTotal ? 'ok' : 'X'}${s.dropped ? '  DROPPED' : ''}`)
    if (verbose) for (const p of s.problems) out.push(`    ${p}`)
  }
  const t = totals(scores)
  out.push(`TOTAL ${t.files} files: ${t.right}/${t.visible} visible cells right (${t.visible ? ((100 * t.right) / t.visible).toFixed(1) : '—'} %), ` +
    `wrong without a doubt flag ${t.wrongSilent + t.invented} (wrong ${t.wrongSilent}, invented ${t.invented}), wrong but flagged ${t.wrongFlagged}, ` +
    `not read ${t.missed}, files dropped ${t.dropped}, unit/year/format/total wrong ${t.metaWrong}`)
  return out.join('\n')
}
