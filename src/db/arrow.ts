/** Arrow results → plain JS rows: BigInt → number, Decimal/HUGEINT objects → number, dates → ISO text. */
import type { Row } from './types'

/** The slice of an Arrow table we use; keeps this module free of Arrow's heavy generics. */
export interface ArrowLike {
  toArray(): unknown[]
  schema: { fields: { name: string }[] }
  numRows: number
  getChildAt(i: number): Iterable<unknown> | null
}

function plainValue(v: unknown): unknown {
  if (v == null) return null
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v
  if (v instanceof Date) return v.toISOString()
  if (v instanceof Uint8Array) return v
  // Arrow Decimal/HUGEINT values come as objects with a numeric primitive; SQL casts to DOUBLE
  // everywhere, this is only the safety net.
  const prim = (v as { [Symbol.toPrimitive]?: (hint: string) => unknown })[Symbol.toPrimitive]
  if (typeof prim === 'function') {
    const n = prim.call(v, 'number')
    if (typeof n === 'number' || typeof n === 'bigint') return Number(n)
  }
  if (Array.isArray(v)) return v.map(plainValue)
  const toArray = (v as { toArray?: () => unknown[] }).toArray
  if (typeof toArray === 'function') return Array.from(toArray.call(v), plainValue)
  const toJSON = (v as { toJSON?: () => unknown }).toJSON
  if (typeof toJSON === 'function') return toJSON.call(v)
  return v
}

export function arrowToRows<T extends Row>(table: ArrowLike): T[] {
  const names = table.schema.fields.map((f) => f.name)
  const n = table.numRows
  // Column by column: iterating a vector is several times faster than reading rows through
  // Arrow's StructRow proxies (toArray), which dominated large results.
  const cols = names.map((_, i) => {
    const out = new Array<unknown>(n)
    let j = 0
    for (const v of table.getChildAt(i) ?? []) out[j++] = plainValue(v)
    return out
  })
  const rows = new Array<T>(n)
  for (let j = 0; j < n; j++) {
    const o: Row = {}
    for (let i = 0; i < names.length; i++) o[names[i]] = cols[i][j]
    rows[j] = o as T
  }
  return rows
}
