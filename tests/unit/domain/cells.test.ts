import { describe, expect, it } from 'vitest'
import { parseCell, isValidCount } from '../../../src/domain/cells'

describe('parseCell — every case of bundle-format.md', () => {
  const cases: [string | null, string, number | null, boolean][] = [
    ['12', 'number', 12, false],
    ['0', 'number', 0, false],
    ['12.5', 'number', 12.5, false],
    ['-5', 'number', -5, false],
    ['1,234', 'number', 1234, true],
    ['１２３', 'number', 123, true],
    ['１，２３４', 'number', 1234, true],
    ['43条', 'number', 43, true],
    ['43 件', 'number', 43, true],
    ['12.5万元', 'number', 12.5, true],
    ['零', 'zero_word', 0, true],
    ['无', 'zero_word', 0, true],
    ['', 'blank', null, false],
    ['   ', 'blank', null, false],
    [null, 'blank', null, false],
    ['/', 'na', null, false],
    ['—', 'na', null, false],
    ['——', 'na', null, false],
    ['-', 'na', null, false],
    ['－', 'na', null, false],
    ['不适用', 'na', null, false],
    ['N/A', 'na', null, false],
    ['详见附表', 'text', null, false],
    ['略', 'text', null, false],
    ['1e3', 'text', null, false],
    ['0x10', 'text', null, false],
    ['NaN', 'text', null, false],
    ['Infinity', 'text', null, false],
    ['1,23', 'text', null, false],
  ]
  for (const [raw, kind, value, tolerated] of cases) {
    it(`${JSON.stringify(raw)} → ${kind} ${value ?? ''}`, () => {
      expect(parseCell(raw)).toEqual({ kind, value, tolerated })
    })
  }

  it('-0 is plain zero', () => {
    expect(Object.is(parseCell('-0').value, 0)).toBe(true)
  })
})

describe('isValidCount', () => {
  it('rejects negatives and decimals unless allowed', () => {
    expect(isValidCount(-5)).toBe(false)
    expect(isValidCount(-5, { signed: true })).toBe(true)
    expect(isValidCount(12.5)).toBe(false)
    expect(isValidCount(12.5, { decimal: true })).toBe(true)
  })
})
