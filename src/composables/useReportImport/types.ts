/** Contracts of the report importer UI state (pasted/picked published reports → accepted bundle). */
import type { ComputedRef, Ref, ShallowRef } from 'vue'
import type { AcceptedReport, ExtractedCell, ParsedReport } from '../../ingest/report'
import type { SourceFile } from '../../ingest/types'

/** How the source was read; the source pane shows text as is, HTML (and docx → HTML) as markup lines, a PDF as its text by line. */
export type ImportSourceKind = 'text' | 'html' | 'docx' | 'pdf'

/** What the supervisor fills in or corrects about the reporting unit (all text, as typed). */
export interface ReportMeta {
  unitCode: string
  unitName: string
  parentCode: string
  parentName: string
  level: string
  year: string
  /** Active-disclosure volume (part 一), prefilled from the narrative. */
  activeTotal: string
}

type ImportStatus = 'review' | 'accepted'

/** One imported report: the parse as read, plus the supervisor's corrections. */
export interface ImportedReport {
  id: string
  /** File name, or 粘贴文本 n for pasted text. */
  name: string
  sourceKind: ImportSourceKind
  /** The text the line numbers of the cells refer to (report text, or HTML source). */
  source: string
  /** The parse as read; never changed (edits are applied on top). */
  parsed: ParsedReport
  /** Corrected cells: cellKey → text typed by the supervisor. */
  edits: Readonly<Record<string, string>>
  /** Flagged cells confirmed as read (kept as they are, but reviewed). */
  confirmed: readonly string[]
  meta: ReportMeta
  status: ImportStatus
}

/** A problem that blocks (or would block) accepting a report; i18n key under importer.ready. */
export interface ReadinessProblem {
  key: 'unitCode' | 'unitCodeInvalid' | 'unitName' | 'year' | 'flagged' | 'activeTotal' | 'noCells' | 'breaks'
  params?: Record<string, string | number>
  /** Only blocking problems keep the accept button disabled. */
  blocking: boolean
}

export interface Readiness {
  ready: boolean
  problems: ReadinessProblem[]
}

/** A report as it stands after the corrections, with what the UI needs to mark cells. */
export interface ReviewState {
  report: ParsedReport
  /** Cells that need a look: doubtful, or text where a number belongs (keys, not yet edited/confirmed). */
  flagged: ReadonlySet<string>
  /** Cells the parser doubted or found text in, whether or not reviewed since (they stay editable). */
  editable: ReadonlySet<string>
  edited: ReadonlySet<string>
  readiness: Readiness
  cells: ReadonlyMap<string, ExtractedCell>
}

export interface UseReportImportOptions {
  /** Load bundle files into the dashboard (default: useDashboard().loadSources); resolves false on failure. */
  load?: (files: SourceFile[]) => Promise<boolean>
  /** Folder of the loaded/zipped files (default 导入). */
  folder?: string
}

export interface SkippedFile { name: string; reason: string }

export interface AddResult {
  added: ImportedReport[]
  /** Files that could not be read as a report, with a Chinese reason. */
  skipped: SkippedFile[]
}

export interface UseReportImportReturn {
  reports: ShallowRef<readonly ImportedReport[]>
  selectedId: Ref<string | null>
  selected: ComputedRef<ImportedReport | null>
  /** Review state of the selected report. */
  review: ComputedRef<ReviewState | null>
  busy: Ref<boolean>
  /** Last failure, in Chinese/English via i18n key. */
  error: ShallowRef<{ key: string; params?: Record<string, unknown> } | null>
  accepted: ComputedRef<AcceptedReport[]>
  addText(text: string, name?: string): ImportedReport
  /** Report files, .zip archives of them, a folder's files: each read, or listed with why not. */
  addFiles(files: readonly File[] | DataTransfer): Promise<AddResult>
  addBytes(name: string, bytes: Uint8Array): Promise<ImportedReport | null>
  /** Files of the batch that could not be read, with the reason (kept in the review list). */
  skipped: ShallowRef<readonly SkippedFile[]>
  /** Files read so far while a batch is read (null when idle). */
  progress: ShallowRef<{ done: number; total: number } | null>
  /** Accept every report that is ready, in one load; resolves to how many were accepted. */
  acceptAll(): Promise<number>
  select(id: string): void
  editCell(id: string, key: string, raw: string): void
  confirmFlagged(id: string): void
  setMeta(id: string, patch: Partial<ReportMeta>): void
  remove(id: string): void
  /** Load the report into the dashboard; resolves true when it is accepted. */
  accept(id: string): Promise<boolean>
  /** The accepted reports as a CSV bundle zip (UTF-8 with BOM); null when none is accepted. */
  exportZip(): { name: string; bytes: Uint8Array } | null
  /** The review list (Markdown: per file what was read, the cells in doubt and why, the files not read); null when nothing was imported. */
  exportReview(): { name: string; text: string } | null
  stateOf(r: ImportedReport): ReviewState
}
