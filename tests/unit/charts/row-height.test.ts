/** One row-height formula: screen, export and slide/page split agree on how tall rows are. */
import { describe, expect, it } from 'vitest'
import { VISIBLE_ROWS, rowsFitting, rowsHeight, screenHeight } from '../../../src/charts/byUnit'

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
})
