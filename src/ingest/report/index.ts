/** Import published annual reports (text, HTML, docx) as table cells and CSV bundles. */
export { parseReport } from './parse'
export { toBundleCsv, type AcceptedReport } from './bundle'
export { htmlToLines } from './html'
export type { ParsedReport, ExtractedCell, ReportIssue, ReportInput, ReportSection, Confidence } from './types'
export { docxToHtml, docxXmlToHtml } from './docx'
export { parseReportFile, decodeText, reportFileKind } from './file'
