/**
 * A database file's header read before ATTACH (src/db/published-file.ts): a summariser file whose header counts free
 * blocks that the last checkpoint cut off the end is valid (a province file written after the two-phase load was
 * refused as "文件不完整"), a file ending inside a block is cut short.
 */
import { describe, expect, test } from 'vitest'
import { HEADER_BYTES, inspectHeader } from '../../../src/db/published-file'

const BLOCK = 262144
function header(blocks: number, storage = 67n): Uint8Array {
  const b = new Uint8Array(HEADER_BYTES)
  const v = new DataView(b.buffer)
  b.set([68, 85, 67, 75], 8) // DUCK
  v.setBigUint64(12, storage, true)
  b.set(new TextEncoder().encode('v1.4.3'), 52)
  for (const [at, iteration] of [[4096, 7n], [8192, 6n]] as const) {
    v.setBigUint64(at + 8, iteration, true)
    v.setBigUint64(at + 32, BigInt(blocks), true)
    v.setBigUint64(at + 40, BigInt(BLOCK), true)
  }
  return b
}

describe('inspectHeader', () => {
  test('a file of whole blocks shorter than the header\'s count (free blocks cut off) is not refused', () => {
    expect(inspectHeader(header(42), HEADER_BYTES + 40 * BLOCK)).toMatchObject({ problem: null, writer: 'v1.4.3', storage: 67 })
  })
  test('a file ending inside a block, short of the header\'s count, is cut short: the summariser\'s format and DuckDB\'s default', () => {
    for (const storage of [67n, 64n]) {
      const f = inspectHeader(header(42, storage), HEADER_BYTES + 20 * BLOCK + 1234)
      expect(f).toMatchObject({ problem: 'truncated', needed: HEADER_BYTES + 42 * BLOCK })
    }
  })
  test('a complete file is not refused', () => {
    expect(inspectHeader(header(42), HEADER_BYTES + 42 * BLOCK).problem).toBeNull()
  })
})
