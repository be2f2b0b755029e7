/**
 * Input files → table candidates: classify by extension, expand zips (nested, with limits) and
 * workbooks, skip everything that is not a table with a Chinese reason.
 */
import { expandZip, formatBytes, isJunkPath, type ZipLimits } from './archive'
import { DEFAULT_MAX_FILE_BYTES, LIMITS } from './limits'
import { expandXlsx } from './xlsx'
import type { OnProgress, SourceFile } from './types'

type SourceKind = 'table' | 'zip' | 'xlsx' | 'junk' | 'other'

export interface ExpandOptions {
  zip?: ZipLimits
  /** Max size of one (expanded) file in bytes (default DEFAULT_MAX_FILE_BYTES, ./limits.ts: what a tab can load). */
  maxFileBytes?: number
  /** How deep zips inside zips are opened (default 2). */
  maxZipDepth?: number
}

export interface ExpandedSources {
  /** Files to read as CSV text (loose .csv/.tsv/.txt, zip entries, and xlsx sheets). */
  tables: SourceFile[]
  skipped: { path: string; reason: string }[]
  /** Archives that lost data: damaged, refused. */
  errors: { path: string; message: string }[]
}

function sourceKind(path: string): SourceKind {
  const name = path.split('/').pop() ?? path
  if (isJunkPath(name)) return 'junk'
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'table'
  if (ext === 'zip') return 'zip'
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx'
  return 'other'
}

/** Why a file that is not a table is skipped (null = it is a table, a zip or a workbook). */
function skipReason(path: string): string | null {
  const kind = sourceKind(path)
  if (kind === 'table' || kind === 'zip' || kind === 'xlsx') return null
  if (kind === 'junk') return `文件 ${path} 是系统或隐藏文件，已跳过`
  if (/\.(xls|et)$/i.test(path)) return `文件 ${path} 是旧版 Excel（.xls）格式，无法读取；请在 Excel 中另存为 .xlsx 或 .csv 后再加载`
  return `文件 ${path} 不是 CSV、TSV、TXT、XLSX 或 ZIP 文件，已跳过`
}

export async function expandSources(files: SourceFile[], opts: ExpandOptions = {}, onProgress?: OnProgress): Promise<ExpandedSources> {
  const maxFile = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const maxDepth = opts.maxZipDepth ?? 2
  const out: ExpandedSources = { tables: [], skipped: [], errors: [] }
  // One budget for the whole drop, nested zips included: entries and expanded bytes (./limits.ts).
  const maxEntries = opts.zip?.maxEntries ?? LIMITS.zipEntries
  if (files.length > maxEntries) {
    out.errors.push({ path: files[0]?.path ?? '', message: `本次选择了 ${files.length.toLocaleString('en-US')} 个文件，超过一次载入 ${maxEntries.toLocaleString('en-US')} 个文件的上限，均未载入；请把表格合并成较少的文件（例如每种表一个 CSV），或分批载入` })
    return out
  }
  const used = { entries: files.length, bytes: 0 }
  const queue: { file: SourceFile; depth: number }[] = files.map((file) => ({ file, depth: 0 }))
  let done = 0
  while (queue.length) {
    const { file, depth } = queue.shift()!
    const kind = sourceKind(file.path)
    if (kind === 'junk') { done++; continue } // .DS_Store, Thumbs.db, ~$lock files: not worth a line
    if (kind === 'other') { out.skipped.push({ path: file.path, reason: skipReason(file.path)! }); done++; continue }
    if (file.bytes.length > maxFile) {
      out.skipped.push({ path: file.path, reason: `文件 ${file.path} 有 ${formatBytes(file.bytes.length)}，超过单个文件 ${formatBytes(maxFile)} 的上限（浏览器页面能可靠载入的大小），未加载；请拆分成每个不超过 ${formatBytes(maxFile)} 的文件（例如按年度或地区）后再加载` })
      done++
      continue
    }
    if (kind === 'table') { out.tables.push(file); if (depth === 0) used.bytes += file.bytes.length; done++; continue } // zip entries: counted when inflated
    onProgress?.({ stage: 'unzipping', done, total: done + queue.length + 1, detail: file.path })
    if (kind === 'zip') {
      if (depth >= maxDepth) { out.skipped.push({ path: file.path, reason: `压缩包 ${file.path} 嵌套层数过多，未解压；请先解压外层压缩包` }); done++; continue }
      // The zip itself was counted as one of the files: its entries replace it.
      const ex = expandZip(file, (p) => (sourceKind(p) === 'other' ? skipReason(p) : null), { maxEntryBytes: maxFile, ...opts.zip },
        { entries: used.entries - 1, bytes: used.bytes })
      used.entries += ex.files.length - 1
      used.bytes += ex.files.reduce((n, f) => n + f.bytes.length, 0)
      out.skipped.push(...ex.skipped)
      out.errors.push(...ex.errors)
      queue.unshift(...ex.files.map((f) => ({ file: f, depth: depth + 1 })))
    } else {
      const ex = await expandXlsx(file)
      out.skipped.push(...ex.skipped)
      out.errors.push(...ex.errors)
      out.tables.push(...ex.files) // sheet paths have no extension: they are CSV text already
      used.bytes += ex.files.reduce((n, f) => n + f.bytes.length, 0)
    }
    done++
  }
  return out
}
