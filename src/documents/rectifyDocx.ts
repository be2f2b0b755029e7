/**
 * The 整改清单: per unit, its report's problems in plain words, where each is (file, line, cell) and the correction
 * the rule implies. One unit per document, or every unit in one file (each unit on a new page).
 */
import type { FileChild } from 'docx'
import { bodyParagraph, headingParagraph, newDocument, packDocx, rightAligned, section, titleParagraph } from './docx'
import type { Translate } from './text'

interface RectifyItem {
  severity: 'error' | 'warning'
  rule: string
  /** The finding in plain words (the quality view's message). */
  text: string
  file: string | null
  /** Lines of the file the finding is on (one, or the rows of a rule over several cells). */
  lines: number[]
  /** The cell's column in words. */
  column: string | null
}
export interface RectifyUnit { unitCode: string; unitName: string; items: RectifyItem[] }

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
/** 一 … 九十九 (headings of the 一、 level). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUM[n - 1]
  if (n < 20) return `十${CN_NUM[n - 11]}`
  const t = Math.floor(n / 10); const u = n % 10
  return n < 100 ? `${CN_NUM[t - 1]}十${u ? CN_NUM[u - 1] : ''}` : String(n)
}

function whereText(it: Pick<RectifyItem, 'file' | 'lines' | 'column'>, tr: Translate): string {
  const parts: string[] = []
  if (it.file) parts.push(it.lines.length ? tr('documents.rectify.loc', { file: it.file, line: it.lines.join(tr('documents.w.sep')) }) : it.file)
  if (it.column) parts.push(tr('documents.rectify.col', { col: it.column }))
  return parts.join(tr('documents.w.whereSep'))
}

function fixText(rule: string, tr: Translate): string {
  const key = `documents.fix.${rule}`
  const s = tr(key)
  return s === key ? tr('documents.fix.other') : s
}

function rectifyChildren(units: RectifyUnit[], tr: Translate, locale: string): FileChild[] {
  const out: FileChild[] = []
  units.forEach((u, i) => {
    const heading = tr('documents.rectify.unitHeading', { n: locale === 'en' ? String(i + 1) : chineseNumber(i + 1), unit: u.unitName })
    out.push(headingParagraph(heading, 1, { pageBreakBefore: i > 0 }))
    out.push(bodyParagraph(tr('documents.rectify.intro')))
    if (!u.items.length) { out.push(bodyParagraph(tr('documents.rectify.none'))); return }
    let part = 0
    for (const sev of ['error', 'warning'] as const) {
      const items = u.items.filter((it) => it.severity === sev)
      if (!items.length) continue
      part++
      const n = locale === 'en' ? String(part) : chineseNumber(part)
      out.push(headingParagraph(tr(sev === 'error' ? 'documents.rectify.errors' : 'documents.rectify.warnings', { n }), 2))
      items.forEach((it, k) => {
        out.push(bodyParagraph(tr('documents.rectify.item', { n: k + 1, text: it.text })))
        const where = whereText(it, tr)
        if (where) out.push(bodyParagraph(tr('documents.rectify.where', { where })))
        out.push(bodyParagraph(tr('documents.rectify.fix', { fix: fixText(it.rule, tr) })))
      })
    }
  })
  return out
}

export async function buildRectifyDocx(input: { title: string; date: string; units: RectifyUnit[]; tr: Translate; locale: string }): Promise<Uint8Array> {
  const children: FileChild[] = [titleParagraph(input.title), ...rectifyChildren(input.units, input.tr, input.locale), rightAligned(input.date)]
  return packDocx(newDocument(input.title, [section(children)]))
}
