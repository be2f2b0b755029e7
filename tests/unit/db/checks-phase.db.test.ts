/**
 * Checks off the critical path (issue 19): a load commits what the figures read (phase 1), then runs the checks
 * (phase 2). Between the two, every figure's statement already gives the rows it gives when everything is done,
 * and the findings table holds nothing of the data loaded before; after phase 2 the findings are those of one
 * rebuild of everything in a row (what a load did before the split).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables, summarise, type LoadSummary } from '../../../src/db/load'
import { rebuild } from '../../../src/db/rebuild'
import { DATA_KINDS } from '../../../src/db/schema'
import { runQuery } from '../../../src/db/run'
import type { Db } from '../../../src/db/types'
import { ingestFiles } from '../../../src/ingest'
import type { SourceFile } from '../../../src/ingest/types'
import { FIGURES } from '../../../src/figures'
import { OVERVIEW_STATEMENTS } from '../../../src/queries/overviewView'
import { unitsQuery, yearsQuery } from '../../../src/queries'
import type { Query } from '../../../src/queries/types'
import { generateBundle } from '../../../scripts/lib/generate.mjs'

/** Every figure's statement with the default filters: the registry's charts, the Overview's, the filters' lists. */
const statements = (): [string, Query<unknown>][] => [
  ...FIGURES.flatMap((fam) => Object.entries(fam.charts).map(([id, c]): [string, Query<unknown>] => [id, c.query({}) as Query<unknown>])),
  ...Object.entries(OVERVIEW_STATEMENTS).map(([id, s]): [string, Query<unknown>] => [`overview:${id}`, s.build({}) as Query<unknown>]),
  ['years', yearsQuery() as Query<unknown>], ['units', unitsQuery() as Query<unknown>],
]
/** The overview row's findings counts are the one part of a figure's answer that follows the checks (no view shows them). */
const FINDINGS_COLS = ['findingsError', 'findingsWarning', 'findingsInfo']
const withoutFindings = (rows: unknown[]): unknown[] => rows.map((r) =>
  Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => !FINDINGS_COLS.includes(k))))

async function answers(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const [id, q] of statements()) out[id] = withoutFindings(await runQuery(db, q))
  return out
}
const findings = (db: Db) => db.query('SELECT rule, severity, unit_code, year, tbl, cells, left_val, right_val, file_id, line, col, raw, message FROM findings ORDER BY ALL')

function bundle(seed: string, reports: number): SourceFile[] {
  const { files } = generateBundle({ reports, seed, years: [2020, 2024] })
  const enc = new TextEncoder()
  return Object.entries(files as Record<string, string>).filter(([n]) => n.endsWith('.csv'))
    .map(([name, text]) => ({ path: `${seed}/${name}`, bytes: enc.encode(text) }) as SourceFile)
}

describe('a load in two phases', () => {
  let db: Db
  let between: { answers: Record<string, unknown[]>; findings: number; summary: LoadSummary; oldFindings: number } | null = null
  let after: Record<string, unknown[]>
  let found: unknown[]

  beforeAll(async () => {
    db = await freshDb()
    const first = await ingestFiles(bundle('checks-a', 120))
    const old = await loadTables(db, first.tables)
    expect(old.findings).toBeGreaterThan(0) // the generated bundle has breaks: findings to be replaced
    const second = await ingestFiles(bundle('checks-b', 200))
    const s = await loadTables(db, second.tables, {
      replace: true,
      onCommitted: async (s1) => {
        between = { answers: await answers(db), findings: (await findings(db)).length, summary: s1, oldFindings: old.findings }
      },
    })
    expect(s.findings).toBeGreaterThan(0)
    after = await answers(db)
    found = await findings(db)
  }, 240_000)
  afterAll(async () => { await db.close() })

  it('after phase 1 every figure already has its final rows', () => {
    expect(between).not.toBeNull()
    const n = Object.values(between!.answers).filter((rows) => rows.length > 0).length
    expect(n).toBeGreaterThan(10) // the statements do read data
    expect(between!.answers).toEqual(after)
    expect(between!.summary.reports).toBe(after['overview:overview'][0] && (after['overview:overview'][0] as { reports: number }).reports)
  })

  it('between the phases no finding of the replaced data is left to pass for the new data', () => {
    expect(between!.oldFindings).toBeGreaterThan(0)
    expect(between!.findings).toBe(0)
    expect(between!.summary.findings).toBe(0)
  })

  it('after phase 2 the findings are those of one rebuild of everything in a row', async () => {
    expect(found.length).toBeGreaterThan(0)
    expect((await summarise(db)).findings).toBe(found.length)
    await rebuild(db)
    expect(await findings(db)).toEqual(found)
    expect(await answers(db)).toEqual(after)
  })
})

describe('checks that fail after the data is committed', () => {
  let db: Db
  beforeAll(async () => { db = await freshDb() }, 60_000)
  afterAll(async () => { await db.close() })

  it('keep the data and say so in one finding, never leave it without findings silently', async () => {
    const oom = 'Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)'
    const tight: Db = { ...db, exec: (sql) => (sql.includes('CREATE OR REPLACE TEMP TABLE dup_pairs') ? Promise.reject(new Error(oom)) : db.exec(sql)) }
    const res = await ingestFiles(bundle('checks-c', 60))
    const s = await loadTables(tight, res.tables)
    expect(s.reports).toBeGreaterThan(0)
    const rows = await db.query<{ rule: string; message: string }>('SELECT rule, message FROM findings')
    expect(rows.map((r) => r.rule)).toEqual(['checks_failed'])
    expect(rows[0].message).toContain('内存不足')
    // the keyed copies are dropped all the same (their memory goes back)
    const tables = (await db.query<{ t: string }>('SELECT table_name AS t FROM duckdb_tables()')).map((r) => r.t)
    expect(tables).toContain('summary')
    expect(tables.filter((t) => DATA_KINDS.some((k) => t === `w_${k}`))).toEqual([])
  })
})
