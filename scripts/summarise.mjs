#!/usr/bin/env node
// Runs scripts/lib/summarise-cli.ts (the app's own ingest, load, rebuild and rules code on native DuckDB). Usage:
//   npm run summarise -- INPUT... --out FILE.duckdb [--jobs N]
import { runTsCli } from './lib/run-ts-cli.mjs'

await runTsCli('scripts/lib/summarise-cli.ts', 'runSummarise')
