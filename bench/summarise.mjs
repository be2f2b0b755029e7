#!/usr/bin/env node
/**
 * The native summariser's part of `npm run bench` (also alone: `node bench/summarise.mjs`):
 *   [--sizes 50000] [--threads 1] [--national] [--national-reports 1000000] [--provinces 20] [--jobs 2]
 * Per size: a generated province bundle (seed `bench`, 2019–2024, as the browser part) → `npm run summarise`,
 * wall time, CPU time (load-independent on a shared machine) and peak resident memory (the CLI writes its own and its parts' peak RSS into the
 * file's manifest). `--national` adds the national corpus (default 1M reports, 20 provinces, 2012–2024, one
 * process per province, `--jobs` at a time): minutes, so only on request. Results: bench/results/summarise-<date>.json
 * and the table in bench/README.md between the summarise markers.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { generateBundle } from '../scripts/lib/generate.mjs'
import { writeNational } from '../scripts/lib/national.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt }
const sizes = opt('sizes', '50000').split(',').filter(Boolean).map(Number)
const threads = opt('threads', '1')
const national = args.includes('--national')
const natReports = Number(opt('national-reports', '1000000'))
const provinces = Number(opt('provinces', '20'))
const jobs = opt('jobs', '2')
const dataDir = join(ROOT, 'bench', 'tmp')
mkdirSync(dataDir, { recursive: true })

/** Run the CLI; its wall time. */
function summarise(input, out, extra) {
  rmSync(out, { force: true })
  return new Promise((ok, fail) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(process.execPath, [join(ROOT, 'scripts/summarise.mjs'), input, '--out', out, ...extra], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`summarise exited ${code}`))
      ok({ wallMs: Number(process.hrtime.bigint() - t0) / 1e6 })
    })
  })
}

async function manifestOf(file) {
  const inst = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })
  const c = await inst.connect()
  const rows = (await c.runAndReadAll('SELECT key, value FROM manifest')).getRowObjectsJS()
  c.closeSync()
  inst.closeSync()
  return Object.fromEntries(rows.map((r) => [r.key, r.value]))
}

const runs = []
async function measure(label, input, inputBytes, extra) {
  const out = join(dataDir, `${label}.duckdb`)
  const r = await summarise(input, out, extra)
  const m = await manifestOf(out)
  const row = {
    label, reports: Number(m.reports), inputMb: inputBytes / 2 ** 20, fileMb: statSync(out).size / 2 ** 20, wallS: r.wallMs / 1000, cpuS: Number(m.cpu_s),
    peakMainMb: Number(m.peak_rss_mb_main), peakPartMb: Number(m.peak_rss_mb_parts), args: extra.join(' '), findings: Number(m.findings), engine: m.engine_version,
  }
  console.log(JSON.stringify(row))
  runs.push(row)
}

/** Bytes of the CSV files under a folder. */
const dirBytes = (dir) => {
  let n = 0
  const walk = (p) => { if (statSync(p).isDirectory()) for (const f of readdirSync(p)) walk(join(p, f)); else if (p.endsWith('.csv')) n += statSync(p).size }
  walk(dir)
  return n
}

for (const size of sizes) {
  const dir = join(dataDir, `sum-${size}`)
  if (!existsSync(join(dir, 'reports.csv'))) {
    mkdirSync(dir, { recursive: true })
    const b = generateBundle({ reports: size, years: [2019, 2024], seed: 'bench' })
    for (const [n, text] of Object.entries(b.files)) writeFileSync(join(dir, n), text)
  }
  await measure(`province-${size}`, dir, dirBytes(dir), ['--threads', threads])
}
if (national) {
  const dir = join(dataDir, `national-${natReports}-${provinces}`)
  if (!existsSync(join(dir, 'national.json'))) {
    const t0 = Date.now()
    writeNational({ out: dir, reports: natReports, provinces, years: [2012, 2024], seed: 'bench', breaks: true, labels: 'key', eol: '\n', encoding: 'utf8', log: console.log })
    console.log(`generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  }
  await measure(`national-${natReports}`, dir, dirBytes(dir), ['--jobs', jobs, '--threads', threads])
}

const date = new Date().toISOString()
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
// a second run on the same day gets its own file (-2, -3…): results are never overwritten
const resultsFile = (n) => join(ROOT, 'bench', 'results', `summarise-${date.slice(0, 10)}${n > 1 ? `-${n}` : ''}.json`)
let runNo = 1
while (existsSync(resultsFile(runNo))) runNo++
const file = resultsFile(runNo)
writeFileSync(file, JSON.stringify({ date, machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30) }, runs }, null, 2))
const f1 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1))
const table = [
  `Run ${date} on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB; engine ${runs[0]?.engine ?? '?'} (@duckdb/node-api). Wall time includes starting Node and Vite's module runner.`,
  '',
  '| input | reports | CSV | options | wall time (CPU time) | peak memory (main process / largest part process) | output file | findings |',
  '|---|---:|---:|---|---:|---:|---:|---:|',
  ...runs.map((r) => `| ${r.label} | ${r.reports.toLocaleString('en-US')} | ${f1(r.inputMb)} MB | \`${r.args}\` | ${f1(r.wallS)} s (${f1(r.cpuS)} s) | ${r.peakMainMb} MB / ${r.peakPartMb || '–'} MB | ${f1(r.fileMb)} MB | ${r.findings.toLocaleString('en-US')} |`),
].join('\n')
console.log('\n' + table)
const readme = join(ROOT, 'bench', 'README.md')
const prev = readFileSync(readme, 'utf8')
const [a, b] = ['<!-- summarise-results -->', '<!-- /summarise-results -->']
writeFileSync(readme, prev.includes(a) ? prev.slice(0, prev.indexOf(a)) + `${a}\n${table}\n${b}` + prev.slice(prev.indexOf(b) + b.length) : prev)
console.log(`\nresults: ${file}`)
