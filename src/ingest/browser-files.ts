/**
 * Browser inputs → SourceFile[]: a FileList / File[] (from <input>, with `webkitdirectory`
 * relative paths) or a DataTransfer from a drop (folders walked via webkitGetAsEntry).
 * The only ingest module that touches DOM APIs.
 */
import { formatBytes } from './archive'
import { DEFAULT_MAX_FILE_BYTES } from './limits'
import type { OnProgress, SourceFile } from './types'

export interface CollectOptions {
  /** Largest single file accepted (default DEFAULT_MAX_FILE_BYTES, ./limits.ts); larger files are refused before reading. */
  maxFileBytes?: number
  onProgress?: OnProgress
}

export interface Collected {
  files: SourceFile[]
  skipped: { path: string; reason: string }[]
}

/** A file and the path it keeps inside the bundle. */
interface Picked { file: File; path: string }

const isDataTransfer = (x: unknown): x is DataTransfer =>
  typeof x === 'object' && x !== null && 'items' in x && 'files' in x && !('length' in x)

/** `<input webkitdirectory>` fills webkitRelativePath (`folder/2023/reports.csv`); otherwise the name. */
function inputPath(file: File): string {
  const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath
  return rel && rel.length > 0 ? rel : file.name
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call: repeat until it returns none.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = []
    const next = (): void => reader.readEntries((batch) => {
      if (batch.length === 0) resolve(all)
      else { all.push(...batch); next() }
    }, reject)
    next()
  })
}

async function walk(entry: FileSystemEntry, out: Picked[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '') || entry.name
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
    out.push({ file, path })
  } else if (entry.isDirectory) {
    for (const child of await readAllEntries((entry as FileSystemDirectoryEntry).createReader())) await walk(child, out)
  }
}

/**
 * Synchronous part of a drop: DataTransfer items are only readable during the event handler,
 * so entries (and plain files, for browsers without webkitGetAsEntry) are taken right away.
 */
function takeDrop(dt: DataTransfer): { entries: FileSystemEntry[]; files: File[] } {
  const entries: FileSystemEntry[] = []
  const files: File[] = []
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null
    if (entry) entries.push(entry)
    else { const f = item.getAsFile(); if (f) files.push(f) }
  }
  if (entries.length === 0 && files.length === 0) files.push(...Array.from(dt.files ?? []))
  return { entries, files }
}

/**
 * Collect files from an input or a drop. Call it directly in the `drop` handler (before any
 * await of your own): the DataTransfer is read synchronously on entry.
 */
export async function collectFiles(input: FileList | readonly File[] | DataTransfer, opts: CollectOptions = {}): Promise<Collected> {
  const max = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const picked: Picked[] = []
  if (isDataTransfer(input)) {
    const { entries, files } = takeDrop(input) // synchronous, before the first await
    for (const f of files) picked.push({ file: f, path: inputPath(f) })
    for (const e of entries) await walk(e, picked)
  } else {
    for (const f of Array.from(input as ArrayLike<File>)) picked.push({ file: f, path: inputPath(f) })
  }

  const out: Collected = { files: [], skipped: [] }
  const total = picked.length
  for (let i = 0; i < total; i++) {
    const { file, path } = picked[i]
    opts.onProgress?.({ stage: 'reading', done: i, total, detail: path })
    if (file.size > max) {
      out.skipped.push({ path, reason: `文件 ${path} 有 ${formatBytes(file.size)}，超过单个文件 ${formatBytes(max)} 的上限，未读取；请拆分成每个不超过 ${formatBytes(max)} 的文件（例如按年度或地区）后再加载` })
      continue
    }
    try {
      out.files.push({ path, bytes: new Uint8Array(await file.arrayBuffer()) })
    } catch (err) {
      out.skipped.push({ path, reason: `文件 ${path} 无法读取（${err instanceof Error ? err.message : String(err)}），可能已被移动或删除` })
    }
  }
  opts.onProgress?.({ stage: 'reading', done: total, total })
  return out
}
