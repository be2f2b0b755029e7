import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import fc from 'fast-check'
import { decodeBytes, firstNonAscii, isValidUtf8, looksLikeMojibake } from '../../../src/ingest/decode'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const text = (b: Uint8Array): string => new TextDecoder().decode(b)
const CSV = 'unit_code,unit_name,year\n230883103000,浓桥镇,2023\n'

describe('decodeBytes', () => {
  it('passes pure ASCII through untouched (same buffer, no copy)', () => {
    const bytes = utf8('unit_code,year\n001,2023\n')
    const d = decodeBytes(bytes)
    expect(d.encoding).toBe('ascii')
    expect(d.utf8).toBe(bytes)
    expect(d.text).toBe('unit_code,year\n001,2023\n')
  })

  it('keeps valid UTF-8 as is', () => {
    const bytes = utf8(CSV)
    const d = decodeBytes(bytes)
    expect(d.encoding).toBe('utf-8')
    expect(d.utf8).toBe(bytes)
    expect(d.preview).toBe(CSV)
  })

  it('drops a UTF-8 BOM without copying', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV)])
    const d = decodeBytes(bytes)
    expect(d.encoding).toBe('utf-8-bom')
    expect(d.utf8[0]).toBe(0x75) // 'u'
    expect(d.utf8.buffer).toBe(bytes.buffer)
    expect(d.text).toBe(CSV)
  })

  it('reads GB18030/GBK (what Excel on Chinese Windows writes) and re-encodes to UTF-8', () => {
    const bytes = new Uint8Array(iconv.encode(CSV, 'gb18030'))
    expect(bytes.length).toBeLessThan(utf8(CSV).length) // really GBK bytes, 2 per character
    const d = decodeBytes(bytes)
    expect(d.encoding).toBe('gb18030')
    expect(text(d.utf8)).toBe(CSV)
    expect(d.text).toBe(CSV)
  })

  it('decodes GB18030 correctly across internal chunk boundaries (> 16 MB)', () => {
    const line = '230883103000,浓桥镇,抚远市,乡镇,2023\n'
    const big = line.repeat(Math.ceil((17 * 1024 * 1024) / 40))
    const d = decodeBytes(new Uint8Array(iconv.encode(big, 'gbk')))
    expect(d.encoding).toBe('gb18030')
    const out = text(d.utf8)
    expect(out.length).toBe(big.length)
    expect(out).toBe(big)
  })

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = new Uint8Array(iconv.encode(CSV, 'utf16le', { addBOM: true }))
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(CSV, 'utf16-be')])
    for (const bytes of [le, be]) {
      const d = decodeBytes(bytes)
      expect(d.encoding).toBe('utf-16')
      expect(text(d.utf8)).toBe(CSV)
    }
  })

  it('warns in Chinese, naming the file, when UTF-8 text is Latin-1 mojibake', () => {
    const garbled = Buffer.from(utf8('单位代码,单位名称\n1,浓桥镇\n2,抚远市\n')).toString('latin1')
    const d = decodeBytes(utf8(garbled), { path: 'bundle/reports.csv' })
    expect(d.encoding).toBe('utf-8')
    expect(d.mojibake).toContain('bundle/reports.csv')
    expect(d.mojibake).toContain('乱码')
    expect(decodeBytes(utf8(CSV), { path: 'x.csv' }).mojibake).toBeNull()
  })
})

describe('helpers', () => {
  it('isValidUtf8 agrees with a fatal TextDecoder on arbitrary bytes', () => {
    const fatal = (b: Uint8Array): boolean => { try { new TextDecoder('utf-8', { fatal: true }).decode(b); return true } catch { return false } }
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x80, max: 0xbf }), fc.constantFrom(0xc0, 0xc1, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5))
    fc.assert(fc.property(fc.array(byte, { maxLength: 12 }), (xs) => {
      const b = new Uint8Array(xs)
      expect(isValidUtf8(b)).toBe(fatal(b))
    }), { numRuns: 5000 })
    for (const s of ['浓桥镇', '𠀀 emoji 😀', 'é', 'ascii']) expect(isValidUtf8(utf8(s))).toBe(true)
  })

  it('firstNonAscii finds the first high byte at any alignment', () => {
    const buf = new Uint8Array(300).fill(0x61)
    buf[257] = 0xe4
    for (const off of [0, 1, 2, 3]) expect(firstNonAscii(buf.subarray(off))).toBe(257 - off)
    expect(firstNonAscii(new Uint8Array(100).fill(0x30))).toBe(-1)
  })
  it('looksLikeMojibake needs several hits and no real Chinese', () => {
    expect(looksLikeMojibake('Ã© once')).toBe(false)
    expect(looksLikeMojibake('浓桥镇 浓桥镇 浓桥镇 é')).toBe(false)
    expect(looksLikeMojibake('â€œaâ€ bÃ© cÃ¨')).toBe(true)
  })
})
