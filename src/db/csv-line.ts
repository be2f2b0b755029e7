/** Split one CSV record (as DuckDB reports a rejected line) into fields. Only used for the few rejects. */
export function splitCsvRecord(text: string, delimiter: string): { fields: string[]; unclosed: boolean } {
  const fields: string[] = []
  let cur = ''
  let inQuotes = false
  let i = 0
  const s = text.replace(/\r?\n$/, '')
  while (i < s.length) {
    const ch = s[i]
    if (inQuotes) {
      if (ch === '"' && s[i + 1] === '"') { cur += '"'; i += 2; continue }
      if (ch === '"') { inQuotes = false; i++; continue }
      cur += ch; i++; continue
    }
    if (ch === '"' && cur === '') { inQuotes = true; i++; continue }
    if (ch === delimiter) { fields.push(cur); cur = ''; i++; continue }
    cur += ch; i++
  }
  fields.push(cur)
  return { fields, unclosed: inQuotes }
}

/**
 * Source line (1-based) of each data record, counted as DuckDB's read_csv counts records: empty
 * lines are skipped, quoted newlines stay inside their record. Used when ingest gave no recordLines
 * but the file has empty lines (which would otherwise shift every later line number).
 */
export function scanRecordLines(bytes: Uint8Array, headerLines: number): Int32Array {
  const out: number[] = []
  let line = 1
  let start = 1
  let inQuotes = false
  let empty = true
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0x22) { inQuotes = !inQuotes; empty = false; continue }
    if (b === 0x0a) {
      if (!inQuotes) {
        if (line > headerLines && !empty) out.push(start)
        empty = true
        start = line + 1
      }
      line++
      continue
    }
    if (b !== 0x0d) empty = false
  }
  if (!empty && line > headerLines) out.push(start)
  return Int32Array.from(out)
}

/** Whether the bytes contain an empty line (LF LF or LF CR LF). */
export function hasEmptyLine(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x0a && (bytes[i + 1] === 0x0a || (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a))) return true
  }
  return false
}
