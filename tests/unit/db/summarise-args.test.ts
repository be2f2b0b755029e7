/**
 * How the summariser reads its command line: which inputs become one group (one process each with --jobs), and
 * the refusals a supervisor sees for a wrong option.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { groupFraction } from '../../../scripts/lib/progress'
import { parseArgs } from '../../../scripts/lib/summarise-cli'
import { groupInputs, readGroup } from '../../../scripts/lib/summarise-part'

let w: string
beforeAll(() => {
  w = mkdtempSync(join(tmpdir(), 'gdd-groups-'))
  for (const p of ['nat/11', 'nat/12', 'city/2023']) mkdirSync(join(w, p), { recursive: true })
  for (const f of ['nat/11/reports.csv', 'nat/12/reports.csv', 'nat/national.json', 'city/reports.csv', 'city/2023/active.csv', 'a.csv', 'b.xlsx', 'p.zip'])
    writeFileSync(join(w, f), 'x')
})
afterAll(() => { rmSync(w, { recursive: true, force: true }) })

describe('groups', () => {
  it('a folder of province folders is one group each; a zip one; loose files one together', () => {
    const g = groupInputs([join(w, 'nat'), join(w, 'city'), join(w, 'p.zip'), join(w, 'a.csv'), join(w, 'b.xlsx')])
    expect(g.map((x) => x.name)).toEqual(['nat/11', 'nat/12', 'city', 'p.zip', '2 个文件'])
    expect(g[4].paths).toHaveLength(2)
  })

  it('keeps paths as the app shows a dropped folder', () => {
    const [g] = groupInputs([join(w, 'city')])
    expect(readGroup(g).map((f) => f.path)).toEqual(['city/2023/active.csv', 'city/reports.csv'])
  })

  it('names a missing input', () => {
    expect(() => groupInputs([join(w, 'nope')])).toThrow(/找不到输入/)
  })
})

describe('arguments', () => {
  it('parses inputs, output and jobs', () => {
    expect(parseArgs(['a', 'b', '--out', 'x.duckdb', '--jobs', '3', '--memory', '2GB'])).toMatchObject({ inputs: ['a', 'b'], out: 'x.duckdb', jobs: 3, memoryLimit: '2GB' })
  })
  it('refuses what would go wrong, in Chinese', () => {
    expect(parseArgs(['a', '--out', 'x.db'])).toMatch(/应以 \.duckdb 结尾/)
    expect(parseArgs(['a', '--out', 'x.duckdb', '--jobs', '0'])).toMatch(/--jobs 应为 1–256 的整数/)
    expect(parseArgs(['a', '--out', 'x.duckdb', '--memory', 'lots'])).toMatch(/--memory/)
    expect(parseArgs(['--out', 'x.duckdb'])).toMatch(/^用法/)
  })
})

describe('progress through the silent rebuild', () => {
  it('moves with time, never backwards and never to the end before the group is done', () => {
    const g = { name: 'p', bytes: 1, frac: 0.32, reports: 0, done: false, stage: 'checking', startedAt: 0, checkingAt: 10_000 }
    // the stages before took 10 s: the rebuild is expected to take ~21 s
    const at = [10_000, 15_000, 20_000, 25_000].map((t) => groupFraction(g, t))
    expect(at[0]).toBeCloseTo(0.32)
    for (let i = 1; i < at.length; i++) expect(at[i]).toBeGreaterThan(at[i - 1])
    const late = groupFraction(g, 1_000_000)
    expect(late).toBeGreaterThan(at.at(-1)!)
    expect(late).toBeLessThan(1)
    expect(groupFraction({ ...g, done: true }, 0)).toBe(1)
  })
})
