/** Contracts of the ingest layer: files in, decoded and recognised tables out. */
import type { TableKind } from '../domain/bundle'
import type { Finding } from '../domain/rules'

/** One file as the user gave it (after expanding zips and folders). */
export interface SourceFile {
  /** Path inside the bundle, e.g. `bundle.zip/2023/reports.csv` or `folder/active.csv`. */
  path: string
  bytes: Uint8Array
}

/** Source encoding; 'utf-16' covers UTF-16 LE and BE files with a BOM. */
export type Encoding = 'ascii' | 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16'

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
  /**
   * Number of physical lines to skip before the data (1, or 2 for an Excel two-row merged header;
   * more when a quoted header cell contains a newline or blank lines precede the header).
   */
  headerLines: number
  /**
   * Value for DuckDB `read_csv(skip=…)`: header records + blank lines before them. Equals
   * `headerLines` unless a quoted header cell spans lines (DuckDB counts that record once).
   */
  skipRows?: number
  /** CSV records before the data: skipped title rows + header rows (1; 2–3 for merged multi-row headers). */
  headerRecords?: number
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

export type ProgressStage = 'reading' | 'unzipping' | 'decoding' | 'parsing' | 'copying' | 'checking' | 'charting'
export interface Progress { stage: ProgressStage; done: number; total: number; detail?: string }
export type OnProgress = (p: Progress) => void
