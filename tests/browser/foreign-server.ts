/**
 * A second local HTTP server on another port: another origin for the page. It answers everything with
 * 200, permissive CORS and a small CSV (so that nothing fails for lack of an answer), and counts every hit by
 * path. A test that expects no request to leave the app asserts its count stays 0.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ForeignServer {
  /** e.g. http://127.0.0.1:41235 */
  origin: string
  /** Every path requested, in order. */
  hits: string[]
  close(): Promise<void>
}

export async function startForeignServer(): Promise<ForeignServer> {
  const hits: string[] = []
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '/')
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-allow-methods': '*',
      'cross-origin-resource-policy': 'cross-origin',
    })
    res.end(req.method === 'HEAD' ? undefined : 'a,b\n1,2\n')
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()) }),
  }
}
