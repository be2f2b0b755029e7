/**
 * The 情况通报 as a Word document: 文号, title, body (the draft's paragraphs, edited or not), the ranking table and
 * the chosen charts as pictures with captions, then the date. Pictures are PNGs drawn at least twice the pixels
 * of the size they are shown at (sharp when printed or zoomed).
 */
import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx'
import { FONTS, SIZE, TEXT_WIDTH_PX, bodyParagraph, centred, headingParagraph, newDocument, packDocx, rightAligned, run, section, titleParagraph } from './docx'

interface DocParagraph { id: string; level: 0 | 1 | 2; text: string }
export interface DocFigure {
  png: Uint8Array
  /** The PNG's size in pixels. */
  pxWidth: number
  pxHeight: number
  caption: string
  note?: string
}
export interface DocTable { title: string; head: string[]; rows: string[][]; /** Columns aligned right (numbers). */ numeric: number[] }

export interface BriefingDocInput {
  title: string
  docNo: string
  date: string
  paragraphs: DocParagraph[]
  /** Inserted after this paragraph (default: at the end of the body). */
  insertAfter?: string
  table?: DocTable
  figures: DocFigure[]
  figureLabel: (n: number) => string
}

/** Shown width: the text width, or less so that the PNG has at least 2 pixels per shown pixel. */
export function shownSize(f: Pick<DocFigure, 'pxWidth' | 'pxHeight'>): { width: number; height: number } {
  const width = Math.min(TEXT_WIDTH_PX, Math.floor(f.pxWidth / 2))
  return { width, height: Math.round((width * f.pxHeight) / f.pxWidth) }
}

function figure(f: DocFigure, n: number, label: (n: number) => string): Paragraph[] {
  const size = shownSize(f)
  const out = [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new ImageRun({ type: 'png', data: f.png, transformation: size, altText: { name: `figure-${n}`, title: f.caption, description: f.caption } })] }),
    centred(`${label(n)}　${f.caption}`, FONTS.heading2, SIZE.caption),
  ]
  if (f.note) out.push(centred(f.note, FONTS.body, SIZE.table))
  return out
}

function cell(text: string, right: boolean, head: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ alignment: head ? AlignmentType.CENTER : right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, head ? FONTS.heading1 : FONTS.body, SIZE.table)] })],
  })
}

function docTable(t: DocTable): FileChild[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  const rows = [
    new TableRow({ tableHeader: true, children: t.head.map((h) => cell(h, false, true)) }),
    ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, t.numeric.includes(i), false)) })),
  ]
  return [
    centred(t.title, FONTS.heading1, SIZE.caption),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border } }),
  ]
}

export async function buildBriefingDocx(input: BriefingDocInput): Promise<Uint8Array> {
  const children: FileChild[] = [centred(input.docNo), titleParagraph(input.title)]
  const extras: FileChild[] = [
    ...(input.table && input.table.rows.length ? docTable(input.table) : []),
    ...input.figures.flatMap((f, i) => figure(f, i + 1, input.figureLabel)),
  ]
  let placed = false
  for (const p of input.paragraphs) {
    children.push(p.level === 0 ? bodyParagraph(p.text) : headingParagraph(p.text, p.level))
    if (p.id === input.insertAfter) { children.push(...extras); placed = true }
  }
  if (!placed) children.push(...extras)
  children.push(new Paragraph({ children: [] }), rightAligned(input.date))
  return packDocx(newDocument(input.title, [section(children)]))
}
