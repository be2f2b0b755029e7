// Minimal RFC 4180 CSV writing and reading, enough for bundles we write ourselves and for tests
// that recompute expected values from them (quoted fields, doubled quotes, CRLF or LF).

export function csvField(v) {
  const s = v == null ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** rows: arrays of cells. Every line ends with `eol`, the last one too (as Excel does). */
export function toCsv(header, rows, eol = '\n') {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join(eol) + eol
}

/** Parse CSV text into arrays of fields (a leading BOM is dropped). */
export function parseCsv(text, delimiter = ',') {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') { field += '"'; i++ } else quoted = false
      } else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === delimiter) { row.push(field); field = '' }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++
      row.push(field); rows.push(row); row = []; field = ''
    } else field += c
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row) }
  return rows
}

/** Parse CSV text with a header into objects keyed by header text. */
export function parseCsvObjects(text, delimiter = ',') {
  const [header, ...rows] = parseCsv(text, delimiter)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}
