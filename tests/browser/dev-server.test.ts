/**
 * The README's first command: `npm run dev` serves the app and the first visit loads the sample.
 * Runs the same Vite dev server (on 127.0.0.1, a free port) and checks the load summary.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { bundleFacts } from './bundle-facts'
import { assertPrivate, openSession, sampleReportsCsv, waitForReports, type Session, WORK_BOUND } from './helpers'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
let vite: ChildProcess | undefined
let url = ''
let s: Session

async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok))
  const { port } = srv.address() as { port: number }
  await new Promise<void>((ok) => srv.close(() => ok()))
  return port
}

beforeAll(async () => {
  const port = await freePort()
  url = `http://127.0.0.1:${port}/`
  vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`vite dev server did not start:\n${log}`)), WORK_BOUND)
    const onData = (b: Buffer) => {
      log += b.toString()
      if (log.includes(String(port))) { clearTimeout(timer); ok() }
    }
    vite!.stdout!.on('data', onData)
    vite!.stderr!.on('data', (b: Buffer) => { log += b.toString() })
    vite!.once('exit', (code) => { clearTimeout(timer); fail(new Error(`vite exited with ${code}:\n${log}`)) })
  })
  s = await openSession()
})

afterAll(async () => {
  await s?.close()
  if (vite && vite.exitCode === null) {
    vite.kill('SIGTERM') // only the child this test started
    await new Promise((ok) => vite!.once('exit', ok))
  }
})

test('npm run dev: first visit loads the sample bundle', async () => {
  const facts = bundleFacts(sampleReportsCsv())
  await s.page.goto(url)
  const summary = await waitForReports(s.page, facts.reportCount)
  expect(summary.reports).toBe(facts.reportCount)
  expect(await s.page.getAttribute('[data-testid="load-summary"]', 'data-sample')).toBe('true')
  assertPrivate(s)
})