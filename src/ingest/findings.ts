/** File-level findings of the ingest layer, with their Chinese messages in one place. */
import type { Finding, RuleId, Severity } from '../domain/rules'

/**
 * rules.ts has no id for encoding or archive problems yet; they are reported as
 * `unrecognised_file` (file-level problem) until the domain adds dedicated ids.
 */
export const RULE_ENCODING: RuleId = 'unrecognised_file'
export const RULE_ARCHIVE: RuleId = 'unrecognised_file'
export const RULE_EMPTY: RuleId = 'unrecognised_file'

export function fileFinding(
  rule: RuleId, severity: Severity, file: string, message: string,
  at: { line?: number; column?: string; raw?: string; table?: string } = {},
): Finding {
  return { rule, severity, unitCode: null, year: null, file, message, ...at }
}

/** `文件 X 第 3 行第 2 列：` — the prefix every located message starts with. */
export function where(file: string, line?: number, position?: number): string {
  let s = `文件 ${file}`
  if (line !== undefined) s += ` 第 ${line} 行`
  if (position !== undefined) s += `第 ${position} 列`
  return s + '：'
}
