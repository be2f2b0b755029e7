#!/usr/bin/env node
// Writes data/sample/ (committed): the real 浓桥镇 2023 report as a bundle, and an ILLUSTRATIVE
// demo bundle (示例县: fictional names, codes and figures). Deterministic: rerunning changes nothing.
//   node scripts/make-sample.mjs [--check]   (--check: exit 1 if the committed files differ)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildBundle } from './lib/generate.mjs'
import { toCsv } from './lib/csv.mjs'
import { ACTIVE_ITEMS, ACTIVE_MEASURES, APPLICANT_COLUMNS, REPORT_COLUMNS, REVIEW_COLUMNS, UNIT_COLUMNS, applicationRows } from './lib/format.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'sample')
const keys = (pairs) => pairs.map(([k]) => k)

// ---------------------------------------------------------------- 浓桥镇 2023 (real figures)
// From shared/fixtures/reports/nongqiao-2023.txt: "共公开信息43条", every table cell 0.
// The township code is illustrative (bundle-format.md); 230883 etc. are the real county/city/province codes.
function nongqiao() {
  const code = '230883103000'
  const year = 2023
  const activeCells = (measures) => keys(ACTIVE_MEASURES).map((m) => (measures.includes(m) ? 0 : ''))
  return {
    'units.csv': toCsv(keys(UNIT_COLUMNS), [
      ['230000', '黑龙江省', '', '省'],
      ['230800', '佳木斯市', '230000', '市'],
      ['230883', '抚远市', '230800', '县'],
      [code, '浓桥镇', '230883', '乡镇'],
    ]),
    'reports.csv': toCsv(keys(REPORT_COLUMNS), [
      [code, '浓桥镇', year, '230883', '抚远市', '乡镇', '2021', 43, '浓桥镇2023年政府信息公开工作年度报告'],
    ]),
    'active.csv': toCsv(['unit_code', 'year', 'item', ...keys(ACTIVE_MEASURES)],
      ACTIVE_ITEMS[2021].map(([item, , measures]) => [code, year, item, ...activeCells(measures)])),
    'applications.csv': toCsv(['unit_code', 'year', 'row', ...keys(APPLICANT_COLUMNS)],
      applicationRows('2021').map(([row]) => [code, year, row, ...APPLICANT_COLUMNS.map(() => 0)])),
    'reviews.csv': toCsv(['unit_code', 'year', ...keys(REVIEW_COLUMNS)], [[code, year, ...REVIEW_COLUMNS.map(() => 0)]]),
  }
}

// ---------------------------------------------------------------- 示例县 (illustrative)
// Code 99 is not a real province code, so nothing here can be mistaken for a real unit.
function demo() {
  const prov = { code: '99', name: '示例省', parentCode: '', level: '省' }
  const city = { code: '9901', name: '示例市', parentCode: '99', level: '市' }
  const county = { code: '990101', name: '示例县', parentCode: '9901', level: '县' }
  const up = { parentCode: county.code, parentName: county.name }
  const sub = (n, name) => ({ code: `990101${String(n).padStart(3, '0')}000`, name, level: '街道', kind: 'subdistrict', ...up })
  const town = (n, name) => ({ code: `990101${n}000`, name, level: '乡镇', kind: 'township', ...up })
  const dept = (n, name) => ({ code: `990101${900 + n}000`, name: `示例县${name}`, level: '部门', kind: 'department', ...up })
  const reporting = [
    sub(1, '东城街道'), sub(2, '西城街道'), sub(3, '南湖街道'),
    town(101, '青山镇'), town(102, '石桥镇'), town(103, '金沙镇'), town(104, '龙泉镇'), town(105, '桃源镇'), town(106, '丰收镇'),
    town(201, '白水乡'), town(202, '柳林乡'), town(203, '云岭乡'),
    dept(1, '教育局'), dept(2, '公安局'), dept(3, '市场监督管理局'), dept(4, '自然资源局'),
  ]
  return buildBundle({
    hierarchy: [prov, city, county, ...reporting], reporting, years: [2021, 2022, 2023, 2024],
    seed: 'demo-2021-2024', breaks: false, labels: 'key', source: '示例数据（虚构，非真实数字）',
  }).files
}

const bundles = { nongqiao: nongqiao(), demo: demo() }
const check = process.argv.includes('--check')
let differs = false
for (const [name, files] of Object.entries(bundles)) {
  const dir = join(root, name)
  mkdirSync(dir, { recursive: true })
  for (const [file, text] of Object.entries(files)) {
    const path = join(dir, file)
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) { console.error(`differs: ${path}`); differs = true }
    } else writeFileSync(path, text)
  }
}
if (check && differs) process.exit(1)
console.log(check ? 'data/sample is up to date' : `wrote ${Object.keys(bundles).map((b) => `data/sample/${b}`).join(', ')}`)
