/**
 * Row labels and facts.csv section/column names → canonical keys. There are few distinct labels,
 * so they are normalised in JS with the domain's own normaliseLabel + labelIndex (exactly the
 * header-matching rules) and the mapping is stored in label_map / facts_map for SQL joins
 * (label_map is filled by updateDicts in ./dicts.ts).
 */
import {
  ACTIVE_MEASURES, APPLICANT_COLUMNS, BUNDLE_TABLES, REVIEW_COLUMNS, allActiveItems, allApplicationRows,
  labelIndex, normaliseLabel, perVersions, type Labelled,
} from '../domain'
import { insertRows } from './insert'
import type { Db, SqlParam } from './types'

// Rows of every form version (a version added to the domain is recognised without a change here).
const rowIndex = perVersions((): Record<'active' | 'applications', Map<string, string>> => ({
  active: labelIndex(allActiveItems()),
  applications: labelIndex(allApplicationRows()),
}))
const SECTIONS: Labelled[] = (['active', 'applications', 'reviews'] as const).map((k) => ({
  key: k, zh: BUNDLE_TABLES[k].zh, en: BUNDLE_TABLES[k].en,
  aliases: { active: ['主动公开政府信息情况', '二'], applications: ['收到和处理政府信息公开申请情况', '三'], reviews: ['政府信息公开行政复议行政诉讼情况', '四'] }[k],
}))
const SECTION_INDEX = labelIndex(SECTIONS)
const COLUMN_INDEX: Record<string, Map<string, string>> = {
  active: labelIndex(ACTIVE_MEASURES),
  applications: labelIndex(APPLICANT_COLUMNS),
  reviews: labelIndex(REVIEW_COLUMNS),
}

export function rowKey(tbl: 'active' | 'applications', label: string): string | null {
  return rowIndex()[tbl].get(normaliseLabel(label)) ?? null
}

export async function updateFactsMap(db: Db): Promise<void> {
  const pairs = await db.query<{ section: string; col: string }>(`
    SELECT DISTINCT section, "column" AS col FROM raw_facts WHERE section IS NOT NULL AND "column" IS NOT NULL
    EXCEPT SELECT section, col FROM facts_map`)
  const rows = pairs.map((p): SqlParam[] => {
    const tbl = SECTION_INDEX.get(normaliseLabel(p.section)) ?? null
    const key = tbl ? COLUMN_INDEX[tbl].get(normaliseLabel(p.col)) ?? null : null
    return [p.section, p.col, tbl, key]
  })
  if (rows.length > 0) await insertRows(db, 'facts_map', rows)
}
