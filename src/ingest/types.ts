/** Contracts of the ingest layer: files in, decoded and recognised tables out. */
import type { TableKind } from '../domain/bundle'
import type { Finding } from '../domain/rules'

/** One file as the user gave it (after expanding zips and folders). */
export interface SourceFile {
  /** Path inside the bundle, e.g. `bundle.zip/2023/reports.csv` or `folder/active.csv`. */
  path: string
  bytes: Uint8Array
}

export type Encoding = 'ascii' | 'utf-8' | 'utf-8-bom' | 'gb18030'

/**
 * A file whose table was recognised, ready for DuckDB's read_csv:
 * UTF-8 bytes without BOM, the delimiter, and which canonical column sits at each position.
 */
export interface PreparedTable {
  path: string
  kind: TableKind
  encoding: Encoding
  /** UTF-8 text of the whole file without BOM (what DuckDB reads). */
  utf8: Uint8Array
  delimiter: ',' | '\t' | ';'
  /** Number of header lines to skip (1, or 2 for an Excel two-row merged header). */
  headerLines: number
  /** Canonical key per source column position; null for an unrecognised column (ignored). */
  columns: (string | null)[]
  /** Raw header text per position (for messages). */
  headers: string[]
  /**
   * Source line (1-based) of each data record, only when some record spans several lines
   * (quoted newlines); otherwise line = record index + headerLines + 1.
   */
  recordLines: Int32Array | null
  /** Data records counted in the file. */
  records: number
}

export interface IngestResult {
  tables: PreparedTable[]
  /** File-level findings: unrecognised files, missing columns, unknown headers, bad encodings. */
  findings: Finding[]
  /** Files skipped entirely (not a table), with the reason in Chinese. */
  skipped: { path: string; reason: string }[]
}

export type ProgressStage = 'reading' | 'unzipping' | 'decoding' | 'parsing' | 'checking' | 'charting'
export interface Progress { stage: ProgressStage; done: number; total: number; detail?: string }
export type OnProgress = (p: Progress) => void
