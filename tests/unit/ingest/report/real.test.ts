/**
 * Real published report pages (shared/fixtures/reports/real, hand-transcribed in expected.json) and
 * the 浓桥镇 seed: every visible cell read exactly, unit, year, format and stated total right,
 * nothing invented, no file dropped. Prints the measured accuracy (also: npm run accuracy).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatScores, totals, type Expected, type FileScore } from '../../../../scripts/lib/accuracy'
import type * as Accuracy from '../../../../scripts/report-accuracy'
import { REPO, sharedFixture } from './helpers'

// scripts/report-accuracy.mjs (the Node launcher) shadows the .ts for Vite's resolver: name the .ts.
const accuracyPath = '../../../../scripts/report-accuracy.ts'
const { scoreDir, scoreSeed }: typeof Accuracy = await import(/* @vite-ignore */ accuracyPath)
const dir = sharedFixture('real')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>
const scores: FileScore[] = [...(await scoreDir(dir)), await scoreSeed(REPO)]

describe('real published reports', () => {
  it('prints the measured accuracy', () => {
    console.log(`\n${formatScores(scores)}\n`)
    const t = totals(scores)
    expect(t.files).toBe(Object.keys(expected).length + 1)
  })

  it.each(Object.keys(expected))('%s reads to its transcription cell for cell, with unit, year and format', (file) => {
    const s = scores.find((x) => x.file === file)!
    expect(s.problems).toEqual([])
    expect([s.right, s.wrongSilent, s.wrongFlagged, s.invented, s.missed]).toEqual([s.visible, 0, 0, 0, 0])
    expect(s.meta).toMatchObject({ unit: true, year: true, format: true })
    expect(s.meta.activeTotal).not.toBe(false)
    expect(s.dropped).toBe(false)
  })

  it('the 浓桥镇 seed stays exact: 200 of 200', () => {
    const s = scores.find((x) => x.file.startsWith('nongqiao'))!
    expect([s.right, s.visible, s.wrongSilent, s.invented]).toEqual([200, 200, 0, 0])
  })
})
