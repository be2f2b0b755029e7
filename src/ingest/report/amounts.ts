/**
 * Amounts (本年收费金额, 采购总金额) carry their unit. The form's unit is 万元; a figure printed
 * with 元 (152790元), or under a header in 元, is converted (÷ 10,000) and the conversion noted;
 * a non-zero figure with no unit printed anywhere is read as 万元 but flagged doubtful.
 */
import { ACTIVE_MEASURES } from '../../domain/format'
import type { ExtractedCell, ReportIssue, SrcLine } from './types'

const AMOUNTS = ACTIVE_MEASURES.filter((m) => m.decimal)
const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '')

/** The unit a header prints for the measure: 本年收费金额（单位：万元） → 万元; none → null. */
function headerUnit(sectionText: string, measure: string): '万元' | '元' | null {
  const m = AMOUNTS.find((x) => x.key === measure)
  if (!m) return null
  const s = squash(sectionText)
  for (const name of [m.zh, ...(m.aliases ?? [])].map((n) => n.normalize('NFKC').replace(/[(（].*$/, ''))) {
    const re = new RegExp(`${name}[(（]?(?:单位[:：]?)?(万元|元)`)
    const hit = re.exec(s)
    if (hit) return hit[1] as '万元' | '元'
  }
  return null
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6

export function applyAmountUnits(cells: ExtractedCell[], sectionLines: readonly SrcLine[], zhOf: (c: ExtractedCell) => string): ReportIssue[] {
  const issues: ReportIssue[] = []
  const text = sectionLines.map((l) => l.text).join('\n')
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]
    if (!AMOUNTS.some((m) => m.key === c.column) || c.unread || c.kind !== 'number' || c.value === null) continue
    const raw = c.raw.normalize('NFKC').trim()
    const own = /万元$/.test(raw) ? '万元' : /元$/.test(raw) ? '元' : null
    const unit = own ?? headerUnit(text, c.column)
    const at = `第${c.line}行${zhOf(c)}`
    if (unit === '元') {
      const value = round(c.value / 10_000)
      cells[i] = { ...c, value, amountUnit: '元' }
      issues.push({ severity: 'info', rule: 'amount_unit', line: c.line, message: `${at}以元为单位（“${c.raw.trim()}”${own ? '' : '，表头注明“元”'}），已换算为${value}万元` })
    } else if (unit === '万元') {
      cells[i] = { ...c, amountUnit: '万元' }
    } else if (c.value !== 0) {
      const why = '金额未注明单位（元或万元），暂按万元读取'
      cells[i] = { ...c, amountUnit: null, confidence: 'doubtful', why }
      issues.push({ severity: 'warning', rule: 'amount_unit', line: c.line, message: `${at}“${c.raw.trim()}”未注明单位（元或万元），暂按万元读取并标为存疑，请核对` })
    }
  }
  return issues
}
