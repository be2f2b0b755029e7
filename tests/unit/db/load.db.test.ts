import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/engine'
import { clearAll, loadTables, removeFile, type LoadSummary } from '../../../src/db/load'
import type { Db } from '../../../src/db/types'
import { APP_HEADER, REVIEW_HEADER, appLines, csv, prepared } from '../../helpers/db'

const N = '230883103000' // 浓桥镇
const H = '230883104000' // 寒葱沟镇
const F = '230883' // 抚远市

const bundleA = () => [
  prepared('A/reports.csv', 'reports', csv(
    'unit_code,unit_name,parent_code,parent_name,level,year,active_total',
    `${N},浓桥镇,${F},抚远市,乡镇,2022,40`,
    `${N},浓桥镇,${F},抚远市,乡镇,2023,43`,
    `${H},寒葱沟镇,${F},抚远市,乡镇,2023,`,
    `${F},抚远市,230800,佳木斯市,县,2023,500`,
    `${F},抚远市,230800,佳木斯市,县,2022,400,,too,many`,
    'x1,短行单位')),
  prepared('A/units.csv', 'units', csv('单位代码,单位名称,上级代码,层级', '230800,佳木斯市,230000,市', '230000,黑龙江省,,省')),
  prepared('A/applications.csv', 'applications', csv(APP_HEADER,
    ...appLines(N, 2022),
    ...appLines(N, 2023, { received: 2, granted: 1, partial: 1, handled: 2 }),
    ...appLines(H, 2023, {}, { received: `${H},2023,一、本年新收政府信息公开申请数量,,,,,,,`, granted: `${H},2023,（一）予以公开,0,0,0,0,0,0,0` }))),
  // line 2: record 1; lines 3-4: record 2 (quoted newline in the label); line 5: record 3 with a text cell
  prepared('A/reviews.csv', 'reviews', csv(REVIEW_HEADER,
    `${N},2023,${Array(15).fill(0).join(',')}`,
    `${F},"2023\n",${Array(15).fill(0).join(',')}`,
    `${H},2023,详见附表,${Array(14).fill(0).join(',')}`), { recordLines: [2, 3, 5] }),
  prepared('A/facts.csv', 'facts', csv('unit_code,year,section,row,column,value',
    `${F},2023,依申请公开,本年新收政府信息公开申请数量,总计,7`,
    `${F},2023,applications,handled,total,7`,
    `${F},2023,applications,granted,total,7`)),
]

describe('loadTables', () => {
  let db: Db
  let first: LoadSummary
  const figures = () => db.query(`SELECT unit_code, year, active_total, received, handled, granted, partial, missing_cells
    FROM summary ORDER BY unit_code, year`)
  beforeAll(async () => { db = await freshDb(); first = await loadTables(db, bundleA()) }, 180_000)
  afterAll(async () => { await db.close() })

  it('counts reports, units, years, files and raw rows', () => {
    expect(first).toMatchObject({ reports: 4, years: 2, files: 5 })
    expect(first.tables).toMatchObject({ reports: 5, units: 2, reviews: 3, facts: 3 })
    expect(first.units).toBe(3)
  })

  it('keeps blank apart from zero', async () => {
    const [h] = await db.query(`SELECT received, granted, missing_cells FROM summary WHERE unit_code = ?`, [H])
    expect(h.received).toBeNull()
    expect(h.granted).toBe(0)
    expect(h.missing_cells).toBeGreaterThanOrEqual(7)
    const [r] = await db.query(`SELECT active_total FROM summary WHERE unit_code = ? AND year = 2023`, [H])
    expect(r.active_total).toBeNull()
  })

  it('pivots facts into the wide tables, labels and keys alike', async () => {
    const [f] = await db.query(`SELECT received, handled, granted FROM summary WHERE unit_code = ? AND year = 2023`, [F])
    expect(f).toEqual({ received: 7, handled: 7, granted: 7 })
  })

  it('locates a text cell by file, line and column, and loads the rest of the file', async () => {
    const t = await db.query(`SELECT f.unit_code, f.line, f.col, f.raw, f.message, fl.path FROM findings f JOIN files fl USING (file_id)
      WHERE rule = 'text_cells'`)
    expect(t).toHaveLength(1)
    expect(t[0]).toMatchObject({ unit_code: H, line: 5, col: 'review_upheld', raw: '详见附表', path: 'A/reviews.csv' })
    expect(String(t[0].message)).toContain('第 5 行第 3 列')
    const [n] = await db.query(`SELECT count(*) AS n FROM reviews`)
    expect(n.n).toBe(3)
  })

  it('turns a row with too many fields into a located bad_row, pads a short row', async () => {
    const b = await db.query(`SELECT line, message FROM findings WHERE rule = 'bad_row'`)
    expect(b).toHaveLength(1)
    expect(b[0].line).toBe(6)
    const [x] = await db.query(`SELECT count(*) AS n FROM raw_reports WHERE unit_code = 'x1' AND rec = 6`)
    expect(x.n).toBe(1)
    const y = await db.query(`SELECT message FROM findings WHERE rule = 'bad_year' AND raw IS NULL`)
    expect(y.length).toBe(1)
  })

  it('builds the hierarchy from units.csv and the reports', async () => {
    const u = await db.query(`SELECT unit_code, parent_code, depth FROM units WHERE unit_code IN (?, ?, ?) ORDER BY unit_code`, ['230000', F, N])
    expect(u).toEqual([
      { unit_code: '230000', parent_code: null, depth: 0 },
      { unit_code: F, parent_code: '230800', depth: 2 },
      { unit_code: N, parent_code: F, depth: 3 },
    ])
  })

  it('loading the same bundle again changes no figure; repeats are noted as duplicates', async () => {
    const before = await figures()
    const again = await loadTables(db, bundleA())
    expect(await figures()).toEqual(before)
    expect(again.reports).toBe(first.reports)
    const d = await db.query(`SELECT count(*) AS n FROM findings WHERE rule = 'duplicate'`)
    expect(d[0].n).toBeGreaterThan(0)
    expect((await db.query(`SELECT count(*) AS n FROM findings WHERE rule = 'conflict'`))[0].n).toBe(0)
    expect((await db.query(`SELECT max(bundle_no) AS b FROM files`))[0].b).toBe(2)
  }, 120_000)

  it('a different value for a loaded cell is a conflict naming both files; the first value stays', async () => {
    await loadTables(db, [prepared('B/applications.csv', 'applications', csv(APP_HEADER, `${N},2023,received,5,0,0,0,0,0,5`))])
    const c = await db.query(`SELECT message FROM findings WHERE rule = 'conflict'`)
    expect(c).toHaveLength(1)
    expect(String(c[0].message)).toMatch(/A\/applications\.csv 第 \d+ 行 与 文件 B\/applications\.csv 第 2 行/)
    const [s] = await db.query(`SELECT received FROM summary WHERE unit_code = ? AND year = 2023`, [N])
    expect(s.received).toBe(2)
  }, 120_000)

  it('removeFile and clearAll', async () => {
    const [fid] = await db.query(`SELECT file_id FROM files WHERE path = 'B/applications.csv'`)
    await removeFile(db, Number(fid.file_id))
    expect((await db.query(`SELECT count(*) AS n FROM findings WHERE rule = 'conflict'`))[0].n).toBe(0)
    await clearAll(db)
    expect((await db.query(`SELECT count(*) AS n FROM summary`))[0].n).toBe(0)
  }, 120_000)

  it('empty lines do not shift line numbers', async () => {
    await clearAll(db)
    await loadTables(db, [prepared('E/reports.csv', 'reports', 'unit_code,unit_name,year,active_total\nA,甲镇,2023,1\n\nB,乙镇,2023,x\n\n\nC,丙镇,2023,y\n\n')])
    const t = await db.query(`SELECT unit_code, line FROM findings WHERE rule = 'text_cells' ORDER BY line`)
    expect(t).toEqual([{ unit_code: 'B', line: 4 }, { unit_code: 'C', line: 7 }])
  }, 120_000)

  it('DuckDB out of memory on one file is a load_failed finding naming it, not an exception; the other files load', async () => {
    await clearAll(db)
    // DuckDB's own error text when a tab's memory is used up (seen with a 300 MB reports.csv)
    const oom = 'Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)'
    let reads = 0 // the first file's read_csv fails
    const failing: Db = { ...db, query: (sql, params) => (sql.includes('read_csv(') && reads++ === 0 ? Promise.reject(new Error(oom)) : db.query(sql, params)) as never }
    const s = await loadTables(failing, [
      prepared('O/reports.csv', 'reports', csv('unit_code,unit_name,year,active_total', 'A,甲镇,2023,1')),
      prepared('O/applications.csv', 'applications', csv(APP_HEADER, ...appLines(N, 2023))),
    ])
    expect(s.tables.reports).toBe(0)
    expect(s.tables.applications).toBeGreaterThan(0)
    const f = await db.query<{ rule: string; severity: string; message: string }>("SELECT rule, severity, message FROM findings WHERE rule = 'load_failed'")
    expect(f).toHaveLength(1)
    expect(f[0].severity).toBe('error')
    expect(f[0].message).toContain('O/reports.csv')
    expect(f[0].message).toContain('内存不足')
    expect(f[0].message).toContain('100.0 MB')
    // out of memory in the rebuild after loading (what a real 220 MB reports.csv does): the biggest file of this load is taken out
    await clearAll(db)
    let rebuilds = 0
    const tight: Db = { ...db, exec: (sql) => (sql.includes('CREATE OR REPLACE TABLE w_reports') && rebuilds++ === 0 ? Promise.reject(new Error(oom)) : db.exec(sql)) }
    const s2 = await loadTables(tight, [
      prepared('Q/reports.csv', 'reports', csv('unit_code,unit_name,year,active_total', 'A,甲镇,2023,1', 'B,乙镇,2023,2')),
      prepared('Q/applications.csv', 'applications', csv(APP_HEADER, ...appLines(N, 2023).slice(0, 1))),
    ])
    expect(s2.tables).toMatchObject({ reports: 0, applications: 1 })
    const f2 = await db.query<{ message: string }>("SELECT message FROM findings WHERE rule = 'load_failed'")
    expect(f2.map((x) => x.message)).toEqual([expect.stringContaining('Q/reports.csv')])
    expect(f2[0].message).toContain('整理数据时浏览器内存不足')
    // anything else still throws: a failing load is never swallowed silently
    const broken: Db = { ...db, query: (sql, params) => (sql.includes('read_csv(') ? Promise.reject(new Error('IO Error: boom')) : db.query(sql, params)) as never }
    await expect(loadTables(broken, [prepared('P/reports.csv', 'reports', csv('unit_code,unit_name,year', 'B,乙镇,2023'))])).rejects.toThrow('boom')
  }, 120_000)
})
