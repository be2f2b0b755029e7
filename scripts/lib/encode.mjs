// Text → bytes in the encodings supervisors' files come in: UTF-8 (optionally with BOM) and
// GB18030 (what Excel on Chinese Windows writes). iconv-lite because Node has no GB18030 encoder.
import iconv from 'iconv-lite'

/** @param {string} text @param {'utf8'|'utf8-bom'|'gb18030'} encoding */
export function encodeText(text, encoding) {
  if (encoding === 'gb18030') return new Uint8Array(iconv.encode(text, 'gb18030'))
  const body = new TextEncoder().encode(text)
  if (encoding !== 'utf8-bom') return body
  const out = new Uint8Array(body.length + 3)
  out.set([0xef, 0xbb, 0xbf])
  out.set(body, 3)
  return out
}

/** Decode bytes written by encodeText (tests read back what they wrote). */
export function decodeText(bytes, encoding) {
  if (encoding === 'gb18030') return iconv.decode(Buffer.from(bytes), 'gb18030')
  return new TextDecoder('utf-8').decode(bytes)
}

export function encodeFiles(files, encoding) {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, encodeText(text, encoding)]))
}
