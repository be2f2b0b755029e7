/** Just enough PNG reading for tests: signature, IHDR size, and "is anything drawn". */
import { inflateSync } from 'node:zlib'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export interface PngInfo { width: number; height: number; bitDepth: number; colorType: number; distinctBytes: number }

export function readPng(buf: Buffer): PngInfo {
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG (bad signature)')
  // The first chunk must be IHDR: length(4) type(4) width(4) height(4) depth(1) colour type(1)…
  if (buf.toString('latin1', 12, 16) !== 'IHDR') throw new Error('first chunk is not IHDR')
  const width = buf.readUInt32BE(16)
  const height = buf.readUInt32BE(20)
  const idat: Buffer[] = []
  for (let off = 8; off < buf.length; ) {
    const len = buf.readUInt32BE(off)
    const type = buf.toString('latin1', off + 4, off + 8)
    if (type === 'IDAT') idat.push(buf.subarray(off + 8, off + 8 + len))
    if (type === 'IEND') break
    off += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  // A blank (single-colour) image inflates to a handful of distinct byte values.
  const seen = new Set<number>()
  for (let i = 0; i < raw.length && seen.size < 256; i += 7) seen.add(raw[i])
  return { width, height, bitDepth: buf[24], colorType: buf[25], distinctBytes: seen.size }
}
