/** Import published annual reports (text, HTML, docx, PDF) as table cells and CSV bundles. */
export { parseReport } from './parse'
export { toBundleCsv, type AcceptedReport } from './bundle'
export { htmlToLines } from './html'
export type { ParsedReport, ExtractedCell, ReportIssue, ReportSection } from './types'
export { docxToHtml } from './docx'
export { parseReportFile, readReportFile, reportFileKind, type ReadReport, type Unreadable } from './file'
export { readReportBatch, type BatchItem } from './batch'
export { cellCounts } from './review'
