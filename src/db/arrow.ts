/** Arrow results → plain JS rows: BigInt → number, Decimal/HUGEINT objects → number, dates → ISO text. */
import type { Row } from './types'

/** The slice of an Arrow table we use; keeps this module free of Arrow's heavy generics. */
export interface ArrowLike {
  toArray(): unknown[]
  schema: { fields: { name: string }[] }
}

export function plainValue(v: unknown): unknown {
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
  const out: T[] = []
  for (const rec of table.toArray()) {
    const r = rec as Record<string, unknown>
    const o: Row = {}
    for (const n of names) o[n] = plainValue(r[n])
    out.push(o as T)
  }
  return out
}
