/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// base './' so that dist/ can be served from any sub-path of any static server.
export default defineConfig({
  base: './',
  plugins: [vue()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          globalSetup: ['tests/browser/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
})
