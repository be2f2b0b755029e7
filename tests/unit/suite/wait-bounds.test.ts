/**
 * Browser tests wait for states, never for a guessed duration (issue 18): every bounded wait uses WORK_BOUND from
 * tests/browser/helpers.ts, and test/hook bounds come from the browser project (vite.config.ts). A literal bound
 * such as `{ timeout: 60_000 }` fails a passing test on a busy machine. Only a wait whose absence is an answer
 * (`.then(() => true, () => false)`) may keep a short bound, and it must say so on its line.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

const DIR = new URL('../../browser/', import.meta.url)
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'))
const LITERAL = /timeout: \d|\bwaitForReports\([^,]+, [^,]+, \d|\bwaitForReady\([^,()]+, \d|\bwaitForOption\(.*\), \d[\d_]*\)|vi\.setConfig\(|^\s*\}, \d[\d_]*\)\s*$/
const ALLOWED = /\.then\(\(\) => true, \(\) => false\)|export const WORK_BOUND|waitForReady\(page, 5_000\)/

describe('browser tests bound their waits by the work', () => {
  test('the browser test folder is found', () => { expect(files.length).toBeGreaterThan(20) })
  test('expect.poll waits as long as WORK_BOUND (its own default is 1 s)', () => {
    const bound = /export const WORK_BOUND = ([\d_]+)/.exec(readFileSync(new URL('helpers.ts', DIR), 'utf8'))?.[1]
    const config = readFileSync(new URL('../../../vite.config.ts', import.meta.url), 'utf8')
    expect(bound).toBeTruthy()
    expect(config).toContain(`expect: { poll: { timeout: ${bound} } }`)
  })
  for (const f of files) {
    test(f, () => {
      const bad = readFileSync(new URL(f, DIR), 'utf8').split('\n')
        .map((line, i) => ({ line, n: i + 1 }))
        .filter(({ line }) => LITERAL.test(line) && !ALLOWED.test(line))
        .map(({ line, n }) => `${f}:${n}: ${line.trim()}`)
      expect(bad).toEqual([])
    })
  }
})
