/**
 * Prints the importer's measured accuracy on hand-transcribed real reports and on the 浓桥镇 seed:
 * cells right / visible, wrong cells without a doubt flag, files dropped.
 *   npm run accuracy [-- DIR] [--verbose]     (DIR holds NN.txt files and expected.json; default shared/fixtures/reports/real)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { APPLICATION_ROWS, REVIEW_BLOCKS, REVIEW_OUTCOMES, ACTIVE_ITEMS_2021, APPLICANT_KEYS } from '../src/domain/format'
import { parseReportFile } from '../src/ingest/report'
import { loadPdfjsNode } from './lib/pdfjs-node'
import { formatScores, scoreReport, type Expected, type FileScore } from './lib/accuracy'

export function findShared(from: string, name: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const p = join(dir, 'shared', name)
    if (existsSync(p)) return p
    if (dirname(dir) === dir) return null
  }
}

/** The seed: every one of its 200 cells is 0 (hand-checked; tests/unit/ingest/report/nongqiao.test.ts). */
export function seedExpected(): Expected {
  const cells: Record<string, number> = {}
  for (const i of ACTIVE_ITEMS_2021) for (const m of i.measures) cells[`active|${i.key}|${m}`] = 0
  for (const r of APPLICATION_ROWS.filter((x) => x.formats.includes('2021'))) for (const c of APPLICANT_KEYS) cells[`applications|${r.key}|${c}`] = 0
  for (const b of REVIEW_BLOCKS) for (const o of REVIEW_OUTCOMES) cells[`reviews|${b.key}|${o.key}`] = 0
  return { id: 'seed', unit: '浓桥镇', year: 2023, format: '2021', active_total: 43, cells }
}

export async function scoreDir(dir: string): Promise<FileScore[]> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>
  const out: FileScore[] = []
  for (const f of readdirSync(dir).filter((n) => n in expected).sort()) {
    let r = null
    try { r = await parseReportFile(f, new Uint8Array(readFileSync(join(dir, f))), { pdf: loadPdfjsNode }) } catch { r = null }
    out.push(scoreReport(f, r, expected[f]))
  }
  return out
}

export async function scoreSeed(root: string): Promise<FileScore> {
  const p = findShared(root, 'fixtures/reports/nongqiao-2023.txt')
  if (!p) throw new Error('shared/fixtures/reports/nongqiao-2023.txt not found')
  const r = await parseReportFile('nongqiao-2023.txt', new Uint8Array(readFileSync(p)))
  return scoreReport('nongqiao-2023.txt (seed)', r, seedExpected())
}

export async function main(argv: readonly string[], root: string): Promise<number> {
  const verbose = argv.includes('--verbose') || argv.includes('-v')
  const dir = argv.find((a) => !a.startsWith('-')) ?? findShared(root, 'fixtures/reports/real')
  if (!dir) { console.error('shared/fixtures/reports/real not found; give a folder with expected.json'); return 2 }
  const scores = [...(await scoreDir(dir)), await scoreSeed(root)]
  console.log(formatScores(scores, verbose))
  return 0
}
