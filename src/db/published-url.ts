/**
 * Which published database (`?db=<relative path>.duckdb`) the page asks to open, checked before anything is
 * fetched: only a `.duckdb` file on the page's own origin. A URL of another origin would be refused by the
 * page's CSP (connect-src 'self') anyway; refusing it here says why, in words a supervisor understands.
 */
export const DB_PARAM = 'db'

export class PublishedUrlRefused extends Error {
  constructor(readonly given: string, why: string) {
    super(`无法打开数据库“${given}”：${why}。只能打开本网站发布的 .duckdb 文件，例如 ?db=data/province.duckdb`)
    this.name = 'PublishedUrlRefused'
  }
}

/** The absolute URL of the published file named by `given` (relative to `pageUrl`), or a PublishedUrlRefused. */
export function resolvePublishedUrl(given: string, pageUrl: string): string {
  const g = given.trim()
  if (!g) throw new PublishedUrlRefused(given, '地址为空')
  if (/^[a-z][a-z0-9+.-]*:/i.test(g) || g.startsWith('//') || g.startsWith('\\')) throw new PublishedUrlRefused(given, '只接受本网站内的相对路径，不接受带协议或其他网站的地址')
  let url: URL
  try { url = new URL(g, pageUrl) } catch { throw new PublishedUrlRefused(given, '地址无法解析') }
  const page = new URL(pageUrl)
  if (url.origin !== page.origin) throw new PublishedUrlRefused(given, '它不在本网站上')
  if (!/\.duckdb$/i.test(url.pathname)) throw new PublishedUrlRefused(given, '文件名须以 .duckdb 结尾')
  url.hash = ''
  return url.href
}

/** The `?db=` of a page URL (null when absent). */
export function publishedParam(pageUrl: string): string | null {
  return new URL(pageUrl).searchParams.get(DB_PARAM)
}

/** What the deployment publishes (`databases.json` next to index.html): file paths with optional labels. */
export interface PublishedEntry { path: string; label?: string; reports?: number; bytes?: number }

/** The manifest's entries that are openable (.duckdb, same origin); anything else in it is ignored. */
export function parseDatabaseList(json: unknown, pageUrl: string): PublishedEntry[] {
  const list = Array.isArray(json) ? json : (json as { databases?: unknown } | null)?.databases
  if (!Array.isArray(list)) return []
  const out: PublishedEntry[] = []
  for (const e of list) {
    const entry = typeof e === 'string' ? { path: e } : (e as PublishedEntry | null)
    if (!entry || typeof entry.path !== 'string') continue
    try { resolvePublishedUrl(entry.path, pageUrl) } catch { continue }
    out.push({ path: entry.path, label: typeof entry.label === 'string' ? entry.label : undefined,
      reports: typeof entry.reports === 'number' ? entry.reports : undefined, bytes: typeof entry.bytes === 'number' ? entry.bytes : undefined })
  }
  return out
}
