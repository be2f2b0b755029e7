/**
 * Saved answers (issue 19: the charts paint before DuckDB is up). When the data is loaded and the figures have
 * answered, the answers the coordinator keeps (statement key → rows; src/db/cache.ts queryKey), the loaded years and
 * units and the load summary are kept beside the saved database, in the same IndexedDB store (`gdd-snapshot/parts`,
 * record `answers`), tied to that database by its fingerprint. A start-up that finds them for exactly the saved
 * bundles and database paints from them; DuckDB takes over once the database is reopened.
 *
 * They can never be shown for other data: the record is written only while the manifest it names is the one in the
 * store (checked inside the writing transaction), a new save of the database empties the store (answers included),
 * and 清空数据 empties it too. The shipped sample's answers (scripts/sample-db.ts) use the same record shape.
 */
/** What a start-up paints from. `summary` is the load's summary as the dashboard keeps it (opaque here). */
export interface StartAnswers {
  summary: Record<string, unknown>
  years: number[]
  units: unknown[]
  /** Statement key → rows, most recently used first. */
  entries: [string, unknown[]][]
}

export interface SavedAnswers extends StartAnswers {
  /** The saved database these answers were computed from (`fingerprint` of its manifest, ./snapshot.ts). */
  fingerprint: string
}

/** Kept at most: the statements of a view or two, small answers (a by-unit figure of a province is too big). */
const ANSWERS_MAX_ENTRIES = 48
const ANSWERS_MAX_BYTES = 512 * 1024

/** The most recent answers that fit the caps (an answer that cannot be written as JSON is left out). */
export function capAnswers(entries: Iterable<[string, unknown[]]>, maxEntries = ANSWERS_MAX_ENTRIES, maxBytes = ANSWERS_MAX_BYTES): [string, unknown[]][] {
  const out: [string, unknown[]][] = []
  let bytes = 0
  for (const [key, rows] of entries) {
    if (out.length >= maxEntries) break
    let size: number
    try { size = key.length + JSON.stringify(rows).length } catch { continue }
    if (bytes + size > maxBytes) continue
    bytes += size
    out.push([key, rows])
  }
  return out
}

const isEntry = (e: unknown): e is [string, unknown[]] => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Array.isArray(e[1])

/** Checked shape (a record from storage or a shipped file is not trusted). */
export function isStartAnswers(v: unknown): v is StartAnswers {
  const a = v as StartAnswers
  return !!a && typeof a.summary === 'object' && a.summary != null && Array.isArray(a.years) && a.years.every((y) => typeof y === 'number') &&
    Array.isArray(a.units) && Array.isArray(a.entries) && a.entries.every(isEntry)
}
