/** A static server for the benchmark: mounts folders on 127.0.0.1 with correct MIME types (.wasm!). */
import { createServer } from 'node:http'
import { createReadStream, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' }

/** mounts: { '/app/': dir, ... } → { url, close() } */
export function startServer(mounts) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const mount = Object.keys(mounts).find((m) => path.startsWith(m))
    if (!mount) { res.writeHead(404).end(); return }
    const root = resolve(mounts[mount])
    let rel = path.slice(mount.length)
    if (rel === '' || rel.endsWith('/')) rel += 'index.html'
    const file = normalize(join(root, rel))
    if (!file.startsWith(root + sep)) { res.writeHead(403).end(); return }
    try {
      const st = statSync(file)
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': st.size })
      createReadStream(file).pipe(res)
    } catch { res.writeHead(404).end() }
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(() => done())),
  })))
}
