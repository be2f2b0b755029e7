/** Outcome groups in `summary`: summed only when every row of the form is there with a number. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { loadTables } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { APP_HEADER, appLines, csv, prepared } from '../../helpers/db'

const vals = { received: 20, granted: 4, partial: 2, 'withheld.state_secret': 1, 'withheld.query': 1, 'unavailable.not_held': 3,
  'rejected.repeat': 2, 'other.other': 7, handled: 20 }
const without = (lines: string[], ...rows: string[]) => lines.filter((l) => !rows.includes(l.split(',')[2]))
const blank = (unit: string, row: string) => ({ [row]: `${unit},2023,${row},,0,0,0,0,0,` })

let db: Db
beforeAll(async () => {
  db = await freshDb()
  await loadTables(db, [prepared('A/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines('FULL', 2023, vals),
    // 5 of the 8 不予公开 rows: the group is missing, not the sum of the five
    ...without(appLines('ABS', 2023, vals), 'withheld.security', 'withheld.internal', 'withheld.query'),
    // one 无法提供 row left blank
    ...appLines('BLK', 2023, vals, blank('BLK', 'unavailable.unclear')),
    // 2019 layout: one 其他处理 row instead of the three 2021 sub-rows
    ...without(appLines('F19', 2020, vals), 'other.no_correction', 'other.no_fee', 'other.other'), 'F19,2020,other,7,0,0,0,0,0,7',
  ))])
}, 60_000)
afterAll(async () => { await db?.close() })

const row = async (unit: string) => (await db.query(
  `SELECT withheld, unavailable, rejected, other, granted, handled, outcome_missing_cells AS missing, has_applications
   FROM summary WHERE unit_code = ?`, [unit]))[0]

describe('summary outcome groups', () => {
  it('sums a complete table', async () => {
    expect(await row('FULL')).toMatchObject({ withheld: 2, unavailable: 3, rejected: 2, other: 7, granted: 4, missing: 0, has_applications: true })
  })
  it('leaves a group with absent rows missing and counts the rows', async () => {
    expect(await row('ABS')).toMatchObject({ withheld: null, unavailable: 3, rejected: 2, other: 7, missing: 3 })
  })
  it('leaves a group with a blank row missing', async () => {
    expect(await row('BLK')).toMatchObject({ withheld: 2, unavailable: null, missing: 1 })
  })
  it('takes the 2019 其他处理 row as the whole group', async () => {
    expect(await row('F19')).toMatchObject({ other: 7, withheld: 2, missing: 0 })
  })
})
