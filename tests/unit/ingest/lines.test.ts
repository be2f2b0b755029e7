import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import Papa from 'papaparse'
import { scanLines } from '../../../src/ingest/lines'

const b = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('scanLines', () => {
  it('counts records of a plain file (LF and CRLF) and needs no line map', () => {
    for (const nl of ['\n', '\r\n']) {
      const s = scanLines(b(['a,b', '1,2', '3,4', ''].join(nl)), { expectedFields: 2 })
      expect(s).toMatchObject({ records: 2, headerLines: 1, recordLines: null, badRowCount: 0, unclosedQuoteLine: null })
    }
    expect(scanLines(b('a,b\n1,2')).records).toBe(1) // no final newline
  })

  it('maps records to source lines when a quoted field holds a newline', () => {
    const csv = 'unit_name,note\n浓桥镇,"第一行\n第二行"\n抚远市,"a ""quoted"" word"\r\n"多\r\n行","x"\n末行,y\n'
    const s = scanLines(b(csv), { expectedFields: 2 })
    expect(s.records).toBe(4)
    expect(Array.from(s.recordLines!)).toEqual([2, 4, 5, 7])
  })

  it('treats a lone CR (old Mac line end) as a line break, inside and outside quotes', () => {
    const s = scanLines(b('a,b\r1,"x\ry"\r2,3\r'), { expectedFields: 2 })
    expect(s.records).toBe(2)
    expect(Array.from(s.recordLines!)).toEqual([2, 4])
  })

  it('skips blank lines (not records) and maps the records after them', () => {
    const s = scanLines(b('a,b\n1,2\n\n3,4\n\n'))
    expect(s.records).toBe(2)
    expect(Array.from(s.recordLines!)).toEqual([2, 4])
  })

  it('counts the physical lines of a header whose cell holds a newline, and of two-row headers', () => {
    const s = scanLines(b('"商业\n企业",b\n1,2\n'))
    // Data starts on line 3, but DuckDB's skip counts the quoted two-line header as one row.
    expect(s).toMatchObject({ headerLines: 2, skipRows: 1, records: 1, recordLines: null })
    expect(scanLines(b('\n\na,b\n1,2\n'))).toMatchObject({ headerLines: 3, skipRows: 3, records: 1 })
    const two = scanLines(b('g,,\n,x,y\n1,2,3\n'), { headerRecords: 2 })
    expect(two).toMatchObject({ headerLines: 2, skipRows: 2, records: 1 })
  })

  it('reports records with the wrong number of fields by line, and an unclosed quote', () => {
    const s = scanLines(b('a,b,c\n1,2,3\n1,2\n1,2,3,4\n'), { expectedFields: 3 })
    expect(s.badRows).toEqual([{ line: 3, fields: 2 }, { line: 4, fields: 4 }])
    expect(scanLines(b('a,b\n1,"open\n2,3\n')).unclosedQuoteLine).toBe(2)
  })

  it('uses the given delimiter; a quote inside an unquoted field is literal', () => {
    const s = scanLines(b('a;b\n1,5;2\n3"x;4\n'), { delimiter: ';', expectedFields: 2 })
    expect(s).toMatchObject({ records: 2, badRowCount: 0 })
  })

  it('agrees with PapaParse on record count for arbitrary CSV', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9浓桥 ]{0,4}$/),
      fc.stringMatching(/^[a-z,\n\r" 镇]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    )
    const record = fc.array(field, { minLength: 2, maxLength: 4 }).map((fs) => fs.join(','))
    fc.assert(fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (recs, nl) => {
      const text = ['h1,h2', ...recs].join(nl) + nl
      const papa = Papa.parse<string[]>(text, { delimiter: ',', newline: nl as '\n' | '\r\n', skipEmptyLines: true })
      const ours = scanLines(b(text))
      expect(ours.records).toBe(papa.data.length - 1)
    }), { numRuns: 300 })
  })
})
