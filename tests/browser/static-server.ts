/**
 * A tiny static file server for dist/ on 127.0.0.1, mounted under a sub-path to prove that the
 * build (vite base './') works anywhere. MIME types matter: a .wasm served without
 * application/wasm makes DuckDB's instantiate() hang.
 */
import { createServer, type Server } from 'node:http'
import { createReadStream, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.duckdb': 'application/octet-stream',
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/sub/app/ */
  url: string
  /** Every path requested, in order (what the server saw; the browser-side recorder sees more). */
  served: string[]
  /** Body bytes sent per path (full responses and ranges), for "how much of a file was read". */
  bytesSent: Map<string, number>
  close(): Promise<void>
}

/** A single `bytes=a-b` / `bytes=a-` / `bytes=-n` range within `size` (null: none or unsatisfiable). */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'bad' | null {
  if (!header) return null
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return 'bad'
  let start: number, end: number
  if (m[1] === '') { start = Math.max(0, size - Number(m[2])); end = size - 1 } // suffix: the last n bytes
  else { start = Number(m[1]); end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1) }
  return start > end || start >= size ? 'bad' : { start, end }
}

/**
 * `headers`: sent with every response (e.g. the deployment headers of the README). `files`: extra files served
 * under the mount (relative path → file on disk), e.g. a published database next to a built dist/.
 * Single HTTP Range requests are answered with 206 (DuckDB-WASM reads a published database by range).
 */
export async function startStaticServer(rootDir: string, mount = '/', opts: { headers?: Record<string, string>; files?: Record<string, string> } = {}): Promise<StaticServer> {
  const root = resolve(rootDir)
  const served: string[] = []
  const bytesSent = new Map<string, number>()
  const count = (path: string, n: number): void => { bytesSent.set(path, (bytesSent.get(path) ?? 0) + n) }
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    served.push(path)
    if (!path.startsWith(mount)) { res.writeHead(404).end('not found'); return }
    let rel = path.slice(mount.length)
    if (rel === '' || rel.endsWith('/')) rel += 'index.html'
    const extra = opts.files && Object.hasOwn(opts.files, rel) ? resolve(opts.files[rel]) : null
    const file = extra ?? normalize(join(root, rel))
    // Never serve outside dist/ (except the extra files named by the test).
    if (!extra && file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end('forbidden'); return }
    let size: number
    try {
      const st = statSync(file)
      if (!st.isFile()) throw new Error('not a file')
      size = st.size
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
    const range = parseRange(req.headers.range, size)
    if (range === 'bad') {
      res.writeHead(416, { 'content-range': `bytes */${size}`, ...opts.headers }).end()
      return
    }
    // As a deployment should: assets/ names carry a content hash (vite), so a browser keeps them; everything else
    // (index.html, the shipped sample, published databases) is asked again. A reload in a test then reads DuckDB's
    // 34 MB .wasm from the browser's cache, as a supervisor's reload does, not through this server every time.
    const cache = rel.startsWith('assets/') && !extra ? 'public, max-age=31536000, immutable' : 'no-store'
    const common = { 'content-type': type, 'cache-control': cache, 'accept-ranges': 'bytes', ...opts.headers }
    if (range) res.writeHead(206, { ...common, 'content-length': range.end - range.start + 1, 'content-range': `bytes ${range.start}-${range.end}/${size}` })
    else res.writeHead(200, { ...common, 'content-length': size })
    if (req.method === 'HEAD') { res.end(); return }
    // GDD_RANGE_LOG=1: print each response (path, range, bytes), to see what a published database's view reads.
    if (process.env.GDD_RANGE_LOG) console.log('[range]', path, req.headers.range ?? 'full', range ? range.end - range.start + 1 : size)
    const stream = range ? createReadStream(file, { start: range.start, end: range.end }) : createReadStream(file)
    stream.on('data', (chunk) => count(path, chunk.length))
    stream.pipe(res)
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok()) // port 0: a free port chosen by the OS
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    served,
    bytesSent,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()) }),
  }
}
