#!/usr/bin/env node
// Runs scripts/report-accuracy.ts through Vite's module runner (like scripts/import.mjs).
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { module: m } = await runnerImport(resolve(root, 'scripts/report-accuracy.ts'), { root, configFile: false, logLevel: 'error' })
process.exit(await m.main(process.argv.slice(2), root))
