/**
 * Findings, recomputed in SQL on every rebuild into `findings`: cell-level (located by file, line,
 * column), row-level (bad year, unknown row, orphan, duplicate, conflict) and the consistency rules
 * (./sql/rules.ts). Findings never drop data.
 *
 * Few statements, no correlated subqueries: every part is a SELECT of the columns of `PART_COLS`;
 * parts with `pre` = true get the "单位名称（代码） 2023 年" prefix from one join with `units`.
 */
import { ACTIVE_MEASURES, NOT_READ, RULE_BY_ID, type RuleId } from '../domain'
import { rulesPrepSql, rulesSql } from './sql/rules'
import { CELL_COLUMNS, DATA_KINDS, ROW_COLUMN, SIGNED_COLUMNS, lineExpr, lit, q, type DataKind } from './schema'
import { cellDictNum, cellKeyText } from './sql/cells'
import { cellName, zh, zhLit } from './sql/helpers'

const sev = (id: RuleId): string => lit(RULE_BY_ID[id].severity)
const COLS = 'rule, severity, unit_code, year, tbl, cells, left_val, right_val, file_id, line, col, raw, message'
/** Columns of a findings part: those of `findings` with the message split into `pre` (unit/year prefix) and `msg`. */
const PART_COLS = 'rule, severity, unit_code, year, tbl, cells, left_val, right_val, file_id, line, col, raw, pre, msg'

/** One INSERT for many parts: the unit label is joined once. */
const insertParts = (parts: readonly string[], ctes = ''): string => `INSERT INTO findings (${COLS})
  ${ctes ? `WITH ${ctes}` : ''}
  SELECT p.rule, p.severity, p.unit_code, p.year, p.tbl, p.cells, p.left_val, p.right_val, p.file_id, p.line, p.col, p.raw,
    CASE WHEN p.pre THEN coalesce(u.unit_name, p.unit_code) || '（' || p.unit_code || '）' || ' ' || p.year || ' 年' || p.msg ELSE p.msg END
  FROM (${parts.map((s) => `(${s})`).join('\n  UNION ALL ')}) p(${PART_COLS})
  LEFT JOIN units u ON u.unit_code = p.unit_code`

// ---- cell level: cell_issues with the header as written and the Chinese cell name ----

const CELL_CTE = `col_info AS (SELECT file_id, key, min(pos) AS pos, arg_min(header, pos) AS header FROM file_cols GROUP BY file_id, key),
ci AS (SELECT c.*, coalesce(h.header, v.header, c.col) AS header, coalesce(h.pos, v.pos) AS pos,
    ${cellName('c.tbl', 'c.rk', 'c.col')} AS cname
  FROM cell_issues c LEFT JOIN col_info h ON h.file_id = c.file_id AND h.key = c.col
  LEFT JOIN col_info v ON v.file_id = c.file_id AND v.key = 'value')`

const located = (rule: RuleId, where: string, what: string): string => `
  SELECT ${lit(rule)}, ${sev(rule)}, unit_code, year, tbl, coalesce(rk || '.', '') || col, num, NULL, file_id,
    line, header, raw, true,
    cname || '：' || ${what}
    || '（' || loc(path, line) || '第 ' || coalesce(pos::VARCHAR, '?') || ' 列「' || header || '」）'
  FROM ci WHERE ${where}`

/** One finding per (unit, year, table) listing the cells, located at the first of them. */
const grouped = (rule: RuleId, where: string, what: string): string => `
  SELECT ${lit(rule)}, ${sev(rule)}, unit_code, year, tbl, string_agg(coalesce(rk || '.', '') || col, ', ' ORDER BY rec, col),
    count(*), NULL, min_by(file_id, rec), min_by(line, rec), NULL, NULL, true,
    ${zh("'tbl:' || tbl")} || '：' || count(*) || ' 个单元格' || ${what} || '：'
    || array_to_string(list_slice(list(cname || coalesce('“' || raw || '”', '') ORDER BY rec, col), 1, 8), '、')
    || CASE WHEN count(*) > 8 THEN ' 等' ELSE '' END || '（首个位于 ' || loc(min_by(path, rec), min_by(line, rec)) || '）'
  FROM ci WHERE ${where} GROUP BY unit_code, year, tbl`

const signed = [...SIGNED_COLUMNS].map(lit).join(', ') || "''"
/** Amounts (fee_amount, procurement_amount) may have decimals; every other cell is a count (bundle-format.md). */
const decimal = ACTIVE_MEASURES.filter((m) => m.decimal).map((m) => lit(m.key)).join(', ') || "''"

const CELL_PARTS = [
  located('text_cells', `kind = 'text' AND raw <> ${lit(NOT_READ)}`, "'单元格内容为文字“' || raw || '”，不是数字，未计入统计'"),
  grouped('not_read', `kind = 'text' AND raw = ${lit(NOT_READ)}`, "'导入年报原文时未能读取（原文缺损或无法定位，见导入核对清单），未计入统计'"),
  grouped('blank_cells', "kind = 'blank'", "'为空（按缺失处理，不计为 0）'"),
  grouped('tolerated_number', 'tolerated', "'数字写法不规范（全角数字、千分位或单位），已按数字读取'"),
  located('negative', `kind = 'number' AND num < 0 AND col NOT IN (${signed})`, "'数值为 ' || fmt_num(num) || '，小于 0'"),
  located('not_integer', `kind = 'number' AND num <> trunc(num) AND col NOT IN (${decimal})`,
    "'数值为“' || raw || '”，不是整数（件数应为整数），已按 ' || fmt_num(num) || ' 计入，请核对原表'"),
]

// ---- row level over all keyed tables at once ----

// The keyed rows hold no path (./rebuild.ts keyedSql): the few rows these findings group take it from `files`.
const WK_CTE = `wk AS (SELECT w.*, fl.path FROM (${DATA_KINDS.map((k) => `SELECT ${lit(k)} AS tbl, file_id, line, unit_code, year, year_raw,
    year_short, rk, ${ROW_COLUMN[k] ? q(ROW_COLUMN[k]!) : 'NULL::VARCHAR'} AS label FROM w_${k}`).join('\n  UNION ALL ')}) w
  JOIN files fl ON fl.file_id = w.file_id)`

const ROW_PARTS = [
  // one per file and spelling of the year
  `SELECT 'bad_year', ${sev('bad_year')}, min(unit_code), NULL, tbl, 'year', NULL, NULL, file_id, min(line), 'year', year_raw, false,
    '文件 ' || path || ' 中 ' || count(*) || ' 行的年度“' || coalesce(year_raw, '（空）') || '”无法识别（首个在第 '
    || min(line) || ' 行），这些行未计入统计'
    FROM wk WHERE year IS NULL GROUP BY tbl, file_id, path, year_raw`,
  `SELECT 'bad_year', 'warning', min(unit_code), min(year), tbl, 'year', NULL, NULL, file_id, min(line), 'year', year_raw, false,
    '文件 ' || path || ' 中 ' || count(*) || ' 行的年度写作“' || year_raw || '”，按 ' || min(year) || ' 年读取（首个在第 '
    || min(line) || ' 行）'
    FROM wk WHERE year IS NOT NULL AND year_short GROUP BY tbl, file_id, path, year_raw`,
  `SELECT 'bad_row', ${sev('bad_row')}, NULL, min(year), tbl, 'unit_code', NULL, NULL, file_id, min(line), 'unit_code', NULL, false,
    '文件 ' || path || ' 中 ' || count(*) || ' 行缺少单位代码（首个在第 ' || min(line) || ' 行），这些行未计入统计'
    FROM wk WHERE unit_code IS NULL GROUP BY tbl, file_id, path`,
  `SELECT 'unknown_row', ${sev('unknown_row')}, min(unit_code), min(year), tbl, CASE tbl WHEN 'active' THEN 'item' ELSE 'row' END,
    count(*), NULL, file_id, min(line), CASE tbl WHEN 'active' THEN 'item' ELSE 'row' END, label, false,
    '文件 ' || path || ' 中 ' || count(*) || ' 行的行标签“' || coalesce(label, '（空）') || '”无法识别（首个在第 '
    || min(line) || ' 行），这些行未计入统计'
    FROM wk WHERE rk IS NULL AND tbl IN ('active', 'applications') GROUP BY tbl, file_id, path, label`,
]

/**
 * A unit code Excel turned into a number and wrote back in scientific notation (230883103000 → 2.30883E+11):
 * the digits after the sixth are gone. One finding per file and spelling, located at its first row and column.
 */
const BAD_UNIT_CODE = `SELECT 'bad_unit_code', ${sev('bad_unit_code')}, w.unit_code, min(w.year), w.tbl, 'unit_code', count(*), NULL,
    w.file_id, min(w.line), 'unit_code', w.unit_code, false,
    '文件 ' || w.path || ' 第 ' || min(w.line) || ' 行第 ' || coalesce(any_value(h.pos)::VARCHAR, '?') || ' 列「'
    || coalesce(any_value(h.header), '单位代码') || '」：单位代码写作“' || w.unit_code
    || '”，是 Excel 把长数字代码转成的科学计数法，真实代码已丢失'
    || CASE WHEN count(*) > 1 THEN '（本文件共 ' || count(*) || ' 行）' ELSE '' END
    || '；这些行按此代码载入，无法与其他文件中的同一单位对应。请在 Excel 中把该列设为“文本”、填回完整代码后重新导出'
  FROM wk w LEFT JOIN col_info h ON h.file_id = w.file_id AND h.key = 'unit_code'
  WHERE regexp_full_match(w.unit_code, '[0-9]+(\\.[0-9]*)?[eE][+-]?[0-9]+')
  GROUP BY w.tbl, w.file_id, w.path, w.unit_code`

const ORPHAN = `SELECT 'orphan_row', ${sev('orphan_row')}, k.unit_code, k.year, string_agg(DISTINCT k.tbl, ','), NULL, NULL, NULL,
    min(k.file_id), NULL, NULL, NULL, true,
    '的' || string_agg(DISTINCT ${zh("'tbl:' || k.tbl")}, '、') || '数据在报告清单（reports.csv）中没有对应记录；数据已载入'
  FROM (SELECT 'active' AS tbl, unit_code, year, file_id FROM active UNION ALL SELECT 'applications', unit_code, year, file_id FROM applications
        UNION ALL SELECT 'reviews', unit_code, year, file_id FROM reviews) k
  LEFT JOIN (SELECT DISTINCT unit_code, year FROM reports) r ON r.unit_code = k.unit_code AND r.year = k.year
  WHERE r.unit_code IS NULL
  GROUP BY k.unit_code, k.year`

const LOAD = `SELECT l.rule, l.severity, NULL, NULL, f.kind, NULL, NULL, NULL, l.file_id, l.line, NULL, l.raw, false, l.message
  FROM load_findings l LEFT JOIN files f ON f.file_id = l.file_id`

// ---- repeats of a key: equal meaning → duplicate (one finding per pair of files), else conflict (per row) ----

/**
 * Every compared cell of every repeated row next to the cell of the row that won, one row per cell.
 * A facts.csv record holds only the cells its lines give (a blank value gives no number either):
 * its NULL cells are not compared, so facts giving part of a row is no conflict.
 * The winners are narrowed to the repeated keys first (a semi join on the few repeats): inside the
 * load's transaction the planner has no statistics and otherwise hashes every winning row (4.8 s at 50k).
 */
function dupCells(kind: DataKind): string {
  const cmp = kind === 'reports' ? [...CELL_COLUMNS.reports, 'unit_name'] : CELL_COLUMNS[kind]
  return `SELECT ${lit(kind)} AS tbl, a.file_id AS a_file, a.rec AS a_rec, fa.path AS a_path, a.line AS a_line,
      fb.path AS b_path, b.line AS b_line, a.unit_code, a.year, a.rk, fa.kind = 'facts' AS a_facts, fb.kind = 'facts' AS b_facts,
      unnest([${cmp.map((_, i) => i + 1).join(', ')}]) AS ci, unnest([${cmp.map((c) => zhLit(`col:${c}`)).join(', ')}]) AS zh,
      unnest([${cmp.map((c) => `a.${q(c)}`).join(', ')}]) AS a_raw, unnest([${cmp.map((c) => `b.${q(c)}`).join(', ')}]) AS b_raw
    FROM (SELECT * FROM w_${kind} WHERE dup_rank > 1) a
    JOIN (SELECT * FROM w_${kind} w SEMI JOIN (SELECT unit_code, year, rk FROM w_${kind} WHERE dup_rank > 1) d
        ON d.unit_code = w.unit_code AND d.year = w.year AND d.rk = w.rk WHERE w.dup_rank = 1) b
      ON b.unit_code = a.unit_code AND b.year = a.year AND b.rk = a.rk
    JOIN files fa ON fa.file_id = a.file_id JOIN files fb ON fb.file_id = b.file_id`
}

const DUP_SQL = `CREATE OR REPLACE TEMP TABLE dup_pairs AS
  SELECT tbl, a_file, a_rec, any_value(a_path) AS a_path, any_value(a_line) AS a_line, any_value(b_path) AS b_path,
    any_value(b_line) AS b_line, any_value(unit_code) AS unit_code, any_value(year) AS year, any_value(rk) AS rk,
    bool_and(same) AS same,
    string_agg(CASE WHEN NOT same THEN '「' || zh || '」' || coalesce(b_raw, '空') || ' 与 ' || coalesce(a_raw, '空') END, '；' ORDER BY ci) AS diff
  FROM (SELECT x.*, ((x.a_facts AND x.a_raw IS NULL) OR (x.b_facts AND x.b_raw IS NULL)
      OR (${cellDictNum('x.a_raw', 'da')} IS NOT DISTINCT FROM ${cellDictNum('x.b_raw', 'db')}
      AND ${cellKeyText('x.a_raw', 'da')} IS NOT DISTINCT FROM ${cellKeyText('x.b_raw', 'db')})) AS same
    FROM (${DATA_KINDS.map(dupCells).join('\n    UNION ALL ')}) x
    LEFT JOIN cell_dict da ON da.raw = x.a_raw LEFT JOIN cell_dict db ON db.raw = x.b_raw)
  GROUP BY tbl, a_file, a_rec`

const DUP_PARTS = [
  `SELECT 'duplicate', ${sev('duplicate')}, NULL, NULL, tbl, NULL, count(*), NULL, a_file, min(a_line), NULL, NULL, false,
    '文件 ' || a_path || ' 中 ' || count(*) || ' 行与 ' || b_path || ' 中已载入的数据重复（数值相同），只计一次'
  FROM dup_pairs WHERE same GROUP BY tbl, a_file, a_path, b_path`,
  `SELECT 'conflict', ${sev('conflict')}, unit_code, year, tbl, rk, NULL, NULL, a_file, a_line, NULL, NULL, true,
    ${zh("'tbl:' || tbl")} || CASE WHEN rk <> '' THEN '「' || ${zh("'row:' || rk")} || '」' ELSE '' END
    || ' 出现两次且数值不同：' || loc(b_path, b_line) || ' 与 ' || loc(a_path, a_line) || '——' || coalesce(diff, '')
    || '。采用先载入的 ' || loc(b_path, b_line)
  FROM dup_pairs WHERE NOT same`,
]

/**
 * facts.csv giving one cell twice in a file (the row spelled two ways, or the line repeated) with different meanings:
 * its pivot keeps the first line's value (rebuild.ts factsPivot), so the other is a located conflict, never dropped silently.
 * Blank values give nothing and are not compared.
 */
const FACTS_REPEAT = `SELECT 'conflict', ${sev('conflict')}, g.unit_code, g.year, g.tbl, coalesce(g.rk || '.', '') || g.col, NULL, NULL,
    g.file_id, ${lineExpr('fl', 'g.rec1')}, g.col, g.v2, true,
    ${zh("'tbl:' || g.tbl")} || CASE WHEN g.rk IS NOT NULL THEN '「' || ${zh("'row:' || g.rk")} || '」' ELSE '' END
    || '「' || ${zh("'col:' || g.col")} || '」在 ' || fl.path || ' 中给了两次且数值不同：第 ' || ${lineExpr('fl', 'g.rec1')}
    || ' 行“' || g.v1 || '”与第 ' || ${lineExpr('fl', 'g.rec2')} || ' 行“' || g.v2 || '”。采用第 ' || ${lineExpr('fl', 'g.rec1')} || ' 行'
  FROM (SELECT file_id, unit_code, year, tbl, rk, col, any_value(v1) AS v1, min(rec1) AS rec1,
      min(rec) FILTER (WHERE meaning IS DISTINCT FROM m1) AS rec2, arg_min(value, rec) FILTER (WHERE meaning IS DISTINCT FROM m1) AS v2
    FROM (SELECT *, first_value(meaning) OVER w AS m1, first_value(value) OVER w AS v1, min(rec) OVER w AS rec1
      FROM (SELECT f.file_id, f.rec, f.value, trim(f.unit_code) AS unit_code, yd.year, m.tbl, lm.key AS rk, m.key AS col,
          coalesce(CAST(${cellDictNum('f.value', 'd')} AS VARCHAR), ${cellKeyText('f.value', 'd')}) AS meaning
        FROM raw_facts f JOIN facts_map m ON m.section = f.section AND m.col = f."column"
        JOIN year_dict yd ON yd.raw = f.year LEFT JOIN label_map lm ON lm.tbl = m.tbl AND lm.label = f."row"
        LEFT JOIN cell_dict d ON d.raw = f.value
        WHERE m.key IS NOT NULL AND f.value IS NOT NULL AND yd.year IS NOT NULL AND nullif(trim(f.unit_code), '') IS NOT NULL
          AND (lm.key IS NOT NULL OR m.tbl = 'reviews'))
      WINDOW w AS (PARTITION BY file_id, unit_code, year, tbl, rk, col ORDER BY rec ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
    GROUP BY file_id, unit_code, year, tbl, rk, col) g
  JOIN files fl ON fl.file_id = g.file_id
  WHERE g.rec2 IS NOT NULL`

export const findingsSql = (): readonly string[] => [
  'DELETE FROM findings',
  insertParts([LOAD, ...CELL_PARTS, ...ROW_PARTS, BAD_UNIT_CODE, ORPHAN], `${CELL_CTE},\n${WK_CTE}`),
  DUP_SQL,
  insertParts([...DUP_PARTS, FACTS_REPEAT]),
  ...rulesPrepSql(),
  insertParts(rulesSql()),
  'DROP TABLE IF EXISTS dup_pairs; DROP TABLE IF EXISTS blank_cols; DROP TABLE IF EXISTS form_rows',
]
