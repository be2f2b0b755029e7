/**
 * CLI: published reports (.pdf/.docx/.html/.txt/.md, folders of them, .zip archives of them) → a CSV
 * bundle, one report per input file or a line saying why not, and a review list (导入核对清单.md:
 * per file the cells read, the cells in doubt and why). Run through scripts/import.mjs:
 *   npm run import -- DIR --out OUT
 * Options: --codes units.csv (unit_name → unit_code, parent_code, parent_name, level),
 *          --unit 名称 / --year 2023 (for reports whose title and text do not say; else the file name),
 *          --keep-doubtful (write doubtful cells as read; by default they are written 未读取),
 *          --strict (leave out reports with doubtful cells or errors).
 * Exit code 0 when at least one report was written, 1 when nothing could be read, 2 for bad arguments.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import Papa from 'papaparse'
import { BUNDLE_TABLES, labelIndex } from '../src/domain/bundle'
import { normaliseLabel } from '../src/domain/labels'
import { readReportBatch, toBundleCsv, type AcceptedReport, type ExtractedCell, type ParsedReport } from '../src/ingest/report'
import { reviewList, type ReviewEntry } from '../src/ingest/report/review'
import { loadPdfjsNode } from './lib/pdfjs-node'

export interface ImportOptions { files: string[]; out: string; codes?: string; unit?: string; year?: number; keepDoubtful: boolean; strict: boolean }
type Unit = { unitCode: string; parentCode?: string; parentName?: string; level?: string }

const USAGE = '用法：npm run import -- <报告文件、目录或 .zip…> --out <输出目录> [--codes 单位代码.csv] [--unit 单位名称] [--year 年度] [--keep-doubtful] [--strict]'

export function parseArgs(argv: readonly string[]): ImportOptions | string {
  const opts: ImportOptions = { files: [], out: '', keepDoubtful: false, strict: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--out' || a === '-o') opts.out = argv[++i] ?? ''
    else if (a.startsWith('--out=')) opts.out = a.slice(6)
    else if (a === '--codes') opts.codes = argv[++i]
    else if (a === '--unit') opts.unit = argv[++i]
    else if (a === '--year') {
      const y = Number(argv[++i])
      if (!Number.isInteger(y) || y < 1990 || y > 2100) return `--year 应为四位年度，如 2023\n${USAGE}`
      opts.year = y
    } else if (a === '--keep-doubtful') opts.keepDoubtful = true
    else if (a === '--strict') opts.strict = true
    else if (a === '--help' || a === '-h') return USAGE
    else if (a.startsWith('-')) return `未知选项 ${a}\n${USAGE}`
    else opts.files.push(a)
  }
  if (!opts.files.length || !opts.out) return USAGE
  return opts
}

/** Every file under the given paths (folders recursively, in name order); missing paths are kept to be reported. */
function expand(paths: readonly string[]): string[] {
  const walk = (p: string): string[] => (existsSync(p) && statSync(p).isDirectory()
    ? readdirSync(p).sort().filter((f) => !f.startsWith('.')).flatMap((f) => walk(join(p, f)))
    : [p])
  return paths.flatMap(walk)
}

/** units.csv-like file: headers by key or Chinese label (单位名称, 单位代码, 上级名称 …). */
export function readCodes(csv: string): Map<string, Unit> {
  const index = labelIndex(BUNDLE_TABLES.reports.columns)
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), {
    header: true, skipEmptyLines: true, transformHeader: (h) => index.get(normaliseLabel(h)) ?? h,
  }).data
  const map = new Map<string, Unit>()
  for (const r of rows) {
    if (!r.unit_name || !r.unit_code) continue
    map.set(r.unit_name.trim(), { unitCode: r.unit_code.trim(), parentCode: r.parent_code || undefined, parentName: r.parent_name || undefined, level: r.level || undefined })
  }
  return map
}

const cellsOf = (r: ParsedReport): ExtractedCell[] => [...r.active, ...r.applications, ...r.reviews]
/** Doubtful cells, unless kept: written as not read (未读取), never as the unit's blanks. */
const unreadDoubtful = (cs: ExtractedCell[]): ExtractedCell[] => cs.map((c) => (c.confidence === 'doubtful' ? { ...c, unread: true } : c))

export async function runImport(opts: ImportOptions, log: (s: string) => void = console.log): Promise<number> {
  const codes = opts.codes ? readCodes(readFileSync(opts.codes, 'utf8')) : new Map<string, Unit>()
  const paths = expand(opts.files)
  const inputs: { path: string; bytes: Uint8Array }[] = []
  const entries: ReviewEntry[] = []
  for (const p of paths) {
    try {
      inputs.push({ path: p, bytes: new Uint8Array(readFileSync(p)) })
    } catch (e) {
      entries.push({ path: p, reason: `无法打开（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` })
    }
  }
  const items = await readReportBatch(inputs, { pdf: loadPdfjsNode })
  const accepted: AcceptedReport[] = []
  const seen = new Map<string, string>()
  let unknown = 0
  for (const item of items) {
    const rel = relative(process.cwd(), item.path)
    const path = rel && !rel.startsWith('..') ? rel : item.path
    if ('reason' in item.result) { entries.push({ path, reason: item.result.reason }); continue }
    const r = item.result.parsed
    const notes: string[] = []
    const unitName = r.unitName ?? opts.unit ?? null
    const year = r.year ?? opts.year ?? null
    if (!r.unitName && opts.unit) notes.push(`单位名称取自 --unit：${opts.unit}`)
    if (r.year === null && opts.year) notes.push(`年度取自 --year：${opts.year}`)
    const entry: ReviewEntry = { path, parsed: { ...r, unitName, year }, notes }
    entries.push(entry)
    if (opts.strict && (cellsOf(r).some((c) => c.confidence === 'doubtful') || r.issues.some((i) => i.severity === 'error'))) {
      notes.push('未写入数据包（--strict）：有存疑单元格或错误')
      continue
    }
    const unit = (unitName && codes.get(unitName)) || { unitCode: unitName ?? `未识别-${++unknown}` }
    if (unitName && !codes.has(unitName) && opts.codes) notes.push(`单位代码表中没有“${unitName}”，暂以单位名称作代码`)
    if (!unitName) notes.push(`单位未识别，以“${unit.unitCode}”作代码、文件名作单位名称写入，请补填`)
    if (year === null) notes.push('年度未识别，年度一栏留空写入（载入看板时这些行不计入统计），请补填或用 --year 指定')
    const key = `${unit.unitCode}|${year}`
    if (seen.has(key)) notes.push(`与 ${seen.get(key)} 是同一单位同一年度，数据包中将出现重复`)
    seen.set(key, path)
    const keep = opts.keepDoubtful ? (cs: ExtractedCell[]) => cs : unreadDoubtful
    accepted.push({
      ...r, ...unit, unitName: unitName ?? basename(path), year,
      parentName: unit.parentName ?? r.parentName, level: unit.level ?? r.level,
      source: path, active: keep(r.active), applications: keep(r.applications), reviews: keep(r.reviews),
    })
    entry.written = true
  }
  const list = reviewList(entries, { keepDoubtful: opts.keepDoubtful })
  for (const l of list.lines) log(l)
  mkdirSync(opts.out, { recursive: true })
  if (accepted.length) for (const [name, csv] of Object.entries(toBundleCsv(accepted))) writeFileSync(join(opts.out, name), csv)
  writeFileSync(join(opts.out, '导入核对清单.md'), list.markdown)
  log(`\n共${entries.length}个文件，写入数据包${accepted.length}份报告 → ${opts.out}（核对清单：${join(opts.out, '导入核对清单.md')}）`)
  log(list.summary)
  if (!opts.codes) log('提示：未提供 --codes，单位代码暂用单位名称')
  return accepted.length ? 0 : 1
}
