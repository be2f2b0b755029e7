/**
 * The review list of a batch import (CLI and the Import view's export): per file, what was read —
 * unit, year, format, the cells read, the cells in doubt and why, the cells not read — or why the
 * file could not be read. Plain Chinese lines for the console and a Markdown file for the bundle.
 */
import { cellName } from './checks'
import type { ExtractedCell, ParsedReport } from './types'

export interface ReviewEntry {
  path: string
  /** Why the file could not be read (then there is no parse). */
  reason?: string
  parsed?: ParsedReport
  notes?: string[]
  /** Written into the bundle. */
  written?: boolean
}

export interface CellCounts { cells: number; read: number; unread: number; doubtful: number; errors: number; warnings: number }

export function cellCounts(r: ParsedReport): CellCounts {
  const cells = [...r.active, ...r.applications, ...r.reviews]
  const unread = cells.filter((c) => c.unread).length
  return {
    cells: cells.length, read: cells.length - unread, unread,
    doubtful: cells.filter((c) => c.confidence === 'doubtful' && !c.unread).length,
    errors: r.issues.filter((i) => i.severity === 'error').length,
    warnings: r.issues.filter((i) => i.severity === 'warning').length,
  }
}

/** 第12行“规章”的“本年制发件数”“1”：数字与标签连写为“103”，无法确定如何拆分 */
function doubtLine(c: ExtractedCell): string {
  const what = c.unread ? '未读取' : `读作“${c.raw.trim() || '（空）'}”`
  return `第${c.line}行${cellName(c)}${what}：${c.why ?? '位置或数值存疑'}`
}

function headline(r: ParsedReport): string {
  const n = cellCounts(r)
  const total = r.activeTotal === null ? '主动公开信息数未写明' : `主动公开${r.activeTotal}条${r.activeTotalApprox ? '（约数）' : r.activeTotalConfidence === 'doubtful' ? '（存疑）' : ''}`
  return `${r.unitName ?? '（单位未识别）'} ${r.year ?? '（年度未识别）'}年 ${r.format ? `${r.format}版` : '格式不明'} ${total}，` +
    `读取单元格${n.read}个${n.unread ? `（另有${n.unread}个未读取）` : ''}，存疑${n.doubtful}个，问题${r.issues.length}条（错误${n.errors}、警告${n.warnings}）`
}

export function reviewList(entries: readonly ReviewEntry[], opts: { keepDoubtful?: boolean; maxPerFile?: number } = {}): { lines: string[]; markdown: string; summary: string } {
  const max = opts.maxPerFile ?? 12
  const lines: string[] = []
  const md: string[] = ['# 导入核对清单', '', '每个文件一节：读取到的内容、存疑的单元格及原因、未读取的单元格；无法读取的文件写明原因。', '']
  let review = 0
  let doubtful = 0
  let unread = 0
  let failed = 0
  for (const e of entries) {
    if (e.reason || !e.parsed) {
      failed++
      lines.push(`✗ ${e.path}：未读取——${e.reason ?? '无法读取'}`)
      md.push(`## ✗ ${e.path}`, '', `未读取：${e.reason ?? '无法读取'}`, '')
      continue
    }
    const r = e.parsed
    const n = cellCounts(r)
    const cells = [...r.active, ...r.applications, ...r.reviews].filter((c) => c.confidence === 'doubtful')
    const problems = r.issues.filter((i) => i.severity !== 'info')
    const needs = cells.length > 0 || problems.length > 0 || r.activeTotalConfidence === 'doubtful'
    if (needs) review++
    doubtful += n.doubtful
    unread += n.unread
    lines.push(`${needs ? '!' : '✓'} ${e.path}：${headline(r)}`)
    for (const note of e.notes ?? []) lines.push(`    ${note}`)
    for (const i of problems.slice(0, max)) lines.push(`    [${i.severity === 'error' ? '错误' : '警告'}] ${i.message}`)
    if (problems.length > max) lines.push(`    ……另有${problems.length - max}条，见核对清单`)
    md.push(`## ${needs ? '!' : '✓'} ${e.path}`, '', headline(r), '')
    for (const note of e.notes ?? []) md.push(`- ${note}`)
    if (cells.length) md.push('', `### 存疑或未读取的单元格（${cells.length}个）`, '', ...cells.map((c) => `- ${doubtLine(c)}`))
    if (r.issues.length) md.push('', `### 问题（${r.issues.length}条）`, '', ...r.issues.map((i) => `- [${i.severity === 'error' ? '错误' : i.severity === 'warning' ? '警告' : '提示'}]${i.line ? ` 第${i.line}行` : ''} ${i.message}`))
    md.push('')
  }
  const summary = `需人工核对：${review}份报告（存疑单元格${doubtful}个${opts.keepDoubtful ? '，已按原样写入' : '，已写作“未读取”'}；未读取单元格${unread}个）；无法读取的文件${failed}个`
  md.push('---', '', summary, '')
  return { lines, markdown: md.join('\n'), summary }
}
