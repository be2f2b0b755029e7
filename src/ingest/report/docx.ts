/**
 * .docx → the HTML that htmlToLines reads. A docx is a zip holding word/document.xml: paragraphs
 * (w:p) become <p>, tables (w:tbl/w:tr/w:tc) become <table>, w:gridSpan becomes colspan and a
 * vertically merged continuation cell (w:vMerge without restart) is dropped, like a cell covered
 * by a rowspan. One paragraph or row per output line, so issue lines count paragraphs/rows.
 */
import { strFromU8, unzipSync } from 'fflate'
import { checkDocxBudget } from '../budget'

const text = (xml: string): string =>
  [...xml.replace(/<w:tab\/>/g, '<w:t> </w:t>').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')

function docxXmlToHtml(xml: string): string {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml
  return body
    .replace(/<w:tc\b[^>]*>([\s\S]*?)<\/w:tc>/g, (_, inner: string) => {
      const merge = /<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/.exec(inner)
      if (merge && merge[1] !== 'restart') return ''
      const span = /<w:gridSpan\s+w:val="(\d+)"/.exec(inner)?.[1]
      const cellText = [...inner.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => text(p[0])).join('')
      return `<td${span ? ` colspan="${span}"` : ''}>${cellText}</td>`
    })
    .replace(/<w:p\b[^>]*\/>/g, '\n')
    .replace(/<w:p\b[\s\S]*?<\/w:p>/g, (p) => `<p>${text(p)}</p>\n`)
    .replace(/<w:tbl>/g, '<table>\n').replace(/<\/w:tbl>/g, '</table>\n')
    .replace(/<w:tr\b[^>]*>/g, '<tr>').replace(/<\/w:tr>/g, '</tr>\n')
    .replace(/<\/?w:[^>]*>/g, '')
    .replace(/\n{2,}/g, '\n')
}

/** The HTML of a .docx file, or null when it is not a Word document. */
export function docxToHtml(bytes: Uint8Array): string | null {
  checkDocxBudget(bytes) // throws BudgetExceeded (size, elements, depth) before anything is inflated whole
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })
  } catch {
    return null
  }
  const doc = files['word/document.xml']
  return doc ? docxXmlToHtml(strFromU8(doc)) : null
}
