/**
 * A database file picked from the user's disk, looked at before DuckDB is asked to attach it: its first 12 KB (the
 * three header blocks of a DuckDB file) tell an empty file, a file that is not DuckDB's (renamed to .duckdb), a file
 * cut short (the header's block count × block size is more than the file holds) and the DuckDB version that wrote it.
 * DuckDB's own errors for these ("not a valid DuckDB database file", a checksum or vector-size error deep inside)
 * say nothing a supervisor can act on; this says which file and what is wrong. Pure: bytes in, facts out.
 *
 * Layout (DuckDB 1.4 storage, checked against summariser files of both formats): main header at 0 — checksum (8), magic "DUCK"
 * at 8, storage version number (u64) at 12, the writer's library version string at 52; two database headers at
 * 4096 and 8192 — checksum (8), iteration, meta block, free list, block count, block alloc size, vector size,
 * serialization version (u64 each). A file of a newer storage format is left to ATTACH, which refuses it
 * ("written with a storage version greater than …"); src/db/attach.ts says so with the writer read here.
 */

/** Bytes of the three header blocks: what `inspectHeader` needs to see. */
export const HEADER_BYTES = 12288

export interface HeaderFacts {
  problem: 'empty' | 'notDuckdb' | 'truncated' | null
  /** The DuckDB version that wrote the file ("v1.4.3"), when the header says it. */
  writer?: string
  /** The storage format number (64 for DuckDB 0.10–1.4). */
  storage?: number
  /** Bytes the header's blocks need (a truncated file holds fewer). */
  needed?: number
}

/**
 * The storage formats whose header layout is read below: 64, DuckDB 0.10–1.4's default, and 67, what DuckDB 1.4
 * writes for a newer STORAGE_VERSION (the summariser's v1.4.0, src/db/publish.ts; same header layout). Another is
 * left to ATTACH to judge.
 */
const KNOWN_STORAGE = new Set([64, 67])

const u64 = (v: DataView, at: number): number => Number(v.getBigUint64(at, true))

/** What the first bytes of a file (`head`, up to HEADER_BYTES) and its size say about it. */
export function inspectHeader(head: Uint8Array, size: number): HeaderFacts {
  if (size === 0) return { problem: 'empty' }
  if (head.length < 16 || String.fromCharCode(...head.subarray(8, 12)) !== 'DUCK') return { problem: 'notDuckdb' }
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength)
  const storage = u64(v, 12)
  const raw = head.subarray(52, 84)
  const end = raw.indexOf(0)
  const writer = new TextDecoder().decode(end < 0 ? raw : raw.subarray(0, end)) || undefined
  if (!KNOWN_STORAGE.has(storage)) return { problem: null, writer, storage }
  if (size < HEADER_BYTES || head.length < HEADER_BYTES) return { problem: 'truncated', writer, storage, needed: HEADER_BYTES }
  // the newer of the two database headers (higher iteration) is the one in force
  const [a, b] = [4096, 8192].map((at) => ({ iteration: u64(v, at + 8), blocks: u64(v, at + 32), blockSize: u64(v, at + 40) }))
  const h = a.iteration >= b.iteration ? a : b
  const needed = HEADER_BYTES + h.blocks * h.blockSize
  // The block count includes free blocks that a checkpoint may cut off the end of the file, so a valid file can be
  // shorter than it says; but DuckDB writes whole blocks, so a file that also ends inside a block was cut short.
  const partBlock = h.blockSize > 0 && (size - HEADER_BYTES) % h.blockSize !== 0
  return { problem: size < needed && partBlock ? 'truncated' : null, writer, storage, needed }
}
