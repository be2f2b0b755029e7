/**
 * One CSV source → PreparedTable + findings: decode, sniff, recognise, count records.
 * Never throws for bad input: problems become findings and the file is left out.
 */
import { BUNDLE_TABLES, type TableKind } from '../domain/bundle'
import type { Finding } from '../domain/rules'
import { decodeBytes } from './decode'
import { fileFinding, RULE_EMPTY, RULE_ENCODING, where } from './findings'
import { scanLines, type LineScan } from './lines'
import { columnLabel, recognise, type Recognition } from './recognise'
import { singleRowHeader, sniff, type Sniffed } from './sniff'
import type { PreparedTable, SourceFile } from './types'

export interface PrepareOptions {
  /** Bytes decoded for sniffing (default 64 KiB). */
  previewBytes?: number
  /** Malformed rows reported one by one per file before summarising (default 20). */
  maxBadRows?: number
  /**
   * Report rows with a wrong field count and unclosed quotes as `bad_row` findings (default false:
   * src/db/load.ts reports the rows DuckDB actually rejects and pads short rows, so doing it here
   * too would report each row twice). Turn on when ingest runs without the database.
   */
  rowFindings?: boolean
}

export interface Prepared { table: PreparedTable | null; findings: Finding[] }

const better = (a: Recognition, b: Recognition): boolean =>
  a.kind !== null && (b.kind === null || (a.complete && !b.complete) || (a.complete === b.complete && a.matched > b.matched))

/** Pick the header reading that recognises best: the multi-row guess must earn its place. */
function bestReading(sn: Sniffed): { sn: Sniffed; rec: Recognition } {
  const multi = { sn, rec: recognise(sn.columns) }
  if (sn.headerRecords - sn.titles.length <= 1) return multi
  const single = singleRowHeader(sn)
  const one = { sn: single, rec: recognise(single.columns) }
  return better(one.rec, multi.rec) ? one : multi
}

const quoteList = (xs: string[], max = 6): string => xs.slice(0, max).map((x) => `“${x}”`).join('、') + (xs.length > max ? ` 等 ${xs.length} 列` : '')

function headerFindings(path: string, rec: Recognition, headerLine: number): Finding[] {
  const out: Finding[] = []
  const empties = rec.issues.filter((i) => i.kind === 'empty').map((i) => i.position)
  for (const issue of rec.issues) {
    const at = { line: headerLine, column: issue.header }
    if (issue.kind === 'unknown') {
      out.push(fileFinding('unknown_header', 'warning', path, `${where(path, headerLine, issue.position)}无法识别的列“${issue.header}”，已忽略`, at))
    } else if (issue.kind === 'duplicate') {
      out.push(fileFinding('unknown_header', 'warning', path, `${where(path, headerLine, issue.position)}列“${issue.header}”与第 ${issue.firstPosition} 列重复（都是${columnLabel(rec.kind!, issue.key!)}），只读取第 ${issue.firstPosition} 列，本列已忽略`, at))
    }
  }
  if (empties.length) {
    out.push(fileFinding('unknown_header', 'info', path, `${where(path, headerLine)}第 ${empties.join('、')} 列没有列名，已忽略`, { line: headerLine }))
  }
  return out
}

export function prepareFile(file: SourceFile, opts: PrepareOptions = {}): Prepared {
  const path = file.path
  const findings: Finding[] = []
  if (file.bytes.length === 0) {
    findings.push(fileFinding(RULE_EMPTY, 'warning', path, `文件 ${path} 是空文件，未加载`))
    return { table: null, findings }
  }
  const dec = decodeBytes(file.bytes, { path, previewBytes: opts.previewBytes })
  if (dec.mojibake) findings.push(fileFinding(RULE_ENCODING, 'warning', path, dec.mojibake))
  if (dec.repaired) findings.push(fileFinding(RULE_ENCODING, 'warning', path, dec.repaired))
  const sniffed = sniff(dec.preview)
  if (sniffed.headerRecords === 0 || sniffed.columns.every((c) => c.text === '')) {
    findings.push(fileFinding(RULE_EMPTY, 'warning', path, `文件 ${path} 没有内容（只有空行），未加载`))
    return { table: null, findings }
  }
  const { sn, rec } = bestReading(sniffed)
  const headers = sn.columns.map((c) => c.text)
  const named = headers.filter((h) => h.trim() !== '')
  if (rec.kind === null) {
    findings.push(fileFinding('unrecognised_file', 'error', path,
      `${where(path, sn.titles.length + 1)}表头 ${quoteList(named)} 不符合任何数据表（报告清单、单位层级、主动公开、依申请公开、行政复议和行政诉讼、长表），该文件未加载`, { line: sn.titles.length + 1 }))
    return { table: null, findings }
  }
  const table = BUNDLE_TABLES[rec.kind]
  if (!rec.complete) {
    findings.push(fileFinding('missing_column', 'error', path,
      `${where(path, sn.titles.length + 1)}按表头识别为“${table.zh}”表（${table.fileName}），但缺少必需的列：${rec.missing.map((k) => columnLabel(table.kind, k)).join('、')}，该文件未加载`,
      { line: sn.titles.length + 1, table: rec.kind }))
    return { table: null, findings }
  }
  const headerLine = sn.titles.length + 1
  findings.push(...headerFindings(path, rec, headerLine))
  sn.titles.forEach((title, i) => findings.push(fileFinding('unknown_header', 'info', path, `${where(path, i + 1)}“${title}”是标题行，已跳过`, { line: i + 1, raw: title })))

  const scan = scanLines(dec.utf8, { delimiter: sn.delimiter, headerRecords: sn.headerRecords, expectedFields: headers.length, maxBadRows: opts.maxBadRows ?? 20 })
  if (opts.rowFindings) findings.push(...rowFindings(path, rec.kind, scan, headers.length))
  if (scan.records === 0) {
    findings.push(fileFinding(RULE_EMPTY, 'warning', path, `文件 ${path} 只有表头，没有数据行，未加载`, { table: rec.kind }))
    return { table: null, findings }
  }
  return {
    findings,
    table: {
      path, kind: rec.kind, encoding: dec.encoding, utf8: dec.utf8, delimiter: sn.delimiter,
      headerLines: scan.headerLines, skipRows: scan.skipRows, headerRecords: sn.headerRecords,
      columns: rec.columns, headers, recordLines: scan.recordLines, records: scan.records,
    },
  }
}

function rowFindings(path: string, kind: TableKind, scan: LineScan, width: number): Finding[] {
  const findings: Finding[] = []
  for (const bad of scan.badRows) {
    findings.push(fileFinding('bad_row', 'error', path, `${where(path, bad.line)}有 ${bad.fields} 个字段，而表头有 ${width} 列；请检查是否多了或少了分隔符`, { line: bad.line, table: kind }))
  }
  if (scan.badRowCount > scan.badRows.length) {
    findings.push(fileFinding('bad_row', 'error', path, `文件 ${path} 另有 ${scan.badRowCount - scan.badRows.length} 行字段数与表头不符（只列出前 ${scan.badRows.length} 行）`, { table: kind }))
  }
  if (scan.unclosedQuoteLine !== null) {
    findings.push(fileFinding('bad_row', 'error', path, `${where(path, scan.unclosedQuoteLine)}引号没有闭合，从这里到文件末尾可能被读成一个单元格；请检查该行的双引号`, { line: scan.unclosedQuoteLine, table: kind }))
  }
  return findings
}
