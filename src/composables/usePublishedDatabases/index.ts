/**
 * usePublishedDatabases — the `.duckdb` files this deployment publishes (databases.json next to index.html) and the
 * link that opens one (`?db=`: the engine attaches it at start-up, before its lock: src/db/duckdb-browser.ts).
 */
import { ref, type Ref } from 'vue'
import { DB_PARAM, parseDatabaseList, type PublishedEntry } from '../../db/published-url'


/** null: listed; otherwise why nothing is listed. */
type PublishedProblem = 'none' | 'missing' | 'empty' | 'loading' | null

export interface UsePublishedDatabasesReturn {
  list: Ref<PublishedEntry[] | null>
  problem: Ref<PublishedProblem>
  load(): Promise<void>
  /** Same page, same route, with this database. */
  hrefFor(path: string): string
}

export function usePublishedDatabases(): UsePublishedDatabasesReturn {
  const list = ref<PublishedEntry[] | null>(null)
  const problem = ref<PublishedProblem>('none')
  async function load(): Promise<void> {
    problem.value = 'loading'
    try {
      const res = await fetch(new URL('databases.json', document.baseURI), { cache: 'no-store' })
      if (!res.ok) { problem.value = 'missing'; return }
      list.value = parseDatabaseList(await res.json(), location.href)
      problem.value = list.value.length ? null : 'empty'
    } catch {
      problem.value = 'missing'
    }
  }
  function hrefFor(path: string): string {
    const u = new URL(location.href)
    u.searchParams.set(DB_PARAM, path)
    return u.href
  }
  return { list, problem, load, hrefFor }
}
