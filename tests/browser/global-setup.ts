/**
 * Browser-test global setup: make sure dist/ is a build of the current sources, serve it on
 * 127.0.0.1 under a sub-path, and hand the URL to the tests (`inject('baseUrl')`).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { startStaticServer } from './static-server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** Where the browsers kept across files (tests/browser/helpers.ts) have their profiles; removed after the run. */
    keptProfiles: string
  }
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
const DIST = join(ROOT, 'dist')
/** Everything the build reads; dist/ older than any of these is rebuilt. */
const INPUTS = ['src', 'public', 'data/sample', 'index.html', 'vite.config.ts', 'package.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)))
  return newest
}

function ensureBuild(): void {
  const index = join(DIST, 'index.html')
  const built = existsSync(index) ? statSync(index).mtimeMs : 0
  const sources = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))))
  if (built >= sources && process.env.FORCE_BUILD !== '1') return
  console.log(`[browser tests] dist/ is ${built ? 'older than the sources' : 'missing'}: vite build`)
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' })
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // GDD_DIST serves an already built copy elsewhere (no build), e.g. to try the infrastructure.
  const dist = process.env.GDD_DIST ? resolve(process.env.GDD_DIST) : (ensureBuild(), DIST)
  // A sub-path, not '/': the app must work from any folder of any static server.
  const server = await startStaticServer(dist, '/gov-disclosure/app/')
  project.provide('baseUrl', server.url)
  // the kept browsers live until the test worker exits, after every file's afterAll: their profiles go here, at the end
  const keptProfiles = mkdtempSync(join(tmpdir(), 'gdd-kept-'))
  project.provide('keptProfiles', keptProfiles)
  return async () => {
    await server.close()
    rmSync(keptProfiles, { recursive: true, force: true, maxRetries: 5 })
  }
}
