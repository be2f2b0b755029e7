/**
 * Text pieces of a drafted document: a paragraph is a list of segments, plain text or a number that carries its
 * key (stable across reloads, so a changed value can be marked), its value and its definition (shown on hover).
 * Templates come from vue-i18n (src/i18n/features/documents.ts): a placeholder is filled with a marker, then the
 * translated string is cut at the markers, so Chinese and English drafts come from the same template keys.
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string

export interface NumSeg {
  kind: 'num'
  /** Stable key, e.g. `active`, `lead:990101101000`. */
  key: string
  value: number | null
  text: string
  def: string
}
interface TextSeg { kind: 'text'; text: string }
export type Seg = NumSeg | TextSeg

/** level 1: 一、 heading; 2: （一） heading; 0: body text. */
export interface DraftParagraph { id: string; level: 0 | 1 | 2; segments: Seg[] }

const OPEN = '\u0001'
const CLOSE = '\u0002'

/** Fill template `key` with `vars` (segments, or plain strings), keeping number segments as they are. */
export function fill(tr: Translate, key: string, vars: Record<string, Seg | Seg[] | string> = {}): Seg[] {
  const markers = Object.fromEntries(Object.keys(vars).map((k) => [k, `${OPEN}${k}${CLOSE}`]))
  const s = tr(key, markers)
  const out: Seg[] = []
  const re = new RegExp(`${OPEN}(\\w+)${CLOSE}`, 'g')
  let last = 0
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ kind: 'text', text: s.slice(last, m.index) })
    const v = vars[m[1]]
    if (typeof v === 'string') out.push({ kind: 'text', text: v })
    else if (Array.isArray(v)) out.push(...v)
    else if (v) out.push(v)
    last = m.index + m[0].length
  }
  if (last < s.length) out.push({ kind: 'text', text: s.slice(last) })
  return merge(out)
}

/** Adjacent text segments joined (tidier DOM and XML). */
function merge(segs: Seg[]): Seg[] {
  const out: Seg[] = []
  for (const s of segs) {
    const prev = out[out.length - 1]
    if (s.kind === 'text' && prev?.kind === 'text') out[out.length - 1] = { kind: 'text', text: prev.text + s.text }
    else if (s.kind === 'num' || s.text) out.push(s)
  }
  return out
}

/** Segments joined with a separator (、 in Chinese lists). */
export function join(parts: Seg[][], sep: string): Seg[] {
  return parts.flatMap((p, i) => (i ? [{ kind: 'text', text: sep } as Seg, ...p] : p))
}

export const plainText = (segs: readonly Seg[]): string => segs.map((s) => s.text).join('')

export const numbersOf = (paras: readonly DraftParagraph[]): NumSeg[] =>
  paras.flatMap((p) => p.segments.filter((s): s is NumSeg => s.kind === 'num'))

/** Number formats of official writing: counts as whole numbers (no separators in Chinese), rates with one decimal. */
export function formatCount(v: number, locale: string): string {
  const r = Number.isInteger(v) ? v : Math.round(v * 10) / 10
  return locale === 'en' ? r.toLocaleString('en-US') : String(r)
}
export const formatOne = (v: number): string => (Math.round(Math.abs(v) * 10) / 10).toFixed(1)
