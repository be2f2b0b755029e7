/** Encoding edge cases found while building the hostile corpus (fixed in src/ingest/decode.ts). */
import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { decodeBytes } from '../../src/ingest'
import { utf8CutAt } from '../../src/ingest/decode'

const u8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const CSV = 'unit_code,unit_name,year\n1,浓桥镇,2023\n2,𪚥寒葱沟镇,2023\n'

describe('decode edge cases', () => {
  it('a UTF-8 file cut inside its last character is still UTF-8 (was: whole file read as GB18030)', () => {
    const full = u8(CSV + '3,抓')
    for (const cut of [1, 2]) {
      const d = decodeBytes(full.subarray(0, full.length - cut))
      expect(d.encoding).toBe('utf-8')
      expect(d.text).toBe(CSV + '3,\ufffd')
    }
    const four = u8(CSV + '4,𪚥') // a 4-byte character cut after 1, 2 or 3 bytes
    for (const cut of [1, 2, 3]) expect(decodeBytes(four.subarray(0, four.length - cut)).text).toBe(CSV + '4,\ufffd')
  })

  it('utf8CutAt finds only a truncated tail, never a complete one', () => {
    expect(utf8CutAt(u8('abc'))).toBe(3)
    expect(utf8CutAt(u8('镇'))).toBe(3)
    expect(utf8CutAt(u8('镇').subarray(0, 2))).toBe(0)
    expect(utf8CutAt(u8('a𪚥').subarray(0, 4))).toBe(1)
    expect(utf8CutAt(new Uint8Array(0))).toBe(0)
  })

  it('UTF-8 with a stray byte stays UTF-8 with the byte replaced and a located warning (was: whole file read as GB18030)', () => {
    const b = u8(CSV)
    const at = b.indexOf(0x0a) + 3 // inside line 2
    const bad = new Uint8Array([...b.subarray(0, at), 0xa0, ...b.subarray(at)])
    const d = decodeBytes(bad, { path: 'r.csv' })
    expect(d.encoding).toBe('utf-8')
    expect(d.text).toBe(CSV.slice(0, at) + '\ufffd' + CSV.slice(at))
    expect(d.repaired).toContain('文件 r.csv 第 2 行起有 1 个字节不是有效的 UTF-8 编码')
    const cut = decodeBytes(u8(CSV + '3,抓').subarray(0, u8(CSV).length + 4), { path: 'r.csv' })
    expect(cut.repaired).toContain('最后一个字符不完整')
    expect(decodeBytes(u8(CSV)).repaired ?? null).toBeNull()
  })

  it('GB18030 text is still GB18030, also when some of its byte pairs happen to be valid UTF-8', () => {
    const gb = '单位代码,单位名称,年度\n1,小学街道办事处,2023\n2,小镇,2023\n'
    const d = decodeBytes(new Uint8Array(iconv.encode(gb, 'gb18030')))
    expect([d.encoding, d.text, d.repaired ?? null]).toEqual(['gb18030', gb, null])
  })

  it('UTF-16 LE and BE without a BOM are recognised by their NUL bytes', () => {
    const le = decodeBytes(new Uint8Array(iconv.encode(CSV, 'utf16-le')))
    expect([le.encoding, le.text]).toEqual(['utf-16', CSV])
    const be = decodeBytes(new Uint8Array(iconv.encode(CSV, 'utf16-be')))
    expect([be.encoding, be.text]).toEqual(['utf-16', CSV])
    // a Chinese-only header has no NULs: not mistaken for UTF-16, and ASCII with one NUL neither
    expect(decodeBytes(u8('单位代码,单位名称,年度\n')).encoding).toBe('utf-8')
    expect(decodeBytes(u8('unit_code,unit_name,year\n1,a\u0000,2023\n')).encoding).toBe('ascii')
  })
})
