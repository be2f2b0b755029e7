/**
 * One group of inputs (a province's folder, a zip, loose files) → one database file, through the app's own
 * code: ingestFiles (src/ingest) → loadTables (src/db/load: read_csv, rebuild, findings) on the native driver.
 * File-level findings and skipped files, which the app keeps in the page, are written to tables of their own.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import { startNativeDuckDb, type NativeDb } from '../../src/db/duckdb-native'
import { insertRows } from '../../src/db/insert'
import { loadTables, type LoadSummary } from '../../src/db/load'
import { ingestFiles, type Progress, type SourceFile } from '../../src/ingest'

/** A group: its name (e.g. the province folder) and its input paths. */
export interface Group { name: string; paths: string[] }

export interface PartResult {
  summary: LoadSummary
  sources: { path: string; bytes: number }[]
  ingestFindings: number
  skipped: number
  /** Peak resident memory of the process that ran the part (parts run in children), MB. */
  peakRssMb?: number
  /** CPU seconds of that process. */
  cpuS?: number
}

/**
 * Share of a group's work per stage, [start, width] (for the progress bar's fraction). Measured at 50k reports:
 * reading + ingest ~10 %, read_csv of the files ~20 %, the rebuild (typed tables, summary, findings) the rest.
 */
const STAGE_WEIGHT: Record<string, [number, number]> = {
  reading: [0, 0.02], unzipping: [0.02, 0.02], decoding: [0.04, 0.03], parsing: [0.07, 0.05], loading: [0.12, 0.2], checking: [0.32, 0.68],
}
/** Ingest's and load's progress; the summariser calls load's files 'loading'. */
export type StageProgress = Omit<Progress, 'stage'> & { stage: Progress['stage'] | 'loading' }
export function stageFraction(p: StageProgress): number {
  const [start, width] = STAGE_WEIGHT[p.stage] ?? [0, 0]
  return Math.min(1, start + width * (p.total > 0 ? p.done / p.total : 0))
}

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory()
const walk = (p: string): string[] => (isDir(p)
  ? readdirSync(p).sort().filter((f) => !f.startsWith('.')).flatMap((f) => walk(join(p, f)))
  : [p])
const TABLE_FILE = /\.(csv|tsv|txt|xlsx|xlsm|zip)$/i

/**
 * Inputs → groups. A folder holding only folders (e.g. national/11, national/12 …) gives one group per
 * sub-folder (a province each); any other folder, and each zip, is one group; loose table files are one group.
 */
export function groupInputs(inputs: readonly string[]): Group[] {
  const groups: Group[] = []
  const loose: string[] = []
  for (const p of inputs) {
    if (!existsSync(p)) throw new Error(`找不到输入 ${p}`)
    if (isDir(p)) {
      const entries = readdirSync(p).sort().filter((f) => !f.startsWith('.'))
      const subdirs = entries.filter((f) => isDir(join(p, f)))
      const tables = entries.filter((f) => !isDir(join(p, f)) && TABLE_FILE.test(f))
      if (subdirs.length > 1 && tables.length === 0) for (const d of subdirs) groups.push({ name: `${basename(resolve(p))}/${d}`, paths: [join(p, d)] })
      else groups.push({ name: basename(resolve(p)), paths: [p] })
    } else if (/\.zip$/i.test(p)) groups.push({ name: basename(p), paths: [p] })
    else loose.push(p)
  }
  if (loose.length) groups.push({ name: loose.length === 1 ? basename(loose[0]) : `${loose.length} 个文件`, paths: loose })
  return groups
}

/** The files of a group as the app sees a dropped folder: paths relative to the folder's parent. */
export function readGroup(g: Group): SourceFile[] {
  return g.paths.flatMap((p) => {
    const base = resolve(p, '..')
    return walk(p).map((f) => ({ path: relative(base, f).split('\\').join('/'), bytes: new Uint8Array(readFileSync(f)) }))
  })
}

export interface PartOptions {
  out: string
  scratch: string
  threads?: number
  memoryLimit?: string
  signal?: AbortSignal
  onProgress?: (p: StageProgress) => void
  /** Called with the open database, so a cancel can interrupt a running statement. */
  onOpen?: (db: NativeDb) => void
}

const EXTRA_SQL = `CREATE TABLE IF NOT EXISTS ingest_findings (rule VARCHAR, severity VARCHAR, unit_code VARCHAR, year INTEGER,
  file VARCHAR, line INTEGER, col VARCHAR, raw VARCHAR, message VARCHAR);
CREATE TABLE IF NOT EXISTS skipped_files (path VARCHAR, reason VARCHAR);`

export async function runPart(g: Group, opts: PartOptions): Promise<PartResult> {
  opts.onProgress?.({ stage: 'reading', done: 0, total: 1, detail: g.name })
  const files = readGroup(g)
  const sources = files.map((f) => ({ path: f.path, bytes: f.bytes.length }))
  const res = await ingestFiles(files, opts.onProgress, { signal: opts.signal })
  files.length = 0 // the prepared tables hold what is needed; let the raw bytes go
  const db = await startNativeDuckDb(opts.out, { scratch: opts.scratch, threads: opts.threads, memoryLimit: opts.memoryLimit })
  opts.onOpen?.(db)
  try {
    // loadTables reports its files as 'parsing' too: shown as loading (the bar's stage and fraction)
    const onProgress = opts.onProgress && ((p: Progress): void => opts.onProgress!(p.stage === 'parsing' ? { ...p, stage: 'loading' } : p))
    const summary = await db.session('write', (w) => loadTables(w, res.tables, { onProgress, signal: opts.signal }))
    await db.exec(EXTRA_SQL)
    await insertRows(db, 'ingest_findings', res.findings.map((f) => [f.rule, f.severity, f.unitCode, f.year, f.file ?? null,
      f.line ?? null, f.column ?? null, f.raw ?? null, f.message]))
    await insertRows(db, 'skipped_files', res.skipped.map((s) => [s.path, s.reason]))
    await db.exec('CHECKPOINT')
    return { summary, sources, ingestFindings: res.findings.length, skipped: res.skipped.length }
  } finally {
    await db.close()
  }
}
