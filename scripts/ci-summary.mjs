#!/usr/bin/env node
// Reads vitest's JSON report and prints the totals as ONE line, "N passed, M failed", which CI
// reads (vitest's own summary is not). Exit 1 when anything failed or the report is missing.
//   node scripts/ci-summary.mjs tests/.tmp/vitest.json [--extra-failed K]
import { existsSync, readFileSync } from 'node:fs'

const [file = 'tests/.tmp/vitest.json', ...rest] = process.argv.slice(2)
const extraIdx = rest.indexOf('--extra-failed')
const extraFailed = extraIdx >= 0 ? Number(rest[extraIdx + 1]) || 0 : 0

let passed = 0
let failed = extraFailed
let skipped = 0
if (!existsSync(file)) {
  console.error(`ci-summary: ${file} not found (vitest did not finish)`)
  failed += 1
} else {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  for (const suite of report.testResults ?? []) {
    const tests = suite.assertionResults ?? []
    for (const t of tests) {
      if (t.status === 'passed') passed++
      else if (t.status === 'failed') failed++
      else skipped++
    }
    // A file that failed to load or whose hooks failed: count it even if no test ran.
    if (suite.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      console.error(`ci-summary: ${suite.name}: ${String(suite.message ?? 'suite failed').split('\n')[0]}`)
      failed++
    }
  }
  if ((report.numTotalTests ?? 0) === 0 && passed === 0) {
    console.error('ci-summary: vitest ran no test')
    failed++
  }
}
if (skipped) console.error(`ci-summary: ${skipped} skipped or todo`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
