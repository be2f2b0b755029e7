/**
 * The Word documents (src/documents/*Docx.ts), opened as a Word user's file would be: unzipped with fflate and the
 * XML read — A4 portrait, the GB2312 faces with substitutes, the paragraphs and numbers, the ranking table, pictures
 * at ≥ 2× the pixels they are shown at, and each finding's file, line and cell with its correction.
 */
import { crc32, deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { buildBriefingDocx, shownSize } from '../../../src/documents/briefingDocx'
import { buildRectifyDocx, chineseNumber } from '../../../src/documents/rectifyDocx'
import { documentsTranslate } from '../../../src/documents/translate'

/** A plain RGB PNG of w × h pixels. */
function png(w: number, h: number): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0)
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2
  const raw = Buffer.alloc((w * 3 + 1) * h, 200)
  for (let y = 0; y < h; y++) raw[y * (w * 3 + 1)] = 0
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]))
}
const pngSize = (b: Uint8Array): { w: number; h: number } => ({ w: Buffer.from(b).readUInt32BE(16), h: Buffer.from(b).readUInt32BE(20) })
/** Paragraph texts of word/document.xml. */
const paragraphs = (xml: string): string[] => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))

const tr = documentsTranslate('zh-CN')

describe('情况通报 .docx', async () => {
  const bytes = await buildBriefingDocx({
    title: '关于2024年度政府信息公开工作年度报告情况的通报', docNo: '〔2024〕×号', date: '2024年12月6日',
    paragraphs: [
      { id: 'h-active', level: 1, text: '一、主动公开政府信息情况' },
      { id: 'active', level: 0, text: '2024年，示例县共有16个单位报送政府信息公开工作年度报告16份，全年共主动公开政府信息1234条。' },
      { id: 'h-apply', level: 1, text: '二、依申请公开政府信息情况' },
    ],
    insertAfter: 'active',
    table: { title: '各单位主动公开政府信息情况（2024年）', head: ['序号', '单位', '主动公开信息（条）'], rows: [['1', '青山镇', '321'], ['2', '白水乡', '87']], numeric: [0, 2] },
    figures: [{ png: png(1920, 1080), pxWidth: 1920, pxHeight: 1080, caption: '各单位主动公开信息数' }],
    figureLabel: (n) => `图${n}`,
  })
  const files = unzipSync(bytes)
  const doc = strFromU8(files['word/document.xml'])

  it('is A4 portrait with the official margins', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(doc).not.toMatch(/w:orient="landscape"/)
    expect(doc).toMatch(/<w:pgMar w:top="2098"[^>]*w:left="1587"/)
  })

  it('holds 文号, title, headings, body numbers, the table and the caption in order', () => {
    const ps = paragraphs(doc).filter(Boolean)
    expect(ps[0]).toBe('〔2024〕×号')
    expect(ps[1]).toBe('关于2024年度政府信息公开工作年度报告情况的通报')
    expect(ps).toContain('一、主动公开政府信息情况')
    expect(ps.find((p) => p.includes('主动公开政府信息1234条'))).toBeTruthy()
    const tbl = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0]
    expect(paragraphs(tbl)).toEqual(['序号', '单位', '主动公开信息（条）', '1', '青山镇', '321', '2', '白水乡', '87'])
    expect(ps).toContain('图1　各单位主动公开信息数')
    expect(ps.indexOf('图1　各单位主动公开信息数')).toBeLessThan(ps.indexOf('二、依申请公开政府信息情况'))
    expect(ps[ps.length - 1]).toBe('2024年12月6日')
  })

  it('writes body in 仿宋_GB2312, 一、 headings in 黑体, with substitutes in the font table', () => {
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"')
    expect(doc).toMatch(/w:eastAsia="黑体"[\s\S]*?一、主动公开政府信息情况/)
    const fonts = strFromU8(files['word/fontTable.xml'])
    expect(fonts).toMatch(/w:name="仿宋_GB2312"><w:altName w:val="仿宋"/)
    expect(fonts).toMatch(/w:name="黑体"><w:altName w:val="SimHei"/)
  })

  it('embeds the picture with at least 2 pixels per shown pixel', () => {
    const media = Object.keys(files).filter((k) => k.startsWith('word/media/') && k.endsWith('.png'))
    expect(media).toHaveLength(1)
    const { w, h } = pngSize(files[media[0]])
    const ext = doc.match(/<wp:extent cx="(\d+)" cy="(\d+)"/)!
    const shownW = Number(ext[1]) / 9525; const shownH = Number(ext[2]) / 9525
    expect(w / shownW).toBeGreaterThanOrEqual(2)
    expect(h / shownH).toBeGreaterThanOrEqual(1.99)
    expect(shownSize({ pxWidth: 800, pxHeight: 400 }).width).toBe(400)
  })
})

describe('整改清单 .docx', async () => {
  const bytes = await buildRectifyDocx({
    title: tr('documents.rectify.title'), date: '2024年12月6日', tr, locale: 'zh-CN',
    units: [
      { unitCode: '1', unitName: '青山镇', items: [
        { severity: 'error', rule: 'handled_sum', text: '青山镇 2024 年申请表：办理结果总计为 12，各项之和为 11', file: 'sample/demo/applications.csv', lines: [57], column: '“总计”' },
        { severity: 'warning', rule: 'carry_chain', text: '青山镇 2024 年上年结转 3，上年结转下年度 2', file: 'sample/demo/applications.csv', lines: [40, 41, 62], column: null },
      ] },
      { unitCode: '2', unitName: '白水乡', items: [{ severity: 'warning', rule: 'text_cells', text: '白水乡 2024 年“不予公开”为文字“无此项”', file: 'b.csv', lines: [3], column: '“自然人”' }] },
    ],
  })
  const doc = strFromU8(unzipSync(bytes)['word/document.xml'])
  const ps = paragraphs(doc).filter(Boolean)

  it('lists each unit under 一、 with its findings, locations and corrections', () => {
    expect(ps[0]).toBe('政府信息公开工作年度报告整改清单')
    expect(ps).toContain('一、青山镇')
    expect(ps).toContain('二、白水乡')
    expect(ps).toContain('（一）需更正的错误')
    expect(ps).toContain('（二）需核实的问题')
    expect(ps).toContain('1. 青山镇 2024 年申请表：办理结果总计为 12，各项之和为 11')
    expect(ps).toContain('位置：sample/demo/applications.csv 第57行，“总计”列')
    expect(ps).toContain('位置：sample/demo/applications.csv 第40、41、62行')
    expect(ps).toContain('整改要求：核对办理结果各行，使“总计”等于各办理结果之和')
    expect(ps).toContain('位置：b.csv 第3行，“自然人”列')
    expect(doc).toMatch(/<w:pageBreakBefore\/>[\s\S]*?二、白水乡/)
    // a unit with only errors, or only points to verify, starts at （一）
    const after = ps.slice(ps.indexOf('二、白水乡'))
    expect(after).toContain('（一）需核实的问题')
    expect(after).not.toContain('（二）需核实的问题')
  })

  it('numbers headings the Chinese way', () => {
    expect([1, 10, 11, 20, 21].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十一'])
  })
})
