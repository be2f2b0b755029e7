/**
 * The functions of a chart option, kept across a JSON round trip (the briefing pack in localStorage).
 *
 * Formatters are closures over the view's data and language (`…%`, "—" for an
 * undefined ratio), so they cannot be stored. What an export needs from them is only what they
 * returned while the chart was drawn at its export size: that is recorded when the chart enters the
 * pack (every function wrapped, the chart drawn offscreen once, each call's result kept by its
 * input), plus every category of a category axis. After a reload the recorded answers come back as
 * lookup functions and the export is the same as before the reload. Named module-level functions
 * (custom series' renderItem) are restored by name instead: they depend on the layout, not on data.
 * Which functions those are is not known here: each figure family declares its own (its FigureDef's
 * `exportFunctions`) and the caller passes them all (`exportFunctions` of src/figures).
 */
import type { EChartsOption } from 'echarts'
import { isObj, type Obj } from '../charts/optionParts'

type Fn = (...args: unknown[]) => unknown

/** Module-level functions restored by name (name → function), as the figure families declare them. */
export type NamedFunctions = Readonly<Record<string, (...args: never[]) => unknown>>

/** What replaces one function of the option: a known function by name, or its recorded answers. */
type StoredFunction =
  | { named: string }
  | { answers: Record<string, unknown> }

/** Path ("series.1.label.formatter") → stored function. JSON-safe. */
export type StoredFunctions = Record<string, StoredFunction>

/** The key of one call: a data item (params object) or a value (axis label, legend name). */
export function callKey(args: readonly unknown[]): string {
  const a = args[0]
  if (isObj(a)) {
    if (typeof a.dataIndex === 'number') return `d:${a.dataIndex}`
    if (typeof a.name === 'string') return `n:${a.name}`
    return 'o'
  }
  return `v:${String(a)}`
}

/** Answers are kept only when they survive JSON (strings, numbers, booleans, plain data). */
function storable(v: unknown): boolean {
  if (v == null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return true
  try { return JSON.stringify(v) !== undefined && !/"__proto__"/.test(JSON.stringify(v)) } catch { return false }
}

const SKIP = new Set(['tooltip']) // never drawn in an export

/** Depth-first over plain objects/arrays: every function with its path. */
function eachFunction(v: unknown, path: string[], cb: (path: string[], f: Fn) => void, depth = 0): void {
  if (depth > 12) return
  if (typeof v === 'function') { cb(path, v as Fn); return }
  if (Array.isArray(v)) { v.forEach((x, i) => eachFunction(x, [...path, String(i)], cb, depth + 1)); return }
  if (!isObj(v)) return
  for (const [k, x] of Object.entries(v)) {
    if (SKIP.has(k)) continue
    eachFunction(x, [...path, k], cb, depth + 1)
  }
}

/** A copy of `v` with the function at each path replaced (structure shared where untouched). */
function replaceAt(v: unknown, repl: Map<string, Fn>, path: string[] = []): unknown {
  if (typeof v === 'function') return repl.get(path.join('.')) ?? v
  if (Array.isArray(v)) {
    const key = path.join('.')
    if (![...repl.keys()].some((p) => p === key || p.startsWith(key ? `${key}.` : ''))) return v
    return v.map((x, i) => replaceAt(x, repl, [...path, String(i)]))
  }
  if (!isObj(v)) return v
  const key = path.join('.')
  if (key && ![...repl.keys()].some((p) => p.startsWith(`${key}.`))) return v
  const out: Obj = {}
  for (const [k, x] of Object.entries(v)) out[k] = replaceAt(x, repl, [...path, k])
  return out
}

/** Walk a path in a plain value. */
function at(v: unknown, path: string[]): unknown {
  let cur = v
  for (const p of path) {
    if (Array.isArray(cur)) cur = cur[Number(p)]
    else if (isObj(cur)) cur = cur[p]
    else return undefined
  }
  return cur
}

export interface Recorder {
  /** The option with every function wrapped (draw it once, at the export size). */
  option: EChartsOption
  /** What was learned; call after drawing. */
  result(): StoredFunctions
}

/**
 * Wrap every function of `option` so that drawing it records each call's answer by its input.
 * Category axis formatters are also asked about every category up front (labels an automatic
 * interval skipped at one size may be shown at another).
 */
export function recordFunctions(option: EChartsOption, named: NamedFunctions): Recorder {
  const nameOf = new Map<unknown, string>(Object.entries(named).map(([k, f]) => [f, k]))
  const stored: StoredFunctions = {}
  const repl = new Map<string, Fn>()
  eachFunction(option, [], (path, f) => {
    const key = path.join('.')
    const name = nameOf.get(f)
    if (name) { stored[key] = { named: name }; return }
    const answers: Record<string, unknown> = {}
    stored[key] = { answers }
    const keep = (args: unknown[], r: unknown): void => {
      const k = callKey(args)
      if (!(k in answers) && storable(r)) answers[k] = r
    }
    // axis formatter (xAxis.0.axisLabel.formatter / yAxis.axisLabel.formatter): every category now
    const m = /^([xy]Axis)(\.\d+)?\.axisLabel\.formatter$/.exec(key)
    if (m) {
      const axis = at(option, path.slice(0, -2))
      if (isObj(axis) && axis.type === 'category' && Array.isArray(axis.data)) {
        axis.data.forEach((c, i) => {
          const v = isObj(c) ? c.value : c
          try { keep([String(v), i], f(String(v), i)) } catch { /* asked again while drawing */ }
        })
      }
    }
    repl.set(key, (...args: unknown[]) => {
      const r = f(...args)
      keep(args, r)
      return r
    })
  })
  return { option: replaceAt(option, repl) as EChartsOption, result: () => stored }
}

/** The function that answers as recorded; unknown inputs get ECharts' own default text. */
function answering(answers: Record<string, unknown>): Fn {
  return (...args: unknown[]) => {
    const k = callKey(args)
    if (k in answers) return answers[k]
    const a = args[0]
    if (isObj(a)) return a.value == null ? '' : Array.isArray(a.value) ? String(a.value[a.value.length - 1] ?? '') : String(a.value)
    return a == null ? '' : String(a)
  }
}

/** Put the functions back into a JSON snapshot of an option. */
export function restoreFunctions(option: EChartsOption, stored: StoredFunctions | undefined, named: NamedFunctions): EChartsOption {
  if (!stored || !Object.keys(stored).length) return option
  const repl = new Map<string, Fn>()
  for (const [path, s] of Object.entries(stored)) {
    if ('named' in s) { const f = Object.hasOwn(named, s.named) ? named[s.named] : undefined; if (f) repl.set(path, f as Fn) } else if (s.answers) repl.set(path, answering(s.answers))
  }
  // Paths whose function was dropped by JSON have no value now: set them in a copy.
  const copy = JSON.parse(JSON.stringify(option)) as Obj
  for (const [path, f] of repl) {
    const parts = path.split('.')
    let cur: unknown = copy
    for (let i = 0; i < parts.length - 1; i++) {
      const p = parts[i]
      const next: unknown = Array.isArray(cur) ? cur[Number(p)] : isObj(cur) ? cur[p] : undefined
      if (next === undefined || next === null) { cur = undefined; break }
      cur = next
    }
    const last = parts[parts.length - 1]
    if (Array.isArray(cur)) cur[Number(last)] = f
    else if (isObj(cur)) cur[last] = f
  }
  return copy as EChartsOption
}
