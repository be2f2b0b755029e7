/**
 * A batch of report files — loose files, a folder's files, or .zip archives of them (mixed PDF,
 * HTML, docx, txt) — read one by one. Every file gives one item: its parse, or the reason it could
 * not be read (a file is never dropped without a line saying why). Zip entries are named
 * `archive.zip/path/in/zip`; system files inside a zip (__MACOSX, .DS_Store) are not reports.
 */
import { expandZip } from '../archive'
import { extensionOf, readReportFile, type ReadOptions, type ReadReport, type Unreadable } from './file'

export interface BatchFile { path: string; bytes: Uint8Array }
export interface BatchItem { path: string; result: ReadReport | Unreadable }

export async function readReportBatch(files: readonly BatchFile[], opts: ReadOptions = {}, onProgress?: (done: number, total: number) => void): Promise<BatchItem[]> {
  const queue: BatchFile[] = []
  const out: BatchItem[] = []
  for (const f of files) {
    if (extensionOf(f.path) !== 'zip') { queue.push(f); continue }
    const ex = expandZip({ path: f.path, bytes: f.bytes }, () => null)
    for (const e of ex.errors) out.push({ path: e.path, result: { reason: e.message } })
    for (const s of ex.skipped) out.push({ path: s.path, result: { reason: s.reason } })
    for (const inner of ex.files) {
      if (extensionOf(inner.path) === 'zip') out.push({ path: inner.path, result: { reason: '压缩包中又有压缩包，请先解压外层' } })
      else queue.push(inner)
    }
    if (!ex.files.length && !ex.errors.length && !ex.skipped.length) out.push({ path: f.path, result: { reason: '压缩包中没有文件' } })
  }
  let done = 0
  for (const f of queue) {
    out.push({ path: f.path, result: await readReportFile(f.path.replace(/^.*\//, ''), f.bytes, opts) })
    onProgress?.(++done, queue.length)
  }
  return out
}
