/**
 * Encoding detection and conversion to UTF-8 bytes (what DuckDB reads).
 * Works on bytes in chunks so that files larger than V8's maximum string length still work.
 */
import type { Encoding } from './types'

export interface Decoded {
  encoding: Encoding
  /** UTF-8 bytes without BOM; the input buffer itself (or a view of it) when already UTF-8. */
  utf8: Uint8Array
  /** Decoded text of the first `previewBytes` bytes (for sniffing and messages). */
  preview: string
  /** Whole decoded text; computed on first access (a 1 GB file does not fit in one JS string). */
  readonly text: string
  /** Chinese warning when UTF-8 text looks like double-encoded (Latin-1) mojibake; null otherwise. */
  mojibake: string | null
  /** Chinese warning when bytes that are not valid UTF-8 were replaced by U+FFFD in UTF-8 text; null otherwise. */
  repaired?: string | null
}

export interface DecodeOptions {
  /** Size of the preview decoded eagerly (default 64 KiB). */
  previewBytes?: number
  /** File name used in messages. */
  path?: string
}

const CHUNK = 16 * 1024 * 1024

/** Index of the first byte ≥ 0x80, or -1. Reads 32-bit words where alignment allows (fast path). */
export function firstNonAscii(bytes: Uint8Array): number {
  const n = bytes.length
  let i = 0
  if (bytes.byteOffset % 4 === 0 && n >= 64) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, n >>> 2)
    for (let w = 0; w < words.length; w++) {
      if (words[w] & 0x80808080) { i = w << 2; break }
      i = (w + 1) << 2
    }
  }
  for (; i < n; i++) if (bytes[i] & 0x80) return i
  return -1
}

/**
 * True when bytes from `from` on are valid UTF-8 (RFC 3629: no overlongs, no surrogates).
 * A plain loop: TextDecoder would build a string of the whole file, several times slower.
 */
export function isValidUtf8(b: Uint8Array, from = 0): boolean {
  const n = b.length
  let i = from
  while (i < n) {
    const c = b[i]
    if (c < 0x80) { i++; continue }
    if (c < 0xc2) return false
    if (c < 0xe0) {
      if (i + 1 >= n || (b[i + 1] & 0xc0) !== 0x80) return false
      i += 2
      continue
    }
    if (c < 0xf0) {
      if (i + 2 >= n) return false
      const c1 = b[i + 1]
      if ((c1 & 0xc0) !== 0x80 || (b[i + 2] & 0xc0) !== 0x80 || (c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 >= 0xa0)) return false
      i += 3
      continue
    }
    if (c < 0xf5) {
      if (i + 3 >= n) return false
      const c1 = b[i + 1]
      if ((c1 & 0xc0) !== 0x80 || (b[i + 2] & 0xc0) !== 0x80 || (b[i + 3] & 0xc0) !== 0x80 || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 >= 0x90)) return false
      i += 4
      continue
    }
    return false
  }
  return true
}

/**
 * Count well-formed multi-byte UTF-8 sequences and invalid bytes from `from` on. Text in GB18030
 * has about as many invalid bytes as accidental valid sequences; UTF-8 text with a stray byte
 * (a pasted Windows-1252 character, a damaged block) has a few invalid bytes among many valid ones.
 */
function utf8Census(b: Uint8Array, from = 0): { valid: number; invalid: number; firstInvalid: number } {
  const n = b.length
  let valid = 0, invalid = 0, firstInvalid = -1
  let i = from
  while (i < n) {
    const c = b[i]
    if (c < 0x80) { i++; continue }
    let len = 0
    if (c >= 0xc2 && c < 0xe0) len = 2
    else if (c >= 0xe0 && c < 0xf0) len = 3
    else if (c >= 0xf0 && c < 0xf5) len = 4
    let ok = len > 0 && i + len <= n
    for (let k = 1; ok && k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) ok = false
    if (ok && len === 3) { const c1 = b[i + 1]; ok = !((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 >= 0xa0)) }
    if (ok && len === 4) { const c1 = b[i + 1]; ok = !((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 >= 0x90)) }
    if (ok) { valid++; i += len } else { if (firstInvalid < 0) firstInvalid = i; invalid++; i++ }
    if (invalid >= 256 && valid < 8 * invalid) break // clearly not UTF-8: no need to read on
  }
  return { valid, invalid, firstInvalid }
}

/** 1-based line of byte offset `at`. */
function lineAt(b: Uint8Array, at: number): number {
  let line = 1
  for (let i = 0; i < at; i++) if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) line++
  return line
}

/** Decode with a legacy/UTF-16 decoder chunk by chunk and re-encode to UTF-8. */
function transcode(bytes: Uint8Array, label: string): Uint8Array {
  const dec = new TextDecoder(label)
  const enc = new TextEncoder()
  const parts: Uint8Array[] = []
  let total = 0
  for (let p = 0; p < bytes.length; p += CHUNK) {
    const end = Math.min(bytes.length, p + CHUNK)
    const part = enc.encode(dec.decode(bytes.subarray(p, end), { stream: end < bytes.length }))
    parts.push(part)
    total += part.length
  }
  const tail = enc.encode(dec.decode())
  if (tail.length) { parts.push(tail); total += tail.length }
  if (parts.length === 1) return parts[0]
  const out = new Uint8Array(total)
  let o = 0
  for (const part of parts) { out.set(part, o); o += part.length }
  return out
}

function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}

// UTF-8 lead byte of CJK (E4–E9) read as Latin-1/cp1252 is one of ä å æ ç è é, followed by
// continuation bytes read as C1 controls, Latin-1 symbols or cp1252 punctuation (“ € ‚ …).
const MOJIBAKE = /[ÃÂ][\u0080-\u00bf]|[äåæçèé][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2}|â€/g
const CJK = /[\u3400-\u9fff]/g

/** Heuristic: a text full of `Ã©`/`â€œ`/`æµ“` and without Chinese characters was double-encoded. */
export function looksLikeMojibake(text: string): boolean {
  const hits = text.match(MOJIBAKE)?.length ?? 0
  if (hits < 3) return false
  const cjk = text.match(CJK)?.length ?? 0
  return hits > cjk * 2
}

/**
 * Where a trailing incomplete UTF-8 sequence starts (the file length when the end is complete):
 * at most 3 continuation bytes after a lead byte that needs more than are left.
 */
export function utf8CutAt(b: Uint8Array): number {
  const n = b.length
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const c = b[i]
    if ((c & 0xc0) === 0x80) continue
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1
    return n - i < need ? i : n
  }
  return n
}

/**
 * UTF-16 saved without a BOM: text of a CSV header is mostly ASCII, so every other byte of the
 * first few hundred is NUL. Returns the decoder label, or null.
 */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 512) & ~1
  if (n < 8) return null
  let evenNul = 0, oddNul = 0
  for (let i = 0; i < n; i += 2) { if (b[i] === 0) evenNul++; if (b[i + 1] === 0) oddNul++ }
  const pairs = n / 2
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf-16le'
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf-16be'
  return null
}

/**
 * Detect the encoding: UTF-8 BOM → UTF-16 BOM → UTF-16 without BOM (NUL pattern) → pure ASCII (bytes passed through) → valid UTF-8
 * (or UTF-8 with a few bad bytes, e.g. a truncated last character: repaired with a warning) → GB18030 (what Excel on Chinese Windows writes; a superset of GBK).
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const previewBytes = opts.previewBytes ?? 64 * 1024
  let encoding: Encoding
  let utf8: Uint8Array
  let noBom: 'utf-16le' | 'utf-16be' | null
  const name = opts.path ?? '该文件'
  let repaired: string | null = null
  /** Mostly UTF-8 with a few bad bytes: repair them (U+FFFD) and say where, rather than misread the whole file. */
  const repair = (b: Uint8Array, first: number): Uint8Array | null => {
    const cut = utf8CutAt(b)
    const tailOnly = cut < b.length && isValidUtf8(b.subarray(0, cut), first)
    const census = tailOnly ? null : utf8Census(b, first)
    if (census && (census.invalid === 0 || census.valid < 8 * census.invalid)) return null
    repaired = census === null
      ? `文件 ${name} 的最后一个字符不完整（文件可能被截断），已替换为“\ufffd”；请检查文件是否完整`
      : `文件 ${name} 第 ${lineAt(b, census.firstInvalid)} 行起有 ${census.invalid} 个字节不是有效的 UTF-8 编码，已替换为“\ufffd”，其余内容按 UTF-8 读取；请检查这些单元格`
    return transcode(b, 'utf-8')
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom'
    utf8 = bytes.subarray(3)
    const first = firstNonAscii(utf8)
    if (first >= 0 && !isValidUtf8(utf8, first)) utf8 = repair(utf8, first) ?? transcode(utf8, 'utf-8') // repair with U+FFFD
  } else if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    encoding = 'utf-16'
    // TextDecoder strips the BOM itself.
    utf8 = transcode(bytes, bytes[0] === 0xff ? 'utf-16le' : 'utf-16be')
  } else if ((noBom = utf16WithoutBom(bytes)) !== null) {
    encoding = 'utf-16'
    utf8 = transcode(bytes, noBom)
  } else {
    const first = firstNonAscii(bytes)
    let fixed: Uint8Array | null = null
    if (first < 0) { encoding = 'ascii'; utf8 = bytes }
    else if (isValidUtf8(bytes, first)) { encoding = 'utf-8'; utf8 = bytes }
    // A file cut inside its last character, or UTF-8 with a stray byte, is still UTF-8: the bad
    // bytes become U+FFFD (with a warning) instead of the whole file being misread as GB18030.
    else if ((fixed = repair(bytes, first)) !== null) { encoding = 'utf-8'; utf8 = fixed }
    else { encoding = 'gb18030'; utf8 = transcode(bytes, 'gb18030') }
  }
  const preview = utf8Text(utf8.subarray(0, previewBytes))
  let mojibake: string | null = null
  if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && looksLikeMojibake(preview)) {
    mojibake = `文件 ${name} 的文字像是乱码（如“Ã©”“â€œ”“æµ”），可能在保存时被按 Latin-1 重复转码；请用 Excel 或 WPS 重新另存为 UTF-8 或 GBK 编码的 CSV 后再加载`
  }
  let text: string | undefined
  return {
    encoding, utf8, preview, mojibake, repaired,
    get text() {
      text ??= utf8Text(utf8)
      return text
    },
  }
}
