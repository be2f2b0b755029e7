/**
 * Record counting over UTF-8 bytes in one pass. Works on bytes, not a string, because the
 * structural characters (" , ; \t \r \n) are ASCII and never occur inside a UTF-8 multi-byte
 * sequence, and because a 1 GB file does not fit in one JS string.
 *
 * Splitting follows RFC 4180 as PapaParse and DuckDB read it: '"' opens a quoted field only at the
 * start of a field, '""' inside quotes is an escaped quote, CRLF / LF / lone CR end a record,
 * and completely empty lines are skipped (they are not records).
 */

export interface LineScan {
  /** Data records (after the header records). */
  records: number
  /** Physical lines taken by the header records (and any blank lines before them). */
  headerLines: number
  /**
   * What DuckDB's `read_csv(skip=…)` needs: header records + blank lines before them. DuckDB counts
   * a quoted header cell spanning two lines as one row, so this differs from `headerLines` then.
   */
  skipRows: number
  /** 1-based source line of each data record, only when it differs from `index + headerLines + 1`. */
  recordLines: Int32Array | null
  /** Data records whose field count differs from the header's (first `maxBadRows` kept). */
  badRows: { line: number; fields: number }[]
  /** How many data records had a wrong field count in total. */
  badRowCount: number
  /** Line of the record where a quoted field was opened and never closed; null when all close. */
  unclosedQuoteLine: number | null
}

export interface LineScanOptions {
  delimiter?: number | string
  /** CSV records forming the header (default 1). */
  headerRecords?: number
  /** Expected fields per record (the header's); records differing are reported. 0 = do not check. */
  expectedFields?: number
  maxBadRows?: number
}

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

export function scanLines(bytes: Uint8Array, opts: LineScanOptions = {}): LineScan {
  const delim = typeof opts.delimiter === 'string' ? opts.delimiter.charCodeAt(0) : (opts.delimiter ?? 0x2c)
  const headerRecords = opts.headerRecords ?? 1
  const expected = opts.expectedFields ?? 0
  const maxBad = opts.maxBadRows ?? 100
  const n = bytes.length

  let line = 1 // physical line where the current record starts
  let seen = 0 // records completed, header included
  let headerLines = 0
  let lines: Int32Array | null = null
  const badRows: { line: number; fields: number }[] = []
  let badRowCount = 0
  let unclosedQuoteLine: number | null = null
  let blankBeforeData = 0

  // One tight loop, all state in locals (closures would move it to the heap and triple the cost).
  let i = 0
  while (i < n) {
    let fields = 1
    let spanned = 0 // line breaks inside quoted fields
    let content = false
    let atStart = true
    let next = n
    while (i < n) {
      const c = bytes[i]
      if (c === delim) { fields++; content = true; atStart = true; i++; continue }
      if (c === LF) { next = i + 1; break }
      if (c === CR) { next = i + 1 < n && bytes[i + 1] === LF ? i + 2 : i + 1; break }
      if (c === QUOTE && atStart) {
        content = true
        atStart = false
        i++
        let closed = false
        while (i < n) {
          const q = bytes[i]
          if (q === QUOTE) {
            if (i + 1 < n && bytes[i + 1] === QUOTE) { i += 2; continue }
            i++
            closed = true
            break
          }
          if (q === LF || (q === CR && !(i + 1 < n && bytes[i + 1] === LF))) spanned++
          i++
        }
        if (!closed) unclosedQuoteLine = line
        continue
      }
      content = true
      atStart = false
      i++
    }
    const recStart = line
    line += 1 + spanned
    i = next
    if (!content) { if (seen < headerRecords) blankBeforeData++; continue } // blank line: not a record
    seen++
    if (seen <= headerRecords) {
      if (seen === headerRecords) headerLines = recStart + spanned
      continue
    }
    const rec = seen - headerRecords // 1-based data record
    if (lines === null && recStart !== rec + headerLines) {
      // First irregular record: materialise the regular ones before it.
      lines = new Int32Array(Math.max(1024, rec * 2))
      for (let r = 1; r < rec; r++) lines[r - 1] = r + headerLines
    }
    if (lines !== null) {
      let map: Int32Array = lines
      if (rec > map.length) { const grown = new Int32Array(map.length * 2); grown.set(map); map = lines = grown }
      map[rec - 1] = recStart
    }
    if (expected > 0 && fields !== expected) {
      badRowCount++
      if (badRows.length < maxBad) badRows.push({ line: recStart, fields })
    }
  }
  if (seen < headerRecords) headerLines = line - 1
  const records = Math.max(0, seen - headerRecords)
  const recordLines: Int32Array | null = lines === null ? null : (lines as Int32Array).slice(0, records)
  const skipRows = Math.min(seen, headerRecords) + blankBeforeData
  return { records, headerLines, skipRows, recordLines, badRows, badRowCount, unclosedQuoteLine }
}
