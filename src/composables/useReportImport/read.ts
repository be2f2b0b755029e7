/**
 * Report files or pasted text → the parse and the source text its line numbers refer to. Files go
 * through the importer's batch reader: .zip archives are opened, PDFs read with the self-hosted
 * pdfjs-dist, and every file that cannot be read comes back with its reason.
 */
import { readReportBatch, readReportFile, parseReport, reportFileKind, type BatchItem, type ReadReport, type Unreadable } from '../../ingest/report'
import { loadPdfjsBrowser } from '../../ingest/report/pdfjs-browser'

export type { ReadReport }

export function readPasted(text: string, name?: string): ReadReport {
  // Pasted HTML (copied page source) is read as HTML, like a .html file.
  const kind = reportFileKind(name ?? 'pasted.txt', text)
  const clean = text.replace(/^\ufeff/, '')
  return kind === 'html'
    ? { parsed: parseReport({ html: clean, fileName: name }), source: clean, sourceKind: 'html' }
    : { parsed: parseReport({ text: clean, fileName: name }), source: clean, sourceKind: 'text' }
}

/** One file; a reason when it cannot be read as a report. */
export function readReportBytes(name: string, bytes: Uint8Array): Promise<ReadReport | Unreadable> {
  return readReportFile(name, bytes, { pdf: loadPdfjsBrowser })
}

/** Files, zips of them included: one item per report file, read or with its reason. */
export function readReportFiles(files: readonly { path: string; bytes: Uint8Array }[], onProgress?: (done: number, total: number) => void): Promise<BatchItem[]> {
  return readReportBatch(files, { pdf: loadPdfjsBrowser }, onProgress)
}
