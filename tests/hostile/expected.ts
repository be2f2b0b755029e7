/**
 * The `expected.json` contract of a hostile case and its check against a pipeline result.
 * Every field is optional except `title`; what is given is asserted exactly as described.
 */
import { expect } from 'vitest'
import type { Db } from '../../src/db/types'
import { RAW, countRows, dump, matching, rowsWhere, type PipelineResult, type TypedTable } from './harness'

interface ExpectedFinding {
  /** Rule id; `*` = any rule (when the contract does not say which). */
  rule: string
  /** Substrings the Chinese message must all contain (file name, 第 N 行, column label, raw text). */
  contains?: string[]
  /** Exact number of matching findings (default: at least one). */
  count?: number
  source?: 'ingest' | 'db' | 'skipped'
}

interface ExpectedValues {
  table: TypedTable
  where: Record<string, string | number | null>
  /** Every returned row must match these columns (values exact; strings verbatim). */
  equals: Record<string, string | number | boolean | null>
  /** Number of matching rows (default 1). */
  rows?: number
}

export interface Expected {
  title: string
  /** Set when a known db bug blocks the case: the case is skipped and the reason listed ("db bug: …"). */
  skip?: string
  /** ingestFiles options (size limits). */
  options?: { maxFileBytes?: number; zip?: { maxEntries?: number; maxTotalBytes?: number; maxEntryBytes?: number; maxRatio?: number; ratioMinBytes?: number } }
  /** Prepared tables by path → kind and record count; exactly these (order free). */
  tables?: Record<string, { kind: string; records: number; encoding?: string; delimiter?: string }>
  /** Raw rows held per raw table; kinds not listed must hold 0. */
  raw?: Partial<Record<(typeof RAW)[number], number>>
  /** Rows of typed tables (reports, active, applications, reviews, summary, units). */
  typed?: Partial<Record<TypedTable, number>>
  findings?: ExpectedFinding[]
  /** Rule ids that must not appear at all (e.g. no `conflict` when values are equal). */
  absent?: string[]
  values?: ExpectedValues[]
}

export async function checkExpected(db: Db, res: PipelineResult, exp: Expected): Promise<void> {
  const seen = `findings seen:\n${dump(res.findings)}`
  if (exp.tables) {
    const got = Object.fromEntries(res.ingest.tables.map((t) => [t.path, {
      kind: t.kind, records: t.records,
      ...(exp.tables![t.path]?.encoding ? { encoding: t.encoding } : {}),
      ...(exp.tables![t.path]?.delimiter ? { delimiter: t.delimiter } : {}),
    }]))
    expect(got, `prepared tables; ${seen}`).toEqual(exp.tables)
  }
  if (exp.raw) {
    const want = Object.fromEntries(RAW.map((k) => [k, exp.raw![k] ?? 0]))
    expect(res.summary.tables, `raw rows per table; ${seen}`).toEqual(want)
  }
  for (const [t, n] of Object.entries(exp.typed ?? {})) {
    expect(await countRows(db, t), `rows in typed table ${t}`).toBe(n)
  }
  for (const f of exp.findings ?? []) {
    const hits = matching(res.findings, f.rule, f.contains).filter((h) => !f.source || h.source === f.source)
    const what = `finding ${f.rule} containing ${JSON.stringify(f.contains ?? [])}; ${seen}`
    if (f.count === undefined) expect(hits.length, what).toBeGreaterThan(0)
    else expect(hits.length, what).toBe(f.count)
  }
  for (const rule of exp.absent ?? []) {
    expect(res.findings.filter((f) => f.rule === rule), `no ${rule}; ${seen}`).toEqual([])
  }
  for (const v of exp.values ?? []) {
    const rows = await rowsWhere(db, v.table, v.where)
    expect(rows.length, `rows of ${v.table} where ${JSON.stringify(v.where)}`).toBe(v.rows ?? 1)
    for (const r of rows) expect(r, `${v.table} where ${JSON.stringify(v.where)}`).toMatchObject(v.equals)
  }
}
