/** File names for exports: from the title and the date, safe on Windows, at most 100 characters. */

function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** Windows' reserved device names (CON, PRN, AUX, NUL, COM1…, LPT1…). */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/**
 * The one file-name rule (exports, and the folders of imported reports): characters Windows forbids
 * (\ / : * ? " < > |) and control characters become "_", whitespace collapses, no leading/trailing dots or
 * spaces, at most `max` characters; empty → `fallback`, a reserved device name gets a leading "_".
 */
export function safeBaseName(title: string, max = 100, fallback = 'chart'): string {
  // eslint-disable-next-line no-control-regex
  let base = title.replace(/\s+/g, ' ').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').trim()
  base = base.replace(/^[. ]+/, '').replace(/[. ]+$/, '')
  base = [...base].slice(0, max).join('').replace(/[. ]+$/, '')
  if (!base || RESERVED.test(base)) base = base ? `_${base}` : fallback
  return base
}

/** `<title>_<yyyy-mm-dd>.<ext>` (safeBaseName's rule), ≤ 100 characters in all. */
export function safeFileName(title: string, date: Date | string = new Date(), ext = 'png'): string {
  // (older call sites pass (title, date); a string second argument is the extension)
  if (typeof date === 'string') { ext = date; date = new Date() }
  const suffix = `_${isoDate(date)}.${ext.replace(/[^a-z0-9]/gi, '') || 'bin'}`
  return safeBaseName(title, 100 - suffix.length) + suffix
}
