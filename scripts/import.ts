/**
 * CLI: published reports (.txt/.md/.html/.docx) → a CSV bundle, with a per-file summary of what
 * needs review. Run through scripts/import.mjs:  npm run import -- reports/*.html --out bundle/
 * Options: --codes units.csv (unit_name → unit_code, parent_code, parent_name, level),
 *          --keep-doubtful (write doubtful cells as read; by default they are written blank),
 *          --strict (leave out reports with doubtful cells or errors).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Papa from 'papaparse'
import { BUNDLE_TABLES, labelIndex } from '../src/domain/bundle'
import { normaliseLabel } from '../src/domain/labels'
import { parseReportFile, toBundleCsv, type AcceptedReport, type ExtractedCell, type ParsedReport } from '../src/ingest/report'

export interface ImportOptions { files: string[]; out: string; codes?: string; keepDoubtful: boolean; strict: boolean }
type Unit = { unitCode: string; parentCode?: string; parentName?: string; level?: string }

const EXTENSIONS = /\.(txt|md|html?|xhtml|shtml|docx)$/i
const USAGE = '用法：npm run import -- <报告文件或目录…> --out <输出目录> [--codes 单位代码.csv] [--keep-doubtful] [--strict]'

export function parseArgs(argv: readonly string[]): ImportOptions | string {
  const opts: ImportOptions = { files: [], out: '', keepDoubtful: false, strict: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--out' || a === '-o') opts.out = argv[++i] ?? ''
    else if (a.startsWith('--out=')) opts.out = a.slice(6)
    else if (a === '--codes') opts.codes = argv[++i]
    else if (a === '--keep-doubtful') opts.keepDoubtful = true
    else if (a === '--strict') opts.strict = true
    else if (a === '--help' || a === '-h') return USAGE
    else if (a.startsWith('-')) return `未知选项 ${a}\n${USAGE}`
    else opts.files.push(a)
  }
  if (!opts.files.length || !opts.out) return USAGE
  return opts
}

function expand(paths: readonly string[]): string[] {
  return paths.flatMap((p) => (existsSync(p) && statSync(p).isDirectory()
    ? readdirSync(p).filter((f) => EXTENSIONS.test(f)).sort().map((f) => join(p, f))
    : [p]))
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
const blankDoubtful = (cs: ExtractedCell[]): ExtractedCell[] =>
  cs.map((c) => (c.confidence === 'doubtful' ? { ...c, raw: '', value: null, kind: 'blank' } : c))

export function runImport(opts: ImportOptions, log: (s: string) => void = console.log): number {
  const codes = opts.codes ? readCodes(readFileSync(opts.codes, 'utf8')) : new Map<string, Unit>()
  const accepted: AcceptedReport[] = []
  const seen = new Map<string, string>()
  let review = 0
  let doubtfulTotal = 0
  let errorTotal = 0
  const files = expand(opts.files)
  for (const file of files) {
    let r: ParsedReport | null
    try {
      r = parseReportFile(basename(file), new Uint8Array(readFileSync(file)))
    } catch (e) {
      log(`✗ ${file}：无法读取（${(e as Error).message}）`)
      review++
      continue
    }
    if (!r) { log(`✗ ${file}：不是可读取的 Word 文档`); review++; continue }
    const cells = cellsOf(r)
    const doubtful = cells.filter((c) => c.confidence === 'doubtful').length
    const count = (s: string): number => r!.issues.filter((i) => i.severity === s).length
    const errors = count('error')
    doubtfulTotal += doubtful
    errorTotal += errors
    const needsReview = doubtful > 0 || errors > 0 || count('warning') > 0 || r.activeTotalConfidence !== 'certain'
    if (needsReview) review++
    log(`${needsReview ? '!' : '✓'} ${file}：${r.unitName ?? '（单位不明）'} ${r.year ?? '（年度不明）'}年 ${r.format ? `${r.format}版` : '格式不明'} ` +
      `主动公开${r.activeTotal ?? '—'}条${r.activeTotalConfidence === 'doubtful' ? '（存疑）' : ''}，单元格${cells.length}个，存疑${doubtful}个，` +
      `问题${r.issues.length}条（错误${errors}、警告${count('warning')}、提示${count('info')}）`)
    for (const i of r.issues) if (i.severity !== 'info') log(`    [${i.severity === 'error' ? '错误' : '警告'}] ${i.message}`)
    if (r.year === null || r.unitName === null) { log('    未写入数据包：缺少单位名称或年度'); continue }
    if (opts.strict && (doubtful > 0 || errors > 0)) { log('    未写入数据包（--strict）：有存疑单元格或错误'); continue }
    const unit = codes.get(r.unitName) ?? { unitCode: r.unitName }
    if (!codes.has(r.unitName) && opts.codes) log(`    单位代码表中没有“${r.unitName}”，暂以单位名称作代码`)
    const key = `${unit.unitCode}|${r.year}`
    if (seen.has(key)) log(`    与 ${seen.get(key)} 是同一单位同一年度，数据包中将出现重复`)
    seen.set(key, file)
    const keep = opts.keepDoubtful ? (cs: ExtractedCell[]) => cs : blankDoubtful
    accepted.push({ ...r, ...unit, source: r.fileName ?? file, active: keep(r.active), applications: keep(r.applications), reviews: keep(r.reviews) })
  }
  if (accepted.length) {
    mkdirSync(opts.out, { recursive: true })
    for (const [name, csv] of Object.entries(toBundleCsv(accepted))) writeFileSync(join(opts.out, name), csv)
  }
  log(`\n共${files.length}个文件，写入数据包${accepted.length}份报告 → ${opts.out}`)
  log(`需人工核对：${review}份报告（存疑单元格${doubtfulTotal}个${opts.keepDoubtful ? '，已按原样写入' : '，已按空白写入'}；错误${errorTotal}条）`)
  if (!opts.codes) log('提示：未提供 --codes，单位代码暂用单位名称')
  return accepted.length ? 0 : 1
}
