/**
 * Text made readable before any label is matched, line for line (line numbers never move, so the
 * review shows the original text at the same lines):
 *  - traditional characters → simplified (opencc-js, the maintained OpenCC dictionaries), only when
 *    the page is written in traditional characters;
 *  - inline pinyin glosses some mirrors print after characters (數(shù)據(jù) → 数据) dropped.
 */
import { Converter } from 'opencc-js/t2cn'
import type { SrcLine } from './types'

let toSimplified: ((s: string) => string) | null = null
const convert = (s: string): string => (toSimplified ??= Converter({ from: 't', to: 'cn' }))(s)

// A CJK character followed by a parenthesised pinyin syllable (letters, tone marks, ü).
const GLOSS = /([\u3400-\u9fff])[（(]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7})[)）]/g
const CJK = /[\u3400-\u9fff]/g

/** Whether the text is written in traditional characters (enough of them change under t→cn). */
function isTraditional(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text
  const cjk = sample.match(CJK)?.length ?? 0
  if (cjk < 10) return false
  const after = convert(sample)
  let changed = 0
  for (let i = 0; i < sample.length && i < after.length; i++) if (sample[i] !== after[i]) changed++
  return changed >= 5 && changed >= cjk * 0.02
}

export interface Readable { lines: SrcLine[]; traditional: boolean; glosses: number }

function dropGlosses(s: string): { text: string; n: number } {
  let n = 0
  const text = s.replace(GLOSS, (_, c: string) => { n++; return c })
  return { text, n }
}

/** The lines with traditional characters converted and pinyin glosses dropped (cells too). */
export function readableLines(lines: readonly SrcLine[]): Readable {
  const all = lines.map((l) => l.text).join('\n')
  const traditional = isTraditional(all)
  let glosses = 0
  const fix = (s: string): string => {
    const g = dropGlosses(s)
    glosses += g.n
    return traditional ? convert(g.text) : g.text
  }
  if (!traditional && !GLOSS.test(all)) return { lines: [...lines], traditional, glosses }
  GLOSS.lastIndex = 0
  const out = lines.map((l) => ({ ...l, text: fix(l.text), ...(l.cells ? { cells: l.cells.map((c) => ({ ...c, text: fix(c.text) })) } : {}) }))
  return { lines: out, traditional, glosses }
}
