/**
 * SQL helpers shared by the findings: Chinese names, numbers and locations for messages.
 * No macro here holds a subquery (those are re-planned at every use): names of rows/columns/tables
 * come from the MAP variable `zh` (domain constants), unit names from a join with `units`.
 */
import {
  ACTIVE_MEASURES, APPLICANT_COLUMNS, BUNDLE_TABLES, COUNTY_DEPT_NAME, COUNTY_NAME,
  REVIEW_COLUMNS, TOWNSHIP_LEVELS, allActiveItems, allApplicationRows, perVersions,
} from '../../domain'
import { lit } from '../../queries/quote'

/** key (`tbl:`, `row:`, `col:` + key) → Chinese label, for messages. */
const zhMap = perVersions((): ReadonlyMap<string, string> => {
  const m = new Map<string, string>()
  const add = (key: string, zh: string): void => { if (!m.has(key)) m.set(key, zh) }
  for (const k of ['reports', 'active', 'applications', 'reviews', 'units', 'facts'] as const) add(`tbl:${k}`, BUNDLE_TABLES[k].zh)
  for (const l of [...allApplicationRows(), ...allActiveItems()]) add(`row:${l.key}`, l.zh)
  for (const l of [...APPLICANT_COLUMNS, ...ACTIVE_MEASURES, ...REVIEW_COLUMNS]) add(`col:${l.key}`, l.zh)
  add('col:active_total', '主动公开信息数')
  return m
})

/** Chinese label of a constant key, as a SQL literal (falls back to the bare key). */
export const zhLit = (key: string): string => lit(zhMap().get(key) ?? key.replace(/^[a-z]+:/, ''))

export const setZhSql = (): string => `SET VARIABLE zh = MAP {${[...zhMap()].map(([k, v]) => `${lit(k)}: ${lit(v)}`).join(', ')}};`

/** Chinese label of a key computed in SQL (e.g. `'col:' || col`); the bare key when unknown. */
export const zh = (keyExpr: string): string =>
  `coalesce(getvariable('zh')[${keyExpr}], regexp_replace(${keyExpr}, '^[a-z]+:', ''))`

/** 「table」「row」「column」 name of a cell for messages. */
export const cellName = (tbl: string, rk: string, col: string): string =>
  `${zh(`'tbl:' || ${tbl}`)} || CASE WHEN ${rk} IS NULL OR ${rk} = '' THEN '' ELSE '「' || ${zh(`'row:' || ${rk}`)} || '」' END
  || '「' || ${zh(`'col:' || ${col}`)} || '」'`

export const HELPER_MACROS_SQL = `
CREATE OR REPLACE MACRO fmt_num(p_x) AS CASE WHEN p_x IS NULL THEN '空' WHEN p_x = round(p_x) AND abs(p_x) < 1e15
  THEN CAST(CAST(p_x AS BIGINT) AS VARCHAR) ELSE CAST(round(p_x, 4) AS VARCHAR) END;
CREATE OR REPLACE MACRO loc(p_path, p_line) AS '文件 ' || p_path || ' 第 ' || p_line || ' 行';
-- domain isTownship: a listed level, or (no level) a name ending like a township (regex copied: not exported)
CREATE OR REPLACE MACRO is_township(p_level, p_name) AS
  CASE WHEN p_level IS NOT NULL AND p_level <> '' THEN p_level IN (${TOWNSHIP_LEVELS.map(lit).join(', ')})
       ELSE coalesce(regexp_matches(p_name, '(镇|乡|街道|街道办事处)$'), false) END;
-- domain belowCityLevel: townships, county governments and county departments (no 规章 under the 立法法)
CREATE OR REPLACE MACRO below_city(p_level, p_name, p_parent_level, p_parent_name) AS
  CASE WHEN is_township(p_level, p_name) THEN true
       WHEN p_level = '县' THEN true
       WHEN p_level = '部门' THEN coalesce(p_parent_level = '县',
         p_parent_level IS NULL AND coalesce(regexp_matches(p_parent_name, ${lit(COUNTY_NAME)}), false))
       WHEN p_level IS NOT NULL AND p_level <> '' THEN false
       ELSE coalesce(regexp_matches(p_name, ${lit(COUNTY_NAME)}) OR regexp_matches(p_name, ${lit(COUNTY_DEPT_NAME)}), false) END;
`
