/** Import published annual reports (text, HTML, docx, PDF) as table cells and CSV bundles. */
export { parseReport } from './parse'
export { toBundleCsv, reportCellText, type AcceptedReport } from './bundle'
export { htmlToLines } from './html'
export type { ParsedReport, ExtractedCell, ReportIssue, ReportInput, ReportSection, Confidence } from './types'
export { docxToHtml, docxXmlToHtml } from './docx'
export {
  parseReportFile, readReportFile, decodeText, reportFileKind, extensionOf, REPORT_EXTENSIONS,
  type ReadReport, type Unreadable, type ReadOptions, type ReportFileKind,
} from './file'
export { readPdf, pdfPagesToLines, type PdfLoader, type PdfPage } from './pdf'
export { readReportBatch, type BatchFile, type BatchItem } from './batch'
export { reviewList, cellCounts, doubtLine, headline, type ReviewEntry } from './review'
