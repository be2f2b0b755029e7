/** Reading an ECharts option's parts, where a key holds one object or a list of them (`yAxis`, `series`…). */
export type Obj = Record<string, unknown>

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A key's value as a list: one part, a list of parts, or none. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v])
