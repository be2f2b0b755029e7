/** The 浓桥镇 2023 report (shared fixture), as published and with one cell of 三 turned into text. */
import { readFileSync } from 'node:fs'

export const NONGQIAO = readFileSync(new URL('../../../../../shared/fixtures/reports/nongqiao-2023.txt', import.meta.url), 'utf8')

/** 一、本年新收…的“自然人” cell written as 详见附表 (a text cell where a number belongs). */
export function withTextCell(text = NONGQIAO, raw = '详见附表'): { text: string; line: number } {
  const lines = text.split('\n')
  const i = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'))
  lines[i + 1] = `\t${raw}`
  return { text: lines.join('\n'), line: i + 2 }
}

export const RECEIVED_NP = 'applications|received|natural_person'
