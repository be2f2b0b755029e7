import type { Severity } from '../../domain/rules'
import type { ProgressStage, SourceFile } from '../../ingest/types'

export type DashboardState = 'loading' | 'ready' | 'error'

/** Ingest/load stages plus the two the dashboard adds around them. */
type LoadStage = ProgressStage | 'starting' | 'fetching' | 'loading'
export interface LoadProgress { stage: LoadStage; done: number; total: number; detail?: string }

/** A finding as listed in the UI (plain text only; rendered as text, never HTML). */
export interface FindingItem {
  rule: string
  severity: Severity
  unitCode: string | null
  unitName: string | null
  year: number | null
  /** "path 第 n 行 列" when located. */
  file: string | null
  line: number | null
  column: string | null
  /** Structured columns the message is rendered from in other languages (src/components/quality/findingText.ts). */
  table?: string | null
  cells?: string | null
  left?: number | null
  right?: number | null
  raw?: string | null
  message: string
}

/** A second bundle replaces what is loaded or is added to it. */
export type LoadMode = 'replace' | 'add'

/** A file of a load that was not loaded, and why (rule: the ingest rule that refused it, if any). */
export interface RejectedFile { path: string; reason: string; rule?: string; line?: number | null }

export interface DashboardError {
  /** i18n key + params, so the message follows the language switch. */
  key: string
  params?: Record<string, unknown>
}

/** What may be picked or dropped: the browser-files adapter turns it into SourceFile[]. */
export type PickedFiles = FileList | File[] | DataTransfer


