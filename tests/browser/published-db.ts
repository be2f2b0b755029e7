/**
 * Published database files for the browser tests (tests/browser/attach.test.ts, attach-local.test.ts): the province
 * file built once by the summariser from a generated bundle and cached under tests/.tmp, keyed by the hash of what
 * writes it (the generator, the summariser, the app's schema, the stored answers' builders), so only the first run
 * pays; and the native engine's answer to a builder on such a file.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DuckDBInstance } from '@duckdb/node-api'
import { expect } from 'vitest'
import { overviewQuery } from '../../src/queries/overview'
import { rollupSignature } from '../../src/queries/rollupSpecs'
import { firstViewStatements } from '../../src/db/firstView'
import type { OverviewRow } from '../../src/queries/rows'
import type { Filters, Query } from '../../src/queries/types'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { runSummarise } from '../../scripts/lib/summarise-cli'
import type { Page } from 'playwright-core'
import { query } from './helpers'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
/** A province-shaped file, small enough for the suite: a few thousand reports. */
export const REPORTS = 3000
/** The generator's seed of its bundle (tests regenerate its CSV to repeat some of its reports). */
export const PROVINCE_SEED = 'attach-browser'

/** Build (or reuse) the summariser's file for a generated bundle of `REPORTS` reports. */
export async function provinceFile(): Promise<string> {
  const inputs = ['scripts/lib/generate.mjs', 'scripts/lib/summarise-cli.ts', 'src/db/schema.ts', 'src/db/load.ts', 'src/db/rollups.ts',
    'src/db/stored.ts', 'src/db/publish.ts']
  // the stored answers' statements themselves: any builder change gives a new file
  const h = createHash('sha256').update(`reports=${REPORTS};${storedStatementsSignature()}`)
  for (const f of inputs) h.update(readFileSync(join(ROOT, f)))
  const out = join(ROOT, 'tests', '.tmp', `attach-province-${h.digest('hex').slice(0, 12)}.duckdb`)
  if (existsSync(out)) return out
  const work = mkdtempSync(join(tmpdir(), 'gdd-attach-b-'))
  try {
    const dir = join(work, 'bundle')
    mkdirSync(dir)
    const { files } = generateBundle({ reports: REPORTS, seed: PROVINCE_SEED })
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    const tmp = join(work, 'province.duckdb')
    expect(await runSummarise({ inputs: [dir], out: tmp, jobs: 1, progress: false }, () => {})).toBe(0)
    mkdirSync(join(ROOT, 'tests', '.tmp'), { recursive: true })
    renameSync(tmp, out)
    return out
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** The statements whose answers a published file stores (per-range answers and the first view's): a change rebuilds cached files. */
export const storedStatementsSignature = (): string =>
  `${rollupSignature()};${JSON.stringify([firstViewStatements({}), firstViewStatements({ rollups: true })])}`

/** A builder's rows as the native engine (@duckdb/node-api, same version) answers them on the file. */
export async function nativeRows<T>(file: string, q: Query<T>): Promise<T[]> {
  const inst = await DuckDBInstance.create(':memory:')
  const c = await inst.connect()
  try {
    await c.run(`ATTACH '${file.replace(/'/g, "''")}' AS published (READ_ONLY); USE published`)
    const rows = (await c.runAndReadAll(q.sql, q.params as never)).getRowObjectsJS()
    return JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))) as T[]
  } finally {
    c.closeSync()
    inst.closeSync()
  }
}

/** The overview row (the ordinary builder, on the summary) as the native engine answers it. */
export const nativeOverview = async (file: string, f: Filters = {}): Promise<OverviewRow> => (await nativeRows(file, overviewQuery(f)))[0]

/**
 * The overview's figures in the app equal the native engine's: the cards on screen (read from the file's stored
 * answers at no filter), and the app's engine running the ordinary builder on the summary (through the hook).
 */
export async function expectOverviewEqualsNative(page: Page, native: OverviewRow, f: Filters = {}): Promise<void> {
  const q = overviewQuery(f)
  const inline = q.params.reduce<string>((sql, p) => sql.replace('?', typeof p === 'number' ? String(p) : `'${String(p).replace(/'/g, "''")}'`), q.sql)
  const [inApp] = await query<OverviewRow>(page, inline)
  expect(inApp).toEqual(native)
  const card = (id: string) => page.getAttribute(`[data-kpi="${id}"]`, 'data-value')
  const n = (v: number | null) => new Intl.NumberFormat('zh-CN').format(v ?? 0)
  expect(await card('reports')).toBe(n(native.reports))
  expect(await card('units')).toBe(n(native.units))
  expect(await card('received')).toBe(n(native.received))
  expect(await card('active-total')).toBe(n(native.activeTotal))
}
