// Scratch (not committed): bytes read from a published file per statement of the first view, fresh engine each.
import fs from 'node:fs'
import { test } from 'vitest'
import { attachPublished } from '../../../src/db/attach'
import { nodeBindings, openNodeDuckDb } from '../../../src/db/duckdb-node'
import { summarise } from '../../../src/db/load'
import { unitsQuery, yearsQuery, findingsQuery } from '../../../src/queries'
import { activeByUnitYearQuery, outcomesByUnitQuery, outcomesByYearQuery, overviewQuery } from '../../../src/queries/overview'
import { kpiChangeQuery } from '../../../src/queries/trends'
import { childrenAggregatesQuery } from '../../../src/queries/hierarchy'
import type { Db } from '../../../src/db/types'

let count = 0
const orig = fs.readSync
;(fs as unknown as { readSync: typeof fs.readSync }).readSync = ((...a: Parameters<typeof fs.readSync>) => { const n = orig(...a); count += n; return n }) as typeof fs.readSync

const FILE = process.env.MEASURE_FILE!
const extra = process.env.MEASURE_EXTRA ? (await import(process.env.MEASURE_EXTRA)).default as Record<string, (d: Db) => Promise<unknown>> : {}

test('bytes per statement', async () => {
  const b = await nodeBindings()
  const size = fs.statSync(FILE).size
  const stmts: Record<string, (d: Db) => Promise<unknown>> = {
    summarise: (d) => summarise(d),
    years: (d) => d.query(yearsQuery().sql, yearsQuery().params),
    units: (d) => d.query(unitsQuery().sql, unitsQuery().params),
    findingsList: (d) => { const q = findingsQuery({}, { limit: 200 }); return d.query(q.sql, q.params) },
    overview: (d) => d.query(overviewQuery().sql, overviewQuery().params),
    kpiChange: (d) => d.query(kpiChangeQuery().sql, kpiChangeQuery().params),
    activeByUnitYear: (d) => d.query(activeByUnitYearQuery().sql, activeByUnitYearQuery().params),
    outcomesByUnit: (d) => d.query(outcomesByUnitQuery().sql, outcomesByUnitQuery().params),
    outcomesByYear: (d) => d.query(outcomesByYearQuery().sql, outcomesByYearQuery().params),
    children: (d) => { const q = childrenAggregatesQuery({}, null); return d.query(q.sql, q.params) },
    ...extra,
  }
  const out: string[] = [`file ${FILE} ${(size / 1048576).toFixed(1)} MB`]
  for (const [name, run] of Object.entries(stmts)) {
    const d = await openNodeDuckDb(b, { locked: false })
    count = 0
    await attachPublished(d, FILE)
    const att = count
    count = 0
    await run(d)
    out.push(`${name.padEnd(18)} ${(count / 1048576).toFixed(2).padStart(7)} MB ${(100 * count / size).toFixed(1).padStart(5)} %   (attach ${(att / 1048576).toFixed(2)} MB)`)
    await d.close()
  }
  console.log(out.join('\n'))
}, 600_000)
