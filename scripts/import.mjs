#!/usr/bin/env node
// Runs scripts/import.ts (the same TypeScript parser the app uses). Usage: npm run import -- reports/* --out bundle/
import { runTsCli } from './lib/run-ts-cli.mjs'

await runTsCli('scripts/import.ts', 'runImport')
