/** Rule display name in the UI language (domain RULES hold zh and en). */
import { RULE_BY_ID, type RuleId } from '../../domain/rules'

export function ruleName(id: string, locale: string): string {
  const r = RULE_BY_ID[id as RuleId]
  return r ? (locale === 'en' ? r.en : r.zh) : id
}

export const SEVERITY_TAG = { error: 'danger', warning: 'warning', info: 'info' } as const
