/** Findings in the UI's language: Chinese as stored, English from the rule's template and the finding's columns. */
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../../src/i18n'
import { cellWords, findingText, type FindingFields } from '../../../../src/components/quality/findingText'
import { RULES } from '../../../../src/domain/rules'

const g = i18n.global
const en = (f: FindingFields): string => {
  g.locale.value = 'en'
  try { return findingText(f, (k, n) => g.t(k, n ?? {}), (k) => g.te(k), 'en') } finally { g.locale.value = 'zh-CN' }
}
const base: FindingFields = { rule: 'flow_identity', severity: 'error', unitCode: 'T1', unitName: '浓桥镇', year: 2023, table: 'applications',
  cells: 'received.total+carried_in.total=handled.total+carried_out.total', left: 15, right: 14, file: 'a/applications.csv', line: 12, column: 'total', raw: null,
  message: '浓桥镇（T1） 2023 年依申请公开「总计」列：本年新收 14 + 上年结转 1 = 15，但办理结果总计 14 + 结转下年度 0 = 14' }
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/

describe('findingText', () => {
  it('Chinese: the stored message', () => {
    expect(findingText(base, (k) => k, () => false, 'zh-CN')).toBe(base.message)
  })
  it('English: the rule template with both numbers, the unit and where', () => {
    const s = en(base)
    expect(s).toContain('15')
    expect(s).toContain('14')
    expect(s).toContain('浓桥镇 (T1), 2023')
    expect(s).toContain('"Total"')
    expect(en({ ...base, rule: 'text_cells', cells: 'received.commercial', raw: '详见附表', column: '商业企业', left: null, right: null }))
      .toMatch(/^浓桥镇 \(T1\), 2023: "New applications.*详见附表/)
  })
  it('English: every rule renders without Chinese other than the data (unit name, raw text, headers)', () => {
    for (const r of RULES) {
      for (const severity of ['error', 'warning', 'info']) {
        const s = en({ ...base, rule: r.id, severity, raw: 'RAW', column: 'total', unitName: 'Unit' })
        expect(s, `${r.id}/${severity}`).not.toMatch(CJK)
        expect(s.length, r.id).toBeGreaterThan(5)
      }
    }
  })
  it('English: the rules real reports break (issue 16) name rows and numbers', () => {
    expect(en({ ...base, rule: 'absent_rows', severity: 'warning', cells: 'withheld.security, withheld.internal', left: 2, right: null }))
      .toMatch(/lacks 2 row\(s\) of the form: "Endangers the .*", "Internal affairs"/)
    expect(en({ ...base, rule: 'applicant_sum', cells: 'granted.total', left: null, right: 18 }))
      .toMatch(/"Granted" \/ "Total": the total is blank, but the applicant columns are filled and add up to 18/)
    expect(en({ ...base, rule: 'pass_if_zero', severity: 'info', raw: '3' })).toMatch(/because of 3 blank cell\(s\); it would hold if the blanks were 0/)
    expect(en({ ...base, rule: 'not_read', severity: 'warning', cells: 'granted.total', left: 1 })).toMatch(/1 cell\(s\) could not be read/)
  })
  it('cell keys in words, in both languages', () => {
    expect(cellWords('withheld.state_secret.natural_person', 'en')).toContain('Natural persons')
    expect(cellWords('withheld.state_secret.natural_person', 'zh-CN')).toContain('自然人')
  })
})
