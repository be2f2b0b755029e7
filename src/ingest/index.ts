/** Ingest: files → prepared tables + file-level findings. Pure TS (browser and Node). */
import type { Finding } from '../domain/rules'
import { checkpoint } from './abort'
import { fileFinding, RULE_ARCHIVE } from './findings'
import { prepareFile, type PrepareOptions } from './prepare'
import { expandSources, type ExpandOptions } from './sources'
import type { IngestResult, OnProgress, SourceFile } from './types'

/** `signal` cancels between files (LoadCancelled). */
export type IngestOptions = ExpandOptions & PrepareOptions & { signal?: AbortSignal }

// Let the UI repaint between files (setTimeout exists in browsers, workers and Node).
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * Expand archives, decode, sniff, recognise and count records of every file. One bad file never
 * stops the others: its problems become findings (or a `skipped` entry) and the rest is loaded.
 */
export async function ingestFiles(files: SourceFile[], onProgress?: OnProgress, opts: IngestOptions = {}): Promise<IngestResult> {
  const findings: Finding[] = []
  const ex = await expandSources(files, opts, onProgress)
  checkpoint(opts.signal)
  for (const e of ex.errors) findings.push(fileFinding(RULE_ARCHIVE, 'error', e.path, e.message))
  const tables: IngestResult['tables'] = []
  const total = ex.tables.length
  for (let i = 0; i < total; i++) {
    const file = ex.tables[i]
    onProgress?.({ stage: 'decoding', done: i, total, detail: file.path })
    await tick()
    checkpoint(opts.signal)
    onProgress?.({ stage: 'parsing', done: i, total, detail: file.path })
    try {
      const res = prepareFile(file, opts)
      findings.push(...res.findings)
      if (res.table) tables.push(res.table)
    } catch (err) {
      // A bug or an engine limit on one file must not lose the others.
      findings.push(fileFinding('unrecognised_file', 'error', file.path, `文件 ${file.path} 处理时出错（${err instanceof Error ? err.message : String(err)}），该文件未加载，其他文件不受影响`))
    }
  }
  onProgress?.({ stage: 'parsing', done: total, total })
  return { tables, findings, skipped: ex.skipped }
}

export { isCancelled } from './abort'
export type { IngestResult, OnProgress, Progress, SourceFile } from './types'
export { decodeBytes } from './decode'

export { prepareFile } from './prepare'
