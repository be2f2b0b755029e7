/** Query results → CSV text for Excel: UTF-8 BOM, CRLF, quoted as needed, formulas neutralised. */

/** A cell Excel would run as a formula (= + - @, tab, CR) gets a leading apostrophe. */
export function neutraliseCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s) ? `'${s}` : s
}

/** Display/CSV text of a value from DuckDB (numbers as is, BigInt, dates, lists, structs). */
export function cellText(v: unknown): string {
  if (v == null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (typeof v === 'bigint') return v.toString()
  if (v instanceof Date) return v.toISOString()
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))
  } catch {
    return String(v)
  }
}

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

export function rowsToCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map((c) => quote(neutraliseCell(c))).join(',')]
  for (const r of rows) lines.push(columns.map((c) => quote(neutraliseCell(cellText(r[c])))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** Offer text as a file download (stays in the browser). */
export function downloadText(text: string, name: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
