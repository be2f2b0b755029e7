/**
 * Hostile database files for the open-from-disk path (issue 20), made from a good summariser file: each must be
 * refused with its own located message and leave the data shown before as it was.
 * - `newer`: the good file whose main header says storage version number 67 and writer "v1.5.0" and whose database
 *   headers say serialization version 99 (DuckDB 1.4 refuses only the two together; measured), the headers' checksums recomputed (DuckDB's own: 5381 xor the 64-bit products of every word), so
 *   DuckDB reads the headers and refuses the version ("written with a storage version greater than …"), as it does a
 *   file written in a newer storage format;
 * - `notSummary`: a real DuckDB file without the summariser's tables (written by the native engine).
 */
import { readFileSync } from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'

const MASK = (1n << 64n) - 1n

function checksum(b: Uint8Array, from: number, to: number): bigint {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  let r = 5381n
  for (let i = from; i + 8 <= to; i += 8) r ^= (v.getBigUint64(i, true) * 0xbf58476d1ce4e5b9n) & MASK
  return r
}

/** The good file's bytes with a newer storage version (module comment). */
function newerVersion(good: Uint8Array): Uint8Array {
  const b = new Uint8Array(good)
  const v = new DataView(b.buffer)
  v.setBigUint64(12, 67n, true)
  b.set(new TextEncoder().encode('v1.5.0'), 52)
  v.setBigUint64(0, checksum(b, 8, 4096), true)
  for (const at of [4096, 8192]) {
    v.setBigUint64(at + 56, 99n, true) // serialization compatibility, after iteration … vector size
    v.setBigUint64(at, checksum(b, at + 8, at + 4096), true)
  }
  return b
}

/** Hostile files by name (name → bytes); `notSummaryPath` is a DuckDB file written at that path. */
export async function hostileDatabases(good: Uint8Array, notSummaryPath: string): Promise<Record<string, Uint8Array>> {
  const inst = await DuckDBInstance.create(notSummaryPath)
  const c = await inst.connect()
  await c.run("CREATE TABLE people (name VARCHAR); INSERT INTO people VALUES ('张三')")
  c.closeSync()
  inst.closeSync()
  return {
    empty: new Uint8Array(0),
    text: new TextEncoder().encode('unit_code,unit_name,year\n110000000000,北京市,2023\n'),
    truncated: good.subarray(0, Math.floor(good.length / 2)),
    newer: newerVersion(good),
    notSummary: new Uint8Array(readFileSync(notSummaryPath)),
  }
}
