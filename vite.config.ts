/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { sampleDbPlugin } from './scripts/sample-db-plugin'

/** Pure projects: importing the Node DuckDB fails loudly (tests that start DuckDB are *.db.test.ts). */
const NO_DUCKDB = [{ find: /^.*\/src\/db\/duckdb-node(\.ts)?$/, replacement: new URL('./tests/helpers/no-duckdb.ts', import.meta.url).pathname }]

// base './' so that dist/ can be served from any sub-path of any static server.
export default defineConfig({
  base: './',
  plugins: [vue(), sampleDbPlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // What the first paint needs ('$initial': statically imported from the entry) in three chunks — Vue and its
        // router/i18n, the other libraries (Element Plus…), the app — instead of ~40 small shared chunks (each a
        // request and a module record) or one 560 KB file (compiled on one background thread; three compile in parallel).
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/, tags: ['$initial'], priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
            { name: 'shell', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  test: {
    // unit: pure tests (no DuckDB), the edit loop (`npm run test:unit`). db: tests that start DuckDB, named
    // *.db.test.ts, one engine per worker (tests/helpers/engine.ts; isolate: false keeps it across files).
    // hostile/fuzz: the hostile corpus and property tests without DuckDB. browser: Chromium over dist/.
    projects: [
      {
        extends: true,
        resolve: { alias: NO_DUCKDB },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['**/*.db.test.ts'],
          environment: 'node',
          // One worker keeps its modules across files: re-importing pdf.js, ECharts… and forking a process per file
          // was two thirds of the project's time (122 s → 42 s in one loaded run); files pass in shuffled orders too.
          isolate: false,
          // a bound against a hang only: a 30 s bound failed the report importer's damage test at load 25 (8 s alone)
          testTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['tests/**/*.db.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        resolve: { alias: NO_DUCKDB },
        test: {
          name: 'hostile',
          include: ['tests/hostile/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          exclude: ['**/*.db.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Tests wait for app states (data-state="ready", report counts…), never for a guessed duration; these
          // bounds only end a hung test (a busy 2-core CI machine made a 120 s bound fail a passing test).
          testTimeout: 900_000,
          hookTimeout: 900_000,
          // expect.poll's own default is 1 s, a guess for a quiet machine: a review mark saved while a CI run had the
          // cores took longer and failed quality.test.ts. Polls end when the state is reached; this is WORK_BOUND.
          expect: { poll: { timeout: 600_000 } },
          globalSetup: ['tests/browser/global-setup.ts'],
          fileParallelism: false,
          // one worker keeps its imports (playwright-core, the generators, fflate…) across files: 6.2 → 1.8 s of
          // imports over 4 files; every file closes its own browsers (afterAll), so nothing carries over
          isolate: false,
        },
      },
    ],
  },
})
