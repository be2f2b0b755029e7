/**
 * `.zip` expansion with fflate. The central directory is read first so that a zip bomb is refused
 * from its declared sizes BEFORE anything is inflated; each entry is then inflated on its own so
 * one damaged entry does not lose the others.
 */
import { inflateSync } from 'fflate'
import { LIMITS } from './limits'
import type { SourceFile } from './types'

export interface ZipLimits {
  /** Max number of entries (folders not counted), read from the central directory (default LIMITS.zipEntries). */
  maxEntries?: number
  /** Max total declared uncompressed size of the entries to extract (default LIMITS.expandedBytes, 512 MB). */
  maxTotalBytes?: number
  /** Max declared size of one entry (default 1 GB, as for a single file). */
  maxEntryBytes?: number
  /** Max ratio total uncompressed ÷ zip size … (default 200) */
  maxRatio?: number
  /** … checked only when the total exceeds this (default 100 MB): small zips of zeros are fine. */
  ratioMinBytes?: number
}

/** What the same load already took (zips inside zips, other files): counted against maxEntries and maxTotalBytes. */
export interface ZipUsed { entries: number; bytes: number }

export interface Expanded {
  files: SourceFile[]
  skipped: { path: string; reason: string }[]
  /** Problems that lost data (damaged archive or entry, refused bomb), Chinese messages. */
  errors: { path: string; message: string }[]
}

export interface Entry { name: string; flags: number; method: number; csize: number; usize: number; offset: number }

const GB = 1024 ** 3
const MB = 1024 ** 2
const DEFAULT_ZIP_LIMITS: Required<ZipLimits> = {
  maxEntries: LIMITS.zipEntries, maxTotalBytes: LIMITS.expandedBytes, maxEntryBytes: GB, maxRatio: 200, ratioMinBytes: 100 * MB,
}

export function formatBytes(n: number): string {
  if (n >= GB) return `${(n / GB).toFixed(1)} GB`
  if (n >= MB) return `${(n / MB).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${n} 字节`
}

const u16 = (d: Uint8Array, p: number): number => d[p] | (d[p + 1] << 8)
const u32 = (d: Uint8Array, p: number): number => (d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24)) >>> 0
const u64 = (d: Uint8Array, p: number): number => u32(d, p) + u32(d, p + 4) * 2 ** 32

class ZipError extends Error {}

/** Entry names: UTF-8 when flagged (or valid), otherwise GBK as zipped by Chinese Windows. */
function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes)
  try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes) } catch { return new TextDecoder('gb18030').decode(bytes) }
}

/** Read the central directory (ZIP64 aware). Throws ZipError on a damaged archive. */
export function readCentralDirectory(d: Uint8Array): Entry[] {
  let e = d.length - 22
  while (e >= 0 && u32(d, e) !== 0x06054b50) {
    if (d.length - e > 65557) throw new ZipError('找不到 zip 目录')
    e--
  }
  if (e < 0) throw new ZipError('找不到 zip 目录')
  let count = u16(d, e + 10)
  let cdOffset = u32(d, e + 16)
  if (e >= 20 && u32(d, e - 20) === 0x07064b50) {
    const z = u64(d, e - 12)
    if (z + 56 <= d.length && u32(d, z) === 0x06064b50) { count = u64(d, z + 32); cdOffset = u64(d, z + 48) }
  }
  const entries: Entry[] = []
  let p = cdOffset
  // The 16-bit count wraps above 65,535 entries when no ZIP64 record is written: read on to the directory's end.
  const cdEnd = cdOffset + u32(d, e + 12)
  for (let i = 0; i < count || (p < cdEnd && p + 46 <= d.length && u32(d, p) === 0x02014b50); i++) {
    if (p + 46 > d.length || u32(d, p) !== 0x02014b50) throw new ZipError('zip 目录已损坏')
    const flags = u16(d, p + 8)
    const nameLen = u16(d, p + 28), extraLen = u16(d, p + 30), commentLen = u16(d, p + 32)
    let csize = u32(d, p + 20), usize = u32(d, p + 24), offset = u32(d, p + 42)
    // ZIP64 extra field (id 1) holds, in order, those of usize/csize/offset that are 0xFFFFFFFF.
    for (let x = p + 46 + nameLen, end = x + extraLen; x + 4 <= end; x += 4 + u16(d, x + 2)) {
      if (u16(d, x) !== 1) continue
      let q = x + 4
      if (usize === 0xffffffff) { usize = u64(d, q); q += 8 }
      if (csize === 0xffffffff) { csize = u64(d, q); q += 8 }
      if (offset === 0xffffffff) offset = u64(d, q)
    }
    const name = decodeName(d.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0)
    entries.push({ name, flags, method: u16(d, p + 10), csize, usize, offset })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** Folders, macOS resource forks, hidden files and Office lock files are never tables. */
export function isJunkPath(path: string): boolean {
  return path.endsWith('/') || path.split('/').some((seg) => seg === '__MACOSX' || seg.startsWith('.') || seg.startsWith('~$') || /^(thumbs\.db|desktop\.ini)$/i.test(seg))
}

function inflateEntry(d: Uint8Array, en: Entry): Uint8Array {
  const h = en.offset
  if (h + 30 > d.length || u32(d, h) !== 0x04034b50) throw new ZipError('文件头已损坏')
  const start = h + 30 + u16(d, h + 26) + u16(d, h + 28)
  const data = d.subarray(start, start + en.csize)
  if (data.length < en.csize) throw new ZipError('数据不完整')
  if (en.method === 0) return data.slice()
  // The output buffer has the declared size and fflate does not grow it: a lying size cannot bomb.
  const out = inflateSync(data, { out: new Uint8Array(en.usize) })
  return out.length === en.usize ? out : out.slice(0, out.length)
}

/**
 * Expand a zip into its files, paths prefixed with the zip's path (`bundle.zip/2023/reports.csv`).
 * `wanted` says which entry names to extract (others are listed as skipped by the caller).
 */
export function expandZip(zip: SourceFile, wanted: (path: string) => string | null, limits: ZipLimits = {}, used: ZipUsed = { entries: 0, bytes: 0 }): Expanded {
  const lim = { ...DEFAULT_ZIP_LIMITS, ...limits }
  const out: Expanded = { files: [], skipped: [], errors: [] }
  let entries: Entry[]
  try {
    entries = readCentralDirectory(zip.bytes)
  } catch (err) {
    const why = err instanceof ZipError ? err.message : String(err)
    out.errors.push({ path: zip.path, message: `压缩包 ${zip.path} 已损坏或不是有效的 zip 文件（${why}），无法解压，其中的文件均未加载；请重新压缩或直接拖入文件夹` })
    return out
  }
  // Many small entries cost time, not memory: refused from the directory before anything is read.
  const files = entries.filter((en) => !en.name.endsWith('/')).length
  if (files + used.entries > lim.maxEntries) {
    const all = used.entries ? `（连同本次载入的其他文件共 ${(files + used.entries).toLocaleString('en-US')} 个）` : ''
    out.errors.push({ path: zip.path, message: `压缩包 ${zip.path} 内有 ${files.toLocaleString('en-US')} 个文件${all}，超过一次载入 ${lim.maxEntries.toLocaleString('en-US')} 个文件的上限，未解压；请把表格合并成较少的文件（例如每种表一个 CSV），或拆成几个压缩包分批载入` })
    return out
  }
  const take: Entry[] = []
  for (const en of entries) {
    const path = `${zip.path}/${en.name}`
    if (isJunkPath(en.name)) continue
    const reason = wanted(path)
    if (reason !== null) { out.skipped.push({ path, reason }); continue }
    if (en.flags & 1) { out.skipped.push({ path, reason: `文件 ${path} 已加密，无法读取；请解密后重新压缩` }); continue }
    if (en.method !== 0 && en.method !== 8) { out.skipped.push({ path, reason: `文件 ${path} 使用了不支持的压缩方式（${en.method}），请用普通 zip（Deflate）重新压缩` }); continue }
    if (en.usize > lim.maxEntryBytes) { out.skipped.push({ path, reason: `文件 ${path} 解压后有 ${formatBytes(en.usize)}，超过单个文件 ${formatBytes(lim.maxEntryBytes)} 的上限，未加载；请拆分后再加载` }); continue }
    take.push(en)
  }
  const total = take.reduce((s, en) => s + en.usize, used.bytes)
  const ratio = total / Math.max(1, zip.bytes.length)
  if (total > lim.maxTotalBytes || (total > lim.ratioMinBytes && ratio > lim.maxRatio)) {
    const all = used.bytes ? `（连同本次载入的其他文件）` : ''
    out.errors.push({ path: zip.path, message: `压缩包 ${zip.path} 声明解压后共 ${formatBytes(total)}${all}（压缩比 ${Math.round(ratio)}:1），超过上限（${formatBytes(lim.maxTotalBytes)}，压缩比 ${lim.maxRatio}:1），疑似“压缩炸弹”，未解压；请拆分成较小的压缩包或直接加载文件夹` })
    return out
  }
  for (const en of take) {
    const path = `${zip.path}/${en.name}`
    try {
      out.files.push({ path, bytes: inflateEntry(zip.bytes, en) })
    } catch (err) {
      const why = err instanceof ZipError ? err.message : '数据已损坏'
      out.errors.push({ path, message: `压缩包 ${zip.path} 中的文件 ${en.name} 无法解压（${why}），未加载；其他文件照常加载` })
    }
  }
  return out
}
