/** One row-height formula: screen, export and slide/page split agree on how tall rows are. */
import { describe, expect, it } from 'vitest'
import { VISIBLE_ROWS, rowsFitting, rowsHeight, screenHeight, textWidth } from '../../../src/charts/byUnit'

const short = Array.from({ length: 80 }, (_, i) => `单位${i}`)
const long = short.map((s) => `${s}${'很长的单位名称'.repeat(5)}`)

describe('by-unit row height', () => {
  it('a split part fits the box it was cut for, and one more row would not', () => {
    for (const labels of [short, long]) {
      for (const height of [400, 720, 1100]) {
        const n = rowsFitting(labels, height)
        expect(rowsHeight(labels, n)).toBeLessThanOrEqual(Math.max(height, rowsHeight(labels, 5)))
        if (n > 5) expect(rowsHeight(labels, n + 1)).toBeGreaterThan(height)
      }
    }
  })

  it('wrapped (long) names make every row taller, on screen and in exports alike', () => {
    expect(rowsHeight(long)).toBeGreaterThan(rowsHeight(short))
    expect(screenHeight(long, 90)).toBeGreaterThan(screenHeight(short, 90))
  })

  it('on screen at most VISIBLE_ROWS rows are given room; an export gives all of them', () => {
    expect(screenHeight(short, 90)).toBe(rowsHeight(short, VISIBLE_ROWS, 90))
    expect(rowsHeight(short)).toBeGreaterThan(screenHeight(short, 110))
    expect(screenHeight(short.slice(0, 3), 90)).toBe(220) // a few rows: the minimum height
  })

  it('a name wraps exactly when it is wider than the 220 px label column (CJK 12 px, Latin ~7 px)', () => {
    const oneLine = (name: string): boolean => rowsHeight([name], 1, 0) === rowsHeight(['短'], 1, 0)
    expect(oneLine('北'.repeat(18))).toBe(true) // 216 px
    expect(oneLine('北'.repeat(19))).toBe(false) // 228 px
    expect(oneLine('ＡＢ'.repeat(9) + 'Ｃ')).toBe(false) // full-width forms are CJK-wide: 19 × 12 px
    expect(oneLine('x'.repeat(31))).toBe(true) // 215.8 px
    expect(oneLine('x'.repeat(32))).toBe(false) // 222.7 px
    expect(oneLine(`${'北'.repeat(17)}${'x'.repeat(2)}`)).toBe(true) // 217.9 px: 19 characters, still one line
    expect(textWidth('𠀀𠀁')).toBeCloseTo(2 * 12 * 0.58) // outside the ranges: counted narrow, as before
    // one long name among a thousand short ones makes every row two lines tall
    const many = Array.from({ length: 1000 }, (_, i) => `单位${i}`)
    expect(rowsHeight([...many, '北'.repeat(19)], 1, 0)).toBeGreaterThan(rowsHeight(many, 1, 0))
  })
})
