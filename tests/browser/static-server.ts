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
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/sub/app/ */
  url: string
  /** Every path requested, in order (what the server saw; the browser-side recorder sees more). */
  served: string[]
  close(): Promise<void>
}

/** `headers`: sent with every response (e.g. the deployment headers of the README). */
export async function startStaticServer(rootDir: string, mount = '/', opts: { headers?: Record<string, string> } = {}): Promise<StaticServer> {
  const root = resolve(rootDir)
  const served: string[] = []
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    served.push(path)
    if (!path.startsWith(mount)) { res.writeHead(404).end('not found'); return }
    let rel = path.slice(mount.length)
    if (rel === '' || rel.endsWith('/')) rel += 'index.html'
    const file = normalize(join(root, rel))
    // Never serve outside dist/.
    if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end('forbidden'); return }
    let size: number
    try {
      const st = statSync(file)
      if (!st.isFile()) throw new Error('not a file')
      size = st.size
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
      ...opts.headers,
    })
    if (req.method === 'HEAD') { res.end(); return }
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok()) // port 0: a free port chosen by the OS
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    served,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()) }),
  }
}
