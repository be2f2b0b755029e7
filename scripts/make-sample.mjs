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

// ---------------------------------------------------------------- 示例县 township boundaries (illustrative)
// A 4 × 3 grid of rectangles standing for the county's 3 subdistricts and 9 townships (issue 21's map). The
// properties mix what real boundary files carry: a 12-digit code, a 9-digit township code, a name with or without
// its suffix (石桥 / 东城街道办事处), so the sample exercises matching by code and by name.
function demoMap() {
  const cells = [
    { name: '东城街道办事处' }, { name: '西城街道', code: '990101002' }, { name: '南湖' }, { name: '青山镇', code: '990101101000' },
    { name: '石桥' }, { adcode: '990101103', name: '金沙' }, { name: '龙泉镇' }, { name: '桃源镇' },
    { name: '丰收镇' }, { name: '白水乡' }, { name: '柳林' }, { name: '云岭乡' },
  ]
  const x0 = 113.0, y0 = 28.0, w = 0.08, h = 0.06
  const r = (v) => Math.round(v * 1e4) / 1e4
  const features = cells.map((props, i) => {
    const cx = i % 4, cy = Math.floor(i / 4)
    const [a, b, c, d] = [x0 + cx * w, y0 + (2 - cy) * h, x0 + (cx + 1) * w, y0 + (3 - cy) * h].map(r)
    return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[[a, b], [c, b], [c, d], [a, d], [a, b]]] } }
  })
  const lines = features.map((f) => JSON.stringify(f))
  return { 'demo-county.geojson': `{"type":"FeatureCollection","name":"示例县乡镇街道（虚构）","features":[\n${lines.join(',\n')}\n]}\n` }
}

const bundles = { nongqiao: nongqiao(), demo: demo(), map: demoMap() }
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
