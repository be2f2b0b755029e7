#!/usr/bin/env node
// Runs scripts/lib/summarise-cli.ts (the app's own ingest, load, rebuild and rules code on native DuckDB) through Vite's
// module runner, so Node needs no TypeScript loader of its own. Usage:
//   npm run summarise -- INPUT... --out FILE.duckdb [--jobs N]
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { module: cli } = await runnerImport(resolve(root, 'scripts/lib/summarise-cli.ts'), { root, configFile: false, logLevel: 'error' })
const opts = cli.parseArgs(process.argv.slice(2))
if (typeof opts === 'string') {
  console.error(opts)
  process.exit(2)
}
process.exit(await cli.runSummarise(opts))
