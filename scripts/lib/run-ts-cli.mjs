// Runs a TypeScript CLI module of this repo through Vite's module runner, so Node needs no TypeScript loader of its
// own: the module exports parseArgs(argv) → options or an error text, and `run` (its name given) → exit code.
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

export async function runTsCli(file, run) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
  const { module: cli } = await runnerImport(resolve(root, file), { root, configFile: false, logLevel: 'error' })
  const opts = cli.parseArgs(process.argv.slice(2))
  if (typeof opts === 'string') {
    console.error(opts)
    process.exit(2)
  }
  process.exit(await cli[run](opts))
}
