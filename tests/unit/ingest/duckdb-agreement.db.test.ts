/**
 * The contract between ingest and src/db/load.ts: DuckDB's read_csv, given `skip = skipRows`,
 * reads exactly `records` rows, and the record index ↔ source line mapping holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { registeredPath } from '../../../src/db/engine'
import type { Db } from '../../../src/db/types'
import { scanLines } from '../../../src/ingest/lines'

let db: Db
beforeAll(async () => { db = await freshDb() }, 60_000)
afterAll(async () => { await db?.close() })

const cases: [string, string, number][] = [
  ['plain LF', 'a,b\n1,2\n3,4\n', 1],
  ['CRLF, no final newline', 'a,b\r\n1,2\r\n3,4', 1],
  ['lone CR', 'a,b\r1,2\r3,4\r', 1],
  ['quoted newline in data', 'a,b\n1,"x\ny"\n3,"p\r\nq"\n5,6\n', 1],
  ['blank lines in data', 'a,b\n1,2\n\n3,4\n\n', 1],
  ['blank lines before header', '\n\na,b\n1,2\n', 1],
  ['header cell with a newline', '"商业\n企业",b\n1,2\n3,4\n', 1],
  ['two-row header', 'g,\n,x\n1,2\n', 2],
  ['escaped quotes', 'a,b\n"say ""hi""",2\n3,4\n', 1],
]

describe('scanLines agrees with DuckDB read_csv', () => {
  cases.forEach(([name, text, headerRecords], k) => {
    it(name, async () => {
      const bytes = new TextEncoder().encode(text)
      const s = scanLines(bytes, { headerRecords })
      const file = registeredPath(`agree_${k}.csv`)
      await db.registerFile(file, bytes)
      const rows = await db.query<{ c0: string | null; c1: string | null }>(`SELECT * FROM read_csv('${file}', header=false, skip=${s.skipRows},
        columns={'c0':'VARCHAR','c1':'VARCHAR'}, auto_detect=false, quote='"', escape='"', delim=',')`)
      expect(rows.length).toBe(s.records)
      // Each record's first field sits on the line ingest says it does.
      const lines = text.split(/\r\n|\n|\r/)
      rows.forEach((row, i) => {
        const line = s.recordLines ? s.recordLines[i] : i + 1 + s.headerLines
        expect(lines[line - 1]).toContain((row.c0 ?? '').split(/["\r\n]/)[0])
      })
    })
  })
})
