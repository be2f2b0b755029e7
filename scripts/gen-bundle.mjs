#!/usr/bin/env node
// npm run gen -- --reports N --years a-b --seed S --out DIR [--encoding utf8|gb18030|both]
//                [--labels key|zh] [--clean] [--crlf]
// npm run gen -- --profile sparse --units N --years a-b --seed S --out DIR …   (real-looking bundles:
//                scattered years, partial tables, mixed levels, long names; see scripts/lib/sparse.mjs)
// npm run gen -- --provinces P --reports N --years 2012-2024 --out DIR …   (national corpus: N reports split over
//                P provinces, DIR/<code>/ each, written province by province; scripts/lib/national.mjs)
// Years may start before 2019 (from 2008, when the regulations took effect): those reports use the 2019 layout.
// Writes a realistic, deterministic bundle (same options → same bytes) and manifest.json
// listing the deliberate rule breaks and blank cells, so tests can assert the findings.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateBundle } from './lib/generate.mjs'
import { generateSparseBundle } from './lib/sparse.mjs'
import { encodeFiles } from './lib/encode.mjs'
import { writeNational } from './lib/national.mjs'

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '200' },
    profile: { type: 'string', default: 'complete' },
    units: { type: 'string', default: '40' },
    years: { type: 'string', default: '2019-2024' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    encoding: { type: 'string', default: 'utf8' },
    labels: { type: 'string', default: 'key' },
    clean: { type: 'boolean', default: false },
    crlf: { type: 'boolean', default: false },
    provinces: { type: 'string' },
  },
})
const fail = (msg) => { console.error(`gen-bundle: ${msg}`); process.exit(2) }
if (!values.out) fail('--out DIR is required')
const reports = Number(values.reports)
if (!Number.isInteger(reports) || reports < 1) fail('--reports must be a positive integer')
const m = /^(\d{4})(?:-(\d{4}))?$/.exec(values.years)
if (!m) fail('--years must look like 2019-2024')
const years = [Number(m[1]), Number(m[2] ?? m[1])]
if (years[0] < 2008 || years[1] < years[0]) fail('--years: 2008 or later, first ≤ last')
if (!['utf8', 'utf8-bom', 'gb18030', 'both'].includes(values.encoding)) fail('--encoding: utf8 | utf8-bom | gb18030 | both')
if (!['key', 'zh'].includes(values.labels)) fail('--labels: key | zh')

if (!['complete', 'sparse'].includes(values.profile)) fail('--profile: complete | sparse')
const units = Number(values.units)
if (!Number.isInteger(units) || units < 1) fail('--units must be a positive integer')
const common = { years, seed: values.seed, labels: values.labels, eol: values.crlf ? '\r\n' : '\n' }
if (values.provinces !== undefined) {
  const provinces = Number(values.provinces)
  if (!Number.isInteger(provinces) || provinces < 1 || provinces > 31) fail('--provinces must be 1–31')
  if (values.profile !== 'complete' || values.encoding === 'both') fail('--provinces: complete profile, one encoding')
  const t0 = Date.now()
  const r = writeNational({ ...common, out: values.out, reports, provinces, breaks: !values.clean, encoding: values.encoding, log: console.log })
  console.log(`${values.out}: ${r.reports} reports in ${r.provinces.length} provinces (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  process.exit(0)
}
const { files, manifest } = values.profile === 'sparse'
  ? generateSparseBundle({ ...common, units, breaks: !values.clean })
  : generateBundle({ ...common, reports, breaks: !values.clean })
const encodings = values.encoding === 'both' ? ['utf8', 'gb18030'] : [values.encoding]
for (const enc of encodings) {
  const dir = values.encoding === 'both' ? join(values.out, enc) : values.out
  mkdirSync(dir, { recursive: true })
  for (const [name, bytes] of Object.entries(encodeFiles(files, enc))) writeFileSync(join(dir, name), bytes)
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, encoding: enc }, null, 2) + '\n')
  console.log(`${dir}: ${manifest.counts.reports} reports, ${manifest.counts.units} units, ${manifest.breaks.length} deliberate breaks (${enc})`)
}
