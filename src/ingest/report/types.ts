/** Contracts of the report importer: a published report (text/HTML/docx) in, table cells out. */
import type { CellKind } from '../../domain/cells'
import type { FormatVersion } from '../../domain/format'
import type { Severity } from '../../domain/rules'

export type ReportSection = 'active' | 'applications' | 'reviews'
export type Confidence = 'certain' | 'doubtful'

/** One cell of sections 二/三/四 as read from the report. */
export interface ExtractedCell {
  section: ReportSection
  /** Canonical row key (format.ts); for 四 the block: review · litigation_direct · litigation_after_review. */
  row: string
  /** Canonical column key; for 四 the outcome: upheld · corrected · other · pending · total. */
  column: string
  /** Verbatim text of the cell (for a run-together row, the whole run). */
  raw: string
  value: number | null
  kind: CellKind
  /** 1-based line of the source (text line, or HTML source line). */
  line: number
  confidence: Confidence
  /** The page gives no text for this cell (cut off, or not placeable): not read — never the unit's blank. */
  unread?: boolean
  /** Amounts (fee_amount, procurement_amount): the unit printed with the figure or its header; `value` is in 万元. */
  amountUnit?: '万元' | '元' | null
  /** Why the cell is doubtful (Chinese, for the review list). */
  why?: string
}

export interface ReportIssue {
  severity: Severity
  /** Chinese, naming the line when there is one. */
  message: string
  line?: number
  /** Rule id of report-format.md for consistency breaks, or an importer code. */
  rule?: string
}

export interface ParsedReport {
  fileName: string | null
  unitName: string | null
  year: number | null
  format: FormatVersion | null
  /** Why this format (labels found, or the fallback used). */
  formatEvidence: string
  /** Parent unit named by the unit's own name (宁陕县梅子镇 → 宁陕县) or the narrative. */
  parentName: string | null
  /** 乡镇 · 街道 · 县 · 部门, from the unit's name; null when it does not say. */
  level: string | null
  /** The page was in traditional characters (read converted; the review shows the original). */
  traditional: boolean
  activeTotal: number | null
  /** The exact phrase, e.g. 共公开信息43条. */
  activeTotalEvidence: string | null
  activeTotalLine: number | null
  activeTotalConfidence: Confidence | null
  /** The stated total is rounded (260余条, 近200条): a lower or approximate figure. */
  activeTotalApprox: boolean
  active: ExtractedCell[]
  applications: ExtractedCell[]
  reviews: ExtractedCell[]
  issues: ReportIssue[]
}

export interface ReportInput {
  text?: string
  html?: string
  /** Lines already split into cells (PDF). */
  lines?: SrcLine[]
  fileName?: string
}

/** A source line; HTML table rows come with their cells already split. */
export interface SrcLine {
  text: string
  line: number
  /** x: the cell's horizontal centre on the page (PDF only), for placing cells of short rows. */
  cells?: { text: string; line: number; x?: number }[]
}

/** A token of a section: one cell's text, or a row break. */
export interface Tok {
  text: string
  line: number
  br?: boolean
  /** Horizontal centre on the page (PDF only). */
  x?: number
}
