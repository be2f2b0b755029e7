/** SQL macros shared by the findings: names, numbers and locations for Chinese messages. */
import {
  ACTIVE_ITEMS, ACTIVE_MEASURES, APPLICANT_COLUMNS, APPLICATION_ROWS, BUNDLE_TABLES, REVIEW_COLUMNS, TOWNSHIP_LEVELS,
} from '../../domain'

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`

/** key → Chinese label, for messages (rows, items, columns, tables). */
export function zhNamesSql(): string {
  const seen = new Set<string>()
  const rows: string[] = []
  const add = (key: string, zh: string): void => { if (!seen.has(key)) { seen.add(key); rows.push(`(${lit(key)}, ${lit(zh)})`) } }
  for (const k of ['reports', 'active', 'applications', 'reviews', 'units', 'facts'] as const) add(`tbl:${k}`, BUNDLE_TABLES[k].zh)
  for (const l of [...APPLICATION_ROWS, ...ACTIVE_ITEMS]) add(`row:${l.key}`, l.zh)
  for (const l of [...APPLICANT_COLUMNS, ...ACTIVE_MEASURES, ...REVIEW_COLUMNS]) add(`col:${l.key}`, l.zh)
  add('col:active_total', '主动公开信息数')
  return `CREATE OR REPLACE TABLE zh_names (key VARCHAR, zh VARCHAR); INSERT INTO zh_names VALUES ${rows.join(', ')};`
}

export const HELPER_MACROS_SQL = `
CREATE OR REPLACE MACRO zh_of(p_key) AS coalesce((SELECT z.zh FROM zh_names z WHERE z.key = p_key), regexp_replace(p_key, '^[a-z]+:', ''));
CREATE OR REPLACE MACRO fmt_num(p_x) AS CASE WHEN p_x IS NULL THEN '空' WHEN p_x = round(p_x) AND abs(p_x) < 1e15
  THEN CAST(CAST(p_x AS BIGINT) AS VARCHAR) ELSE CAST(round(p_x, 4) AS VARCHAR) END;
CREATE OR REPLACE MACRO unit_label(p_code) AS
  coalesce((SELECT u.unit_name FROM units u WHERE u.unit_code = p_code), p_code) || '（' || p_code || '）';
CREATE OR REPLACE MACRO loc(p_path, p_line) AS '文件 ' || p_path || ' 第 ' || p_line || ' 行';
-- header as written in the file for a canonical column (facts files: the value column)
CREATE OR REPLACE MACRO col_header(p_fid, p_key) AS coalesce(
  (SELECT min_by(c.header, c.pos) FROM file_cols c WHERE c.file_id = p_fid AND c.key = p_key),
  (SELECT min_by(c.header, c.pos) FROM file_cols c WHERE c.file_id = p_fid AND c.key = 'value'), p_key);
CREATE OR REPLACE MACRO col_pos(p_fid, p_key) AS coalesce(
  (SELECT min(c.pos) FROM file_cols c WHERE c.file_id = p_fid AND c.key = p_key),
  (SELECT min(c.pos) FROM file_cols c WHERE c.file_id = p_fid AND c.key = 'value'));
CREATE OR REPLACE MACRO cell_name(p_tbl, p_rk, p_col) AS
  zh_of('tbl:' || p_tbl) || CASE WHEN p_rk IS NULL OR p_rk = '' THEN '' ELSE '「' || zh_of('row:' || p_rk) || '」' END
  || '「' || zh_of('col:' || p_col) || '」';
-- domain isTownship: a listed level, or (no level) a name ending like a township (regex copied: not exported)
CREATE OR REPLACE MACRO is_township(p_level, p_name) AS
  CASE WHEN p_level IS NOT NULL AND p_level <> '' THEN p_level IN (${TOWNSHIP_LEVELS.map(lit).join(', ')})
       ELSE coalesce(regexp_matches(p_name, '(镇|乡|街道|街道办事处)$'), false) END;
`
