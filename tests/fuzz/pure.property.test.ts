/**
 * Fast properties of the pure ingest layer (no database): thousands of cases, fixed seeds.
 * decode · sniff · recognise · line counting through prepareFile/ingestFiles, and parseCell.
 */
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { parseCell } from '../../src/domain'
import { decodeBytes, ingestFiles, prepareFile } from '../../src/ingest'
import { bundleArb, bundleFiles, encode, reportLines, appLines, type Enc } from './model'

const SEED = Number(process.env.FUZZ_SEED ?? 20261127) // fixed for CI; override to explore
const runs = (numRuns: number) => ({ seed: SEED, numRuns })
/** The encoding ingest must report: pure-ASCII text saved as UTF-8 or GB18030 is plain ASCII. */
const encodingSeen = (enc: Enc, text: string): string =>
  enc === 'utf-16le' ? 'utf-16' : (enc === 'utf-8' || enc === 'gb18030') && !/[^\x00-\x7f]/.test(text) ? 'ascii' : enc

describe('ingest properties', () => {
  it('any valid bundle is recognised exactly: kind, records, delimiter, encoding, every cell text', async () => {
    await fc.assert(fc.asyncProperty(bundleArb(), async (b) => {
      const res = await ingestFiles(bundleFiles(b))
      expect(res.findings).toEqual([])
      expect(res.tables.map((t) => t.kind)).toEqual(['reports', 'applications'])
      const sources = [reportLines(b), appLines(b)]
      const styles = [b.styles.reports, b.styles.apps]
      res.tables.forEach((t, i) => {
        const st = styles[i]
        expect(t.records).toBe(sources[i].length - 1)
        expect(t.delimiter).toBe(st.delim)
        expect(t.encoding).toBe(encodingSeen(st.enc, sources[i].join('')))
        expect(t.columns.every((c) => c !== null)).toBe(true)
        const text = new TextDecoder().decode(t.utf8)
        expect(text).toBe(sources[i].join(st.eol) + st.eol)
        const parsed = Papa.parse<string[]>(text, { delimiter: st.delim, skipEmptyLines: true }).data
        const want = sources[i].map((l) => Papa.parse<string[]>(l, { delimiter: st.delim }).data[0])
        expect(parsed).toEqual(want)
      })
    }), runs(1000))
  }, 300_000)

  it('prepareFile never throws on arbitrary bytes, and any table it returns has consistent counts', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('a.csv', 'b.tsv', 'c.txt'), (bytes, path) => {
      const r = prepareFile({ path, bytes })
      for (const f of r.findings) expect(f.message).toContain(path)
      if (r.table) {
        expect(r.table.records).toBeGreaterThan(0)
        expect(r.table.columns.length).toBe(r.table.headers.length)
      }
    }), runs(3000))
  }, 300_000)

  it('prepareFile never throws on CSV-like text made of structural and hostile characters', () => {
    const ch = fc.constantFrom('unit_code', 'year', 'unit_name', '单位代码', '年度', ',', ';', '\t', '"', '\n', '\r\n', '\r', '1', '2023', '浓桥镇', ' ', '\u202e', '\ufeff', '', '行政复议', '-')
    fc.assert(fc.property(fc.array(ch, { maxLength: 200 }), fc.constantFrom<Enc>('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'), (parts, enc) => {
      const r = prepareFile({ path: 'x.csv', bytes: encode(parts.join(''), enc) })
      if (r.table) expect(r.table.recordLines === null || r.table.recordLines.length === r.table.records).toBe(true)
    }), runs(2000))
  }, 300_000)

  it('decoding returns the exact text for every encoding a supervisor may save in', () => {
    const body = fc.array(fc.constantFrom('浓', '桥', '镇', '𪚥', '“', '”', '·', 'a', '1', ',', '\n', '"', 'é', '€', '—', '０', ' '), { maxLength: 300 }).map((cs) => cs.join(''))
    fc.assert(fc.property(body, fc.constantFrom<Enc>('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'), (s, enc) => {
      const text = `单位代码,单位名称,年度\n${s}`
      const d = decodeBytes(encode(text, enc))
      expect(d.text).toBe(text)
      expect(d.encoding).toBe(encodingSeen(enc, text))
    }), runs(2000))
  }, 300_000)
})

describe('parseCell properties', () => {
  it('never throws and always says what the cell is', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
      const c = parseCell(s)
      expect(['number', 'zero_word', 'blank', 'na', 'text']).toContain(c.kind)
      expect(c.value === null).toBe(c.kind !== 'number' && c.kind !== 'zero_word')
      if (c.value !== null) expect(Number.isFinite(c.value)).toBe(true)
    }), runs(3000))
  })

  it('a whole number written plainly, with separators, full-width or with a unit reads back as itself', () => {
    const fw = (s: string): string => s.replace(/[0-9,]/g, (c) => (c === ',' ? '，' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
    const styles = ['plain', 'thousands', 'fullwidth', 'unit', 'spaces'] as const
    fc.assert(fc.property(fc.nat({ max: 1e12 }), fc.constantFrom(...styles), fc.constantFrom('条', '件', '个', '项'), (n, style, unit) => {
      const plain = String(n)
      const text = { plain, thousands: n.toLocaleString('en-US'), fullwidth: fw(plain), unit: `${plain}${unit}`, spaces: ` \u3000${plain}\u200b ` }[style]
      const c = parseCell(text)
      expect(c).toMatchObject({ kind: 'number', value: n })
      expect(c.tolerated).toBe(text !== plain && !(style === 'thousands' && n < 1000) && style !== 'spaces')
    }), runs(3000))
  })

  it('not-applicable tokens in any case and padding are n.a., never a number or zero', () => {
    fc.assert(fc.property(fc.constantFrom('/', '／', '—', '-', '－', '不适用', 'N/A', 'n/a', 'NA', '#N/A'), fc.constantFrom('', ' ', '\t', '\u3000'), (t, pad) => {
      expect(parseCell(pad + t + pad)).toEqual({ kind: 'na', value: null, tolerated: false })
    }), runs(500))
  })
})
