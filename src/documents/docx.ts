/**
 * Word documents in the layout of Chinese official documents (GB/T 9704 as offices apply it): A4 portrait, body in
 * 仿宋_GB2312 三号 (16 pt) with a two-character first-line indent and fixed 28 pt lines, 一、 headings in 黑体,
 * （一） headings in 楷体_GB2312, title in 方正小标宋简体 二号. Built with the `docx` package; the font table then gets
 * each Chinese face's common substitute (w:altName: 仿宋, 黑体/SimHei, 楷体, 宋体) so that a Word or WPS install
 * without the GB2312 faces still shows a Chinese face of the same style.
 */
import { AlignmentType, Document, LineRuleType, Packer, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

export const FONTS = {
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  title: '方正小标宋简体',
  latin: 'Times New Roman',
} as const

/** Substitutes written into word/fontTable.xml (w:altName). */
const ALT: Record<string, string> = { '仿宋_GB2312': '仿宋', '黑体': 'SimHei', '楷体_GB2312': '楷体', '方正小标宋简体': '宋体' }

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
export const SIZE = { title: 44, body: 32, table: 24, caption: 28 } as const
/** A4 in twips, official margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 } as const
/** Text width in CSS pixels at 96 dpi (for pictures). */
export const TEXT_WIDTH_PX = Math.floor(((PAGE.width - PAGE.left - PAGE.right) / 1440) * 96)
const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const

const font = (name: string) => ({ eastAsia: name, ascii: FONTS.latin, hAnsi: FONTS.latin, hint: 'eastAsia' as const })

export function run(text: string, face: string = FONTS.body, size: number = SIZE.body, bold = false): TextRun {
  return new TextRun({ text, font: font(face), size, bold })
}

/** Body paragraph: two-character first-line indent (2 × 16 pt). */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: LINE, alignment: AlignmentType.JUSTIFIED })
}

/** 一、 heading (黑体) or （一） heading (楷体_GB2312), indented like body text. */
export function headingParagraph(text: string, level: 1 | 2, opts: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, level === 1 ? FONTS.heading1 : FONTS.heading2)], indent: { firstLine: 640 }, spacing: LINE,
    keepNext: true, pageBreakBefore: opts.pageBreakBefore,
  })
}

export function titleParagraph(text: string): Paragraph {
  return new Paragraph({ children: [run(text, FONTS.title, SIZE.title)], alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480, line: 700, lineRule: LineRuleType.EXACT } })
}

export function centred(text: string, face: string = FONTS.body, size: number = SIZE.body): Paragraph {
  return new Paragraph({ children: [run(text, face, size)], alignment: AlignmentType.CENTER, spacing: LINE })
}

export function rightAligned(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 640 } })
}

export function section(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      },
    },
    children,
  }
}

/** Pack the document, then write the fonts' substitutes into the font table. */
export async function packDocx(doc: Document): Promise<Uint8Array> {
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc))
  const files = unzipSync(bytes)
  const path = 'word/fontTable.xml'
  const xml = files[path] ? strFromU8(files[path]) : null
  if (xml && /<w:fonts[\s>]/.test(xml)) {
    const entries = Object.entries(ALT).filter(([name]) => !xml.includes(`w:name="${name}"`))
      .map(([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${name === FONTS.heading1 ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`)
    // docx writes an empty table as a self-closing <w:fonts …/>
    const open = xml.includes('</w:fonts>') ? xml.replace('</w:fonts>', '') : xml.replace(/\/>\s*$/, '>')
    files[path] = strToU8(`${open}${entries.join('')}</w:fonts>`)
  }
  return zipSync(files, { level: 6 })
}

export function newDocument(title: string, sections: ISectionOptions[]): Document {
  return new Document({
    title, creator: '政府信息公开年报分析看板',
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections,
  })
}

/** 2024年12月6日 / December 6, 2024. */
export function documentDate(d: Date, locale: string): string {
  return locale === 'en'
    ? d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' })
    : `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}
