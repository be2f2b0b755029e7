/**
 * Findings, recomputed in SQL on every rebuild into `findings`: cell-level (located by file, line,
 * column), row-level (bad year, unknown row, orphan, duplicate, conflict) and the consistency rules
 * (./sql/rules.ts). Findings never drop data.
 */
import { RULE_BY_ID, type RuleId } from '../domain'
import { RULES_SQL } from './sql/rules'
import { CELL_COLUMNS, DATA_KINDS, ROW_COLUMN, SIGNED_COLUMNS, lit, q, type DataKind } from './schema'

export const sev = (id: RuleId): string => lit(RULE_BY_ID[id].severity)
export const COLS = 'rule, severity, unit_code, year, tbl, cells, left_val, right_val, file_id, line, col, raw, message'
const ins = (sel: string): string => `INSERT INTO findings (${COLS}) ${sel}`

const located = (rule: RuleId, where: string, what: string): string => ins(`
  SELECT ${lit(rule)}, ${sev(rule)}, unit_code, year, tbl, coalesce(rk || '.', '') || col, num, NULL, file_id,
    line, col_header(file_id, col), raw,
    unit_label(unit_code) || ' ' || year || ' 年' || cell_name(tbl, rk, col) || '：' || ${what}
    || '（' || loc(path, line) || '第 ' || coalesce(col_pos(file_id, col)::VARCHAR, '?') || ' 列「' || col_header(file_id, col) || '」）'
  FROM cell_issues WHERE ${where}`)

/** One finding per (unit, year, table) listing the cells, located at the first of them. */
const grouped = (rule: RuleId, where: string, what: string): string => ins(`
  SELECT ${lit(rule)}, ${sev(rule)}, unit_code, year, tbl, string_agg(coalesce(rk || '.', '') || col, ', ' ORDER BY rec, col),
    count(*), NULL, min_by(file_id, rec), min_by(line, rec), NULL, NULL,
    unit_label(unit_code) || ' ' || year || ' 年' || zh_of('tbl:' || tbl) || '：' || count(*) || ' 个单元格' || ${what} || '：'
    || array_to_string(list_slice(list(cell_name(tbl, rk, col) || coalesce('“' || raw || '”', '') ORDER BY rec, col), 1, 8), '、')
    || CASE WHEN count(*) > 8 THEN ' 等' ELSE '' END || '（首个位于 ' || loc(min_by(path, rec), min_by(line, rec)) || '）'
  FROM cell_issues WHERE ${where} GROUP BY unit_code, year, tbl`)

const signed = [...SIGNED_COLUMNS].map(lit).join(', ') || "''"

function rowFindings(kind: DataKind): string[] {
  const label = ROW_COLUMN[kind]
  const out = [
    // one per file and spelling of the year
    ins(`SELECT 'bad_year', ${sev('bad_year')}, min(unit_code), NULL, ${lit(kind)}, 'year', NULL, NULL, file_id,
      min(line), 'year', year_raw,
      '文件 ' || path || ' 中 ' || count(*) || ' 行的年度“' || coalesce(year_raw, '（空）') || '”无法识别（首个在第 '
      || min(line) || ' 行），这些行未计入统计'
      FROM w_${kind} WHERE year IS NULL GROUP BY file_id, path, year_raw`),
    ins(`SELECT 'bad_year', 'warning', min(unit_code), min(year), ${lit(kind)}, 'year', NULL, NULL, file_id,
      min(line), 'year', year_raw,
      '文件 ' || path || ' 中 ' || count(*) || ' 行的年度写作“' || year_raw || '”，按 ' || min(year) || ' 年读取（首个在第 '
      || min(line) || ' 行）'
      FROM w_${kind} WHERE year IS NOT NULL AND year_short GROUP BY file_id, path, year_raw`),
    ins(`SELECT 'bad_row', ${sev('bad_row')}, NULL, min(year), ${lit(kind)}, 'unit_code', NULL, NULL, file_id,
      min(line), 'unit_code', NULL,
      '文件 ' || path || ' 中 ' || count(*) || ' 行缺少单位代码（首个在第 ' || min(line) || ' 行），这些行未计入统计'
      FROM w_${kind} WHERE unit_code IS NULL GROUP BY file_id, path`),
  ]
  if (label) out.push(ins(`SELECT 'unknown_row', ${sev('unknown_row')}, min(unit_code), min(year), ${lit(kind)}, ${lit(label)}, count(*), NULL,
      file_id, min(line), ${lit(label)}, ${q(label)},
      '文件 ' || path || ' 中 ' || count(*) || ' 行的行标签“' || coalesce(${q(label)}, '（空）') || '”无法识别（首个在第 '
      || min(line) || ' 行），这些行未计入统计'
      FROM w_${kind} WHERE rk IS NULL GROUP BY file_id, path, ${q(label)}`))
  // repeats of a key: equal meaning → duplicate (one finding per pair of files), else conflict (per row)
  const cmp = kind === 'reports' ? [...CELL_COLUMNS.reports, 'unit_name'] : CELL_COLUMNS[kind]
  const diff = cmp.map((c) => `CASE WHEN cell_key(a.${q(c)}) IS DISTINCT FROM cell_key(b.${q(c)}) THEN '「' || zh_of('col:' || ${lit(c)})
      || '」' || coalesce(b.${q(c)}, '空') || ' 与 ' || coalesce(a.${q(c)}, '空') END`).join(', ')
  const same = cmp.map((c) => `cell_key(a.${q(c)}) IS NOT DISTINCT FROM cell_key(b.${q(c)})`).join(' AND ')
  const pairs = `FROM w_${kind} a JOIN w_${kind} b ON b.unit_code = a.unit_code AND b.year = a.year AND b.rk = a.rk AND b.dup_rank = 1
    WHERE a.dup_rank > 1`
  out.push(ins(`SELECT 'duplicate', ${sev('duplicate')}, NULL, NULL, ${lit(kind)}, NULL, count(*), NULL, a.file_id,
      min(a.line), NULL, NULL,
      '文件 ' || a.path || ' 中 ' || count(*) || ' 行与 ' || b.path || ' 中已载入的数据重复（数值相同），只计一次'
    ${pairs} AND ${same} GROUP BY a.file_id, a.path, b.path`))
  out.push(ins(`SELECT 'conflict', ${sev('conflict')}, a.unit_code, a.year, ${lit(kind)}, a.rk, NULL, NULL, a.file_id,
      a.line, NULL, NULL,
      unit_label(a.unit_code) || ' ' || a.year || ' 年' || zh_of('tbl:${kind}') || CASE WHEN a.rk <> '' THEN '「' || zh_of('row:' || a.rk) || '」' ELSE '' END
      || ' 出现两次且数值不同：' || loc(b.path, b.line) || ' 与 ' || loc(a.path, a.line) || '——' || concat_ws('；', ${diff})
      || '。采用先载入的 ' || loc(b.path, b.line)
    ${pairs} AND NOT (${same})`))
  return out
}

const ORPHAN = ins(`SELECT 'orphan_row', ${sev('orphan_row')}, k.unit_code, k.year, string_agg(DISTINCT k.tbl, ','), NULL, NULL, NULL,
    min(k.file_id), NULL, NULL, NULL,
    unit_label(k.unit_code) || ' ' || k.year || ' 年的' || string_agg(DISTINCT zh_of('tbl:' || k.tbl), '、') || '数据在报告清单（reports.csv）中没有对应记录；数据已载入'
  FROM (SELECT 'active' AS tbl, unit_code, year, file_id FROM active UNION ALL SELECT 'applications', unit_code, year, file_id FROM applications
        UNION ALL SELECT 'reviews', unit_code, year, file_id FROM reviews) k
  WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.unit_code = k.unit_code AND r.year = k.year)
  GROUP BY k.unit_code, k.year`)

const LOAD = ins(`SELECT rule, severity, NULL, NULL, (SELECT kind FROM files f WHERE f.file_id = l.file_id), NULL, NULL, NULL,
  file_id, line, NULL, raw, message FROM load_findings l`)

export const FINDINGS_SQL: readonly string[] = [
  'DELETE FROM findings',
  LOAD,
  located('text_cells', "kind = 'text'", "'单元格内容为文字“' || raw || '”，不是数字，未计入统计'"),
  grouped('blank_cells', "kind = 'blank'", "'为空（按缺失处理，不计为 0）'"),
  grouped('tolerated_number', 'tolerated', "'数字写法不规范（全角数字、千分位或单位），已按数字读取'"),
  located('negative', `kind = 'number' AND num < 0 AND col NOT IN (${signed})`, "'数值为 ' || fmt_num(num) || '，小于 0'"),
  ...DATA_KINDS.flatMap(rowFindings),
  ORPHAN,
  ...RULES_SQL.map(ins),
]
