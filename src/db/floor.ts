/**
 * The benchmark floor: DuckDB's bare read_csv of CSV files into tables (all VARCHAR, explicit
 * columns, no checks). `npm run bench` compares the app's full load against this in the same browser.
 */
import { registeredPath } from './engine'
import { lit, q } from './schema'
import type { Db } from './types'

export interface FloorFile { name: string; bytes: Uint8Array }

/** Milliseconds to register and read every file into a table of its own. */
export async function readCsvFloor(db: Db, files: FloorFile[]): Promise<number> {
  const t0 = performance.now()
  for (const [i, f] of files.entries()) {
    const header = new TextDecoder().decode(f.bytes.subarray(0, 4096)).split(/\r?\n/)[0].replace(/^\ufeff/, '')
    const cols = header.split(',').map((h, j) => `${lit(`c${j}_${h}`)}: 'VARCHAR'`).join(', ')
    const name = registeredPath(`floor_${i}.csv`)
    await db.registerFile(name, f.bytes)
    await db.exec(`CREATE OR REPLACE TABLE ${q(`floor_${i}`)} AS SELECT * FROM read_csv(${lit(name)}, delim=',', header=true,
      columns={${cols}}, auto_detect=false, quote='"', escape='"')`)
  }
  return performance.now() - t0
}
