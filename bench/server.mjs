/** A static server for the benchmark: mounts folders on 127.0.0.1 with correct MIME types (.wasm!). */
import { createServer } from 'node:http'
import { createReadStream, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' }

/**
 * mounts: { '/app/': dir, ... } → { url, close(), bytes(path) }; single Range requests get 206 (published databases).
 * `cacheAssets`: the build's content-hashed `assets/` are sent as immutable, as a real deployment caches them (a
 * returning visit then reads them, and V8's compiled wasm, from the browser's cache); otherwise nothing is cacheable.
 */
export function startServer(mounts, { cacheAssets = false } = {}) {
  const sent = new Map()
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
      const type = MIME[extname(file)] ?? 'application/octet-stream'
      const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
      const start = m ? Number(m[1]) : 0
      const end = m ? Math.min(m[2] ? Number(m[2]) : st.size - 1, st.size - 1) : st.size - 1
      if (m && start > end) { res.writeHead(416, { 'content-range': `bytes */${st.size}` }).end(); return }
      res.writeHead(m ? 206 : 200, { 'content-type': type, 'content-length': end - start + 1, 'accept-ranges': 'bytes',
        ...(m ? { 'content-range': `bytes ${start}-${end}/${st.size}` } : {}),
        ...(cacheAssets && rel.includes('assets/') ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}) })
      if (req.method === 'HEAD') { res.end(); return }
      const stream = createReadStream(file, { start, end })
      stream.on('data', (c) => sent.set(path, (sent.get(path) ?? 0) + c.length))
      stream.pipe(res)
    } catch { res.writeHead(404).end() }
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(() => done())),
    /** Body bytes sent for `path` so far. */
    bytes: (path) => sent.get(path) ?? 0,
  })))
}
