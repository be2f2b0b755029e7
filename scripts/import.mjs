#!/usr/bin/env node
// Runs scripts/import.ts (the same TypeScript parser the app uses) through Vite's module runner,
// so Node needs no TypeScript loader of its own. Usage: npm run import -- reports/* --out bundle/
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { module: cli } = await runnerImport(resolve(root, 'scripts/import.ts'), { root, configFile: false, logLevel: 'error' })
const opts = cli.parseArgs(process.argv.slice(2))
if (typeof opts === 'string') {
  console.error(opts)
  process.exit(2)
}
process.exit(await cli.runImport(opts))
