/**
 * Budget checks of Office files before the expensive work (limits in ./limits.ts): the zip's central directory
 * first (declared sizes, entry count), then a streaming scan of the XML parts — inflated in small pushes and
 * counted as they come, never held whole, so a lying declared size cannot make it grow — counting elements by
 * local name and the nesting depth. Only then do exceljs or the docx reader run.
 */
import { Inflate } from 'fflate'
import { formatBytes, readCentralDirectory, type Entry } from './archive'
import { BudgetExceeded, LIMITS } from './limits'

const n = (x: number): string => x.toLocaleString('en-US')

/** Counts elements, tracks depth; bytes are fed in chunks (tag names may straddle chunks). */
class XmlCounter {
  depth = 0
  maxDepth = 0
  elements = 0
  bytes = 0
  readonly counts: Record<string, number>
  private state: 'text' | 'open' | 'name' | 'tag' = 'text'
  private name = ''
  private prev = 0
  private closing = false
  private special = false

  constructor(names: readonly string[]) {
    this.counts = Object.fromEntries(names.map((x) => [x, 0]))
  }

  /** A new XML part: depth starts again (a truncated part does not carry its open elements over). */
  nextPart(): void {
    this.depth = 0
    this.state = 'text'
  }

  feed(d: Uint8Array): void {
    this.bytes += d.length
    for (let i = 0; i < d.length; i++) {
      const c = d[i]
      if (this.state === 'text') {
        if (c === 0x3c) { this.state = 'open'; this.name = ''; this.closing = false; this.special = false }
      } else if (this.state === 'open') {
        if (c === 0x2f) { this.closing = true; this.state = 'name' } // </
        else if (c === 0x3f || c === 0x21) { this.special = true; this.state = 'tag' } // <? <!
        else { this.state = 'name'; this.name = String.fromCharCode(c) }
      } else if (this.state === 'name') {
        if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) {
          this.startTag()
          this.state = 'tag'
          if (c === 0x3e) this.endTag(c)
        } else if (this.name.length < 64) this.name += String.fromCharCode(c)
      } else if (c === 0x3e) this.endTag(c)
      this.prev = c
    }
  }

  private startTag(): void {
    if (this.closing) return
    this.elements++
    const local = this.name.slice(this.name.lastIndexOf(':') + 1)
    if (local in this.counts) this.counts[local]++
  }

  private endTag(c: number): void {
    this.state = 'text'
    if (this.special) return
    if (this.closing) this.depth = Math.max(0, this.depth - 1)
    else if (this.prev !== 0x2f || c !== 0x3e) this.maxDepth = Math.max(this.maxDepth, ++this.depth)
  }
}

/**
 * Inflate one entry as a stream into `counter`; throws `tooBig(bytes)` as soon as more than `maxBytes` came out.
 * Returns false when the entry cannot be read (damaged: the real reader will say so).
 */
function scanEntry(zip: Uint8Array, en: Entry, counter: XmlCounter, maxBytes: number, tooBig: (bytes: number) => BudgetExceeded): boolean {
  const h = en.offset
  if (h + 30 > zip.length) return false
  const start = h + 30 + (zip[h + 26] | (zip[h + 27] << 8)) + (zip[h + 28] | (zip[h + 29] << 8))
  const data = zip.subarray(start, start + en.csize)
  const check = (): void => { if (counter.bytes > maxBytes) throw tooBig(counter.bytes) }
  if (en.method === 0) { counter.feed(data); check(); return true }
  if (en.method !== 8) return false
  const inf = new Inflate((chunk) => { counter.feed(chunk); check() })
  const STEP = 16 * 1024 // deflate expands at most ~1,032:1: one push yields at most ~16 MB
  try {
    for (let p = 0; p < data.length; p += STEP) inf.push(data.subarray(p, p + STEP), p + STEP >= data.length)
  } catch (e) {
    if (e instanceof BudgetExceeded) throw e
    return false
  }
  return true
}

function entries(bytes: Uint8Array): Entry[] | null {
  try { return readCentralDirectory(bytes) } catch { return null }
}

const tooMany = (path: string, what: string, got: number, limit: number, advice: string): string =>
  `${path} ${what} ${n(got)}，超过上限 ${n(limit)}，未读取；${advice}`

const XLSX_ADVICE = '请在 Excel 中删去多余的工作表或空白区域，或另存为 CSV（CSV 只受单个文件 100 MB 的限制）后再加载'

/** Refuse a workbook over the budgets (shared strings, cells, XML size and depth); null when it fits or is not a zip. */
export function xlsxBudgetProblem(path: string, bytes: Uint8Array): string | null {
  const list = entries(bytes)
  if (!list) return null
  const where = `Excel 文件 ${path}`
  if (list.length > LIMITS.zipEntries) return tooMany(where, '内部有部件', list.length, LIMITS.zipEntries, XLSX_ADVICE)
  const xml = list.filter((e) => /\.(xml|rels)$/i.test(e.name))
  const declared = xml.reduce((s, e) => s + e.usize, 0)
  const sizeMsg = (got: number): string =>
    `${where} 解压后的表格内容${declared === got ? '声明' : '至少'}有 ${formatBytes(got)}，超过上限 ${formatBytes(LIMITS.xlsxXmlBytes)}（疑似“压缩炸弹”），未读取；${XLSX_ADVICE}`
  if (declared > LIMITS.xlsxXmlBytes) return sizeMsg(declared)
  const counter = new XmlCounter(['si', 'c'])
  try {
    for (const e of xml) {
      const cellsBefore = counter.counts.c
      counter.nextPart()
      if (!scanEntry(bytes, e, counter, LIMITS.xlsxXmlBytes, (got) => new BudgetExceeded('xlsxXmlBytes', sizeMsg(got)))) continue
      if (!/sheet/i.test(e.name)) counter.counts.c = cellsBefore // <c> is a cell only in worksheets
      if (counter.counts.si > LIMITS.xlsxSharedStrings) return tooMany(where, '的共享字符串有', counter.counts.si, LIMITS.xlsxSharedStrings, XLSX_ADVICE)
      if (counter.counts.c > LIMITS.xlsxCells) return tooMany(where, '的单元格有', counter.counts.c, LIMITS.xlsxCells, XLSX_ADVICE)
      if (counter.maxDepth > LIMITS.xmlDepth) return `${where} 的部件 ${e.name} 嵌套 ${n(counter.maxDepth)} 层，超过上限 ${LIMITS.xmlDepth} 层，不是正常的表格，未读取`
    }
  } catch (e) {
    if (e instanceof BudgetExceeded) return e.message
    throw e
  }
  return null
}

/**
 * Throws BudgetExceeded when a .docx's word/document.xml is over the budgets (size, elements, depth);
 * returns quietly when it fits, or when it is not a zip (the reader then says it is not a Word document).
 */
export function checkDocxBudget(bytes: Uint8Array, path = '该 Word 文件'): void {
  const doc = entries(bytes)?.find((e) => e.name === 'word/document.xml')
  if (!doc) return
  const sizeMsg = (got: number): string =>
    `${path}的正文（word/document.xml）解压后${doc.usize === got ? '' : '至少'}有 ${formatBytes(got)}，超过上限 ${formatBytes(LIMITS.docxXmlBytes)}（年报正文通常不到 3 MB，疑似“压缩炸弹”），未读取；请另存为较小的文件或复制正文粘贴`
  if (doc.usize > LIMITS.docxXmlBytes) throw new BudgetExceeded('docxXmlBytes', sizeMsg(doc.usize))
  const counter = new XmlCounter([])
  scanEntry(bytes, doc, counter, LIMITS.docxXmlBytes, (got) => new BudgetExceeded('docxXmlBytes', sizeMsg(got)))
  if (counter.maxDepth > LIMITS.xmlDepth) {
    throw new BudgetExceeded('xmlDepth', `${path}的正文嵌套 ${n(counter.maxDepth)} 层，超过上限 ${LIMITS.xmlDepth} 层，不是正常的 Word 年报，未读取`)
  }
  if (counter.elements > LIMITS.docxElements) {
    throw new BudgetExceeded('docxElements', `${path}的正文有 ${n(counter.elements)} 个 XML 元素，超过上限 ${n(LIMITS.docxElements)} 个（年报正文通常不到 5 万个），未读取；请另存为较小的文件或复制正文粘贴`)
  }
}
