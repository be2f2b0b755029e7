/**
 * Label normalisation: headers and row labels may be written as English keys or Chinese labels,
 * with full-/half-width punctuation, spaces and the form's ordinal prefixes (三（三）1.、（一）、1.).
 * Two spellings of one label normalise to the same string.
 */

const CN_NUM = '一二三四五六七八九十'
const PREFIXES: readonly RegExp[] = [
  new RegExp(`^[${CN_NUM}]+(?:[、.]|(?=\\())`), // 三、 / 三（…
  new RegExp(`^\\((?:[${CN_NUM}]+|\\d+)\\)`), // （三） after NFKC → (三)
  /^\d+(?:[.、](?!\d)|(?=\())/, // 1. / 1、  (not 1.5)
]
// Invisible characters that survive copy-paste from Word/web pages.
const INVISIBLE = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g
// Punctuation ignored when comparing labels (after NFKC).
const PUNCT = /[()\[\]{}"'“”‘’「」『』《》<>:;,.、，。；：!！?？·•\-_/\\|—–－~～]/g

export function normaliseLabel(raw: string): string {
  let s = raw.normalize('NFKC').replace(INVISIBLE, '').toLowerCase()
  for (let changed = true; changed; ) {
    changed = false
    for (const p of PREFIXES) {
      const next = s.replace(p, '')
      if (next !== s && next.length > 0) { s = next; changed = true }
    }
  }
  return s.replace(PUNCT, '')
}
