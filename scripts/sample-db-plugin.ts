/**
 * Vite plugin: the pre-built sample (scripts/sample-db.ts) as build assets under `sample-db/`, and served by the dev
 * server at the same path (built on the first request). Run through Vite's module runner, like scripts/import.mjs,
 * so Node needs no TypeScript loader. Not under vitest (unit tests never fetch it).
 */
import { resolve } from 'node:path'
import { runnerImport, type Plugin } from 'vite'

type Built = Record<string, Uint8Array>

function build(root: string): Promise<Built> {
  return runnerImport<{ buildSampleDb(root: string): Promise<Built> }>(resolve(root, 'scripts/sample-db.ts'), { root, configFile: false, logLevel: 'error' })
    .then(({ module }) => module.buildSampleDb(root))
}

export function sampleDbPlugin(): Plugin {
  let root = process.cwd()
  let dev: Promise<Built> | null = null
  return {
    name: 'gdd-sample-db',
    configResolved(c) { root = c.root },
    configureServer(server) {
      if (process.env.VITEST) return
      server.middlewares.use('/sample-db/', (req, res, next) => {
        dev ??= build(root)
        const name = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0])
        dev.then((files) => {
          const bytes = files[name]
          if (!bytes) { next(); return }
          res.setHeader('content-type', name.endsWith('.json') ? 'application/json' : 'application/octet-stream')
          res.end(Buffer.from(bytes))
        }, (e: unknown) => { dev = null; next(e) })
      })
    },
    async generateBundle() {
      if (process.env.VITEST) return
      const files = await build(root)
      for (const [name, source] of Object.entries(files)) this.emitFile({ type: 'asset', fileName: `sample-db/${name}`, source })
    },
  }
}
