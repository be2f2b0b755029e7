/**
 * Consistency rules (勾稽关系, report-format.md) as SELECTs producing findings columns
 * (rule, severity, unit_code, year, tbl, cells, left_val, right_val, file_id, line, col, raw, pre, msg): `pre` = the
 * message follows the unit name and year (src/db/findings.ts adds them with one join).
 * A rule is checked only when every cell it needs is a number: blanks are reported as blank_cells,
 * never guessed as 0.
 */
import {
  APPLICANT_KEYS, APPLICANT_PARTS, RULE_BY_ID, REVIEW_BLOCKS, allApplicationRows, formVersions, inForceChainItems, perVersions,
  regulationMeasures, type RuleId,
} from '../../domain'
import { zh, zhLit } from './helpers'
import { expectedFormatSql } from './versions'
import { lit } from '../../queries/quote'

const sev = (id: RuleId): string => lit(RULE_BY_ID[id].severity)
/** Each part is a findings part (see PART_COLS in ../findings.ts); `true` before the message = unit/year prefix. */
const WHO = 'true'

/**
 * applications per (unit, year, column): the flow rows and the outcome sum. Outcome rows: granted,
 * partial, withheld.*, unavailable.*, rejected.*, other.* — or the 2019 `other` row when the report
 * has no other.* rows. Unpivoted first, so that one set of aggregates serves every column: the former
 * struct per column (70 aggregates) cost ~0.3 s of planning on every load, however small. The row flags
 * are computed before the unpivot: once per row, not once per cell (~0.6 s at 50k reports).
 * A row key appears once per report in `applications` (the duplicates are ranked away, src/db/rebuild.ts), so rows
 * are counted with count(*), not count(DISTINCT "row"): a distinct aggregate per group made this statement 2.6×
 * slower (50,000 reports, one thread: 5.5 → 2.1 s).
 */
/**
 * Outcome rows outside the 其他处理 group that a version prints. When every version prints the same ones (2019 and
 * 2021 do) one check serves all reports; otherwise each report is checked against its own version's rows.
 */
function baseComplete(): { cols: string; names: string[]; expr: string; join: string } {
  const sets = [...new Map(formVersions().map((v) => {
    const rows = v.applicationRows.filter((r) => r.outcome && r.outcome !== 'other').map((r) => r.key)
    return [rows.join(), rows] as const
  })).values()]
  const check = (rows: readonly string[]): string => `count(*) FILTER (WHERE "row" IN (${rows.map(lit).join(', ') || 'NULL'})) = ${rows.length}`
  if (sets.length === 1) return { cols: '', names: [], expr: check(sets[0]), join: '' }
  const ix = (v: { applicationRows: readonly { key: string; outcome?: string }[] }): number =>
    sets.findIndex((rows) => rows.join() === v.applicationRows.filter((r) => r.outcome && r.outcome !== 'other').map((r) => r.key).join())
  return {
    cols: sets.map((rows, i) => `${check(rows)} AS base${i}, `).join(''),
    names: sets.map((_, i) => `base${i}`),
    expr: `CASE f.format ${formVersions().map((v) => `WHEN ${lit(v.id)} THEN base${ix(v)}`).join(' ')} ELSE ${sets.map((_, i) => `base${i}`).join(' OR ')} END`,
    join: `LEFT JOIN report_fmt f ON f.unit_code = c.unit_code AND f.year = c.year`,
  }
}
/** The 其他处理 sub-rows (`other.*`) of any version. */
const otherSub = (): string[] => allApplicationRows().filter((r) => r.key.startsWith('other.')).map((r) => r.key)

function appColsSql(): string {
  const base = baseComplete()
  const other = `(count(*) FILTER (WHERE o21) = ${otherSub().length}
        OR (NOT coalesce(bool_or(o21), false) AND count(*) FILTER (WHERE "row" = 'other') > 0))`
  const agg = `WITH u AS (SELECT unit_code, year, "row", col, v, o1, o21, blank
    FROM (SELECT a.*, ("row" IN ('granted', 'partial') OR ${['withheld', 'unavailable', 'rejected', 'other'].map((g) => `starts_with("row", ${lit(`${g}.`)})`).join(' OR ')}) AS o1,
        starts_with("row", 'other.') AS o21 FROM applications a)
      UNPIVOT INCLUDE NULLS (v FOR col IN (${APPLICANT_KEYS.map((c) => `"${c}"`).join(', ')}))
    LEFT JOIN (SELECT unit_code AS bu, year AS byr, rk AS brk, col AS bcol, true AS blank FROM cell_issues WHERE tbl = 'applications' AND kind = 'blank')
      ON bu = unit_code AND byr = year AND brk = "row" AND bcol = col)
  SELECT unit_code, year, col,
    max(v) FILTER (WHERE "row" = 'received') AS received, max(v) FILTER (WHERE "row" = 'carried_in') AS carried_in,
    max(v) FILTER (WHERE "row" = 'handled') AS handled, max(v) FILTER (WHERE "row" = 'carried_out') AS carried_out,
    CASE WHEN bool_or(o21) THEN sum(v) FILTER (WHERE o1)
      ELSE coalesce(sum(v) FILTER (WHERE o1) + sum(v) FILTER (WHERE "row" = 'other'), sum(v) FILTER (WHERE o1),
        sum(v) FILTER (WHERE "row" = 'other')) END AS outcome_sum,
    count(*) FILTER (WHERE o1) + CASE WHEN bool_or(o21) THEN 0 ELSE count(*) FILTER (WHERE "row" = 'other') END AS outcome_n,
    count(*) FILTER (WHERE o1 AND v IS NULL)
      + CASE WHEN bool_or(o21) THEN 0 ELSE count(*) FILTER (WHERE "row" = 'other' AND v IS NULL) END AS outcome_null,
    -- every outcome row of the form is there (the 2019 其他处理 row may stand for the three 2021 sub-rows)
    ${base.join ? `${base.cols}${other} AS other_complete` : `${base.expr}
      AND ${other} AS outcome_complete`},
    -- NULL cells that are blanks (not text, not n.a.), and whether every NULL the rules need is one
    count(*) FILTER (WHERE (o1 OR "row" = 'other') AND v IS NULL AND blank) AS outcome_blank,
    count(*) FILTER (WHERE "row" IN ('received', 'carried_in', 'handled', 'carried_out') AND v IS NULL AND blank) AS flow_blank,
    count(*) FILTER (WHERE "row" IN ('received', 'carried_in', 'handled', 'carried_out') AND v IS NULL AND blank IS NULL) AS flow_other_null,
    count(*) FILTER (WHERE "row" IN ('received', 'carried_in', 'handled', 'carried_out')) AS flow_rows,
    CASE WHEN bool_or(o21) THEN coalesce(sum(v) FILTER (WHERE o1), 0)
      ELSE coalesce(sum(v) FILTER (WHERE o1), 0) + coalesce(sum(v) FILTER (WHERE "row" = 'other'), 0) END AS outcome_sum0
  FROM u GROUP BY unit_code, year, col`
  if (!base.join) return `CREATE OR REPLACE TEMP TABLE app_cols AS\n  ${agg}`
  // Versions differ in their outcome rows: each report is complete in its own version's rows.
  return `CREATE OR REPLACE TEMP TABLE app_cols AS
  SELECT c.* EXCLUDE (${base.names.join(', ')}, other_complete),
    (${base.expr}) AND c.other_complete AS outcome_complete
  FROM (${agg}) c ${base.join}`
}

const colZh = `${zh("'col:' || col")}`

const flowIdentity = `SELECT 'flow_identity', ${sev('flow_identity')}, unit_code, year, 'applications',
    'received.' || col || '+carried_in.' || col || '=handled.' || col || '+carried_out.' || col,
    received + carried_in, handled + carried_out, NULL, NULL, col, NULL,
    ${WHO}, '依申请公开「' || ${colZh} || '」列：本年新收 ' || fmt_num(received) || ' + 上年结转 ' || fmt_num(carried_in)
    || ' = ' || fmt_num(received + carried_in) || '，但办理结果总计 ' || fmt_num(handled) || ' + 结转下年度 ' || fmt_num(carried_out)
    || ' = ' || fmt_num(handled + carried_out)
  FROM app_cols WHERE received + carried_in <> handled + carried_out`

const handledSum = `SELECT 'handled_sum', ${sev('handled_sum')}, unit_code, year, 'applications', 'handled.' || col,
    handled, outcome_sum, NULL, NULL, col, NULL,
    ${WHO}, '依申请公开「' || ${colZh} || '」列：办理结果总计为 ' || fmt_num(handled) || '，各办理结果之和为 ' || fmt_num(outcome_sum)
  FROM app_cols WHERE handled IS NOT NULL AND outcome_complete AND outcome_null = 0 AND handled <> outcome_sum`

const partsSum = APPLICANT_PARTS.map((c) => `a."${c}"`).join(' + ')
const partsSum0 = APPLICANT_PARTS.map((c) => `coalesce(a."${c}", 0)`).join(' + ')
const partsFilled = APPLICANT_PARTS.map((c) => `a."${c}" IS NOT NULL`).join(' OR ')
const rowName = zh(`'row:' || a."row"`)
const APP_ROWS_FROM = `FROM applications a JOIN w_applications w ON w.file_id = a.file_id AND w.rec = a.rec AND w.dup_rank = 1
  JOIN files fl ON fl.file_id = a.file_id
  LEFT JOIN blank_cols b ON b.tbl = 'applications' AND b.unit_code = a.unit_code AND b.year = a.year AND b.rk = a."row"`
/** Cells of the row that are NULL, and how many of them are blanks (not text, not n.a.). */
const nullCount = (cols: readonly string[], t = 'a'): string => cols.map((c) => `(${t}."${c}" IS NULL)::INTEGER`).join(' + ')
const blankCount = (cols: readonly string[]): string => cols.map((c) => `list_contains(coalesce(b.cols, []), ${lit(c)})::INTEGER`).join(' + ')

const applicantSum = [`SELECT 'applicant_sum', ${sev('applicant_sum')}, a.unit_code, a.year, 'applications', a."row" || '.total',
    a.total, ${partsSum}, a.file_id, w.line, 'total', NULL,
    ${WHO}, '依申请公开「' || ${rowName} || '」行：总计 ' || fmt_num(a.total)
    || '，但自然人与五类法人或其他组织之和为 ' || fmt_num(${partsSum}) || '（' || loc(fl.path, w.line) || '）'
  ${APP_ROWS_FROM}
  WHERE a.total IS NOT NULL AND ${APPLICANT_PARTS.map((c) => `a."${c}" IS NOT NULL`).join(' AND ')} AND a.total <> ${partsSum}`,
  // The total left blank while parts are filled (real case: 予以公开 自然人 18, 总计 blank).
  `SELECT 'applicant_sum', ${sev('applicant_sum')}, a.unit_code, a.year, 'applications', a."row" || '.total',
    NULL, ${partsSum0}, a.file_id, w.line, 'total', NULL,
    ${WHO}, '依申请公开「' || ${rowName} || '」行：总计为空，但自然人与五类法人或其他组织已填，之和为 ' || fmt_num(${partsSum0})
    || '（' || loc(fl.path, w.line) || '）'
  ${APP_ROWS_FROM}
  WHERE a.total IS NULL AND list_contains(coalesce(b.cols, []), 'total') AND (${partsFilled}) AND ${partsSum0} > 0`]

const reviewSum = REVIEW_BLOCKS.map((b) => {
  const parts = ['upheld', 'corrected', 'other', 'pending'].map((o) => `"${b.key}_${o}"`)
  const sum = parts.join(' + ')
  return `SELECT 'review_sum', ${sev('review_sum')}, unit_code, year, 'reviews', ${lit(b.key + '_total')},
    "${b.key}_total", ${sum}, file_id, NULL, ${lit(b.key + '_total')}, NULL,
    ${WHO}, ${lit(b.zh)} || '：总计 ' || fmt_num("${b.key}_total") || '，但结果维持 + 结果纠正 + 其他结果 + 尚未审结 = ' || fmt_num(${sum})
  FROM reviews WHERE "${b.key}_total" IS NOT NULL AND ${parts.map((p) => `${p} IS NOT NULL`).join(' AND ')} AND "${b.key}_total" <> ${sum}`
})

const carryChain = `SELECT 'carry_chain', ${sev('carry_chain')}, c.unit_code, c.year, 'applications', 'carried_in.total',
    c.carried_in, p.carried_out, NULL, NULL, 'total', NULL,
    ${WHO}, '“上年结转”为 ' || fmt_num(c.carried_in) || '，但 ' || p.year || ' 年“结转下年度继续办理”为 ' || fmt_num(p.carried_out)
  FROM summary c JOIN summary p ON p.unit_code = c.unit_code AND p.year = c.year - 1
  WHERE c.carried_in IS NOT NULL AND p.carried_out IS NOT NULL AND c.carried_in <> p.carried_out`

/** Every measure of the 规章 row in any version (domain `regulationMeasures`). */
const noTownshipRegulations = (): string => {
  const REG_MEASURES = regulationMeasures()
  const regSum = REG_MEASURES.map((m) => `coalesce(a."${m}", 0)`).join(' + ')
  return `SELECT 'no_township_regulations', ${sev('no_township_regulations')}, a.unit_code, a.year, 'active', 'regulations',
    ${regSum}, 0, a.file_id, NULL, NULL, coalesce(nullif(s.level, ''), pu.level),
    ${WHO}, '：县级及以下单位（县级政府及其部门、乡镇、街道）不制定规章（立法法），但「规章」行填有数字（'
    || concat_ws('、', ${REG_MEASURES.map((m) => `CASE WHEN a."${m}" <> 0 THEN ${zhLit(`col:${m}`)} || ' ' || fmt_num(a."${m}") END`).join(', ')}) || '）'
  FROM active a JOIN summary s ON s.unit_code = a.unit_code AND s.year = a.year
  LEFT JOIN units pu ON pu.unit_code = s.parent_code
  WHERE a.item = 'regulations' AND below_city(nullif(s.level, ''), s.unit_name, nullif(pu.level, ''), coalesce(s.parent_name, pu.unit_name))
    AND (${REG_MEASURES.map((m) => `a."${m}" <> 0`).join(' OR ')})`
}

/** The version a report should use comes from its year (domain `formFor`). */
const formatYear = (): string => `SELECT 'format_year', ${sev('format_year')}, unit_code, year, NULL, 'format', NULL, NULL, NULL, NULL, NULL,
    coalesce(detected, format_declared),
    ${WHO}, '的表格使用 ' || coalesce(detected, format_declared) || ' 版格式，该年度应使用 '
    || expected || ' 版' || CASE WHEN detected IS NULL THEN '（依报告清单所填格式）' ELSE '（依表格行列判断）' END
  FROM (SELECT *, ${expectedFormatSql('year')} AS expected FROM report_fmt)
  WHERE expected IS NOT NULL AND coalesce(detected, format_declared) IS NOT NULL AND coalesce(detected, format_declared) <> expected`

/** Rows with issued, repealed and in force in some version (domain `inForceChainItems`). */
const inForceChain = (): string => `SELECT 'in_force_chain', ${sev('in_force_chain')}, c.unit_code, c.year, 'active', c.item || '.in_force',
    c.in_force, p.in_force + c.issued - c.repealed, c.file_id, NULL, 'in_force', NULL,
    ${WHO}, '「' || ${zh("'row:' || c.item")} || '」现行有效件数为 ' || fmt_num(c.in_force) || '，但上年现行有效 '
    || fmt_num(p.in_force) || ' + 本年制发 ' || fmt_num(c.issued) || ' − 本年废止 ' || fmt_num(c.repealed) || ' = ' || fmt_num(p.in_force + c.issued - c.repealed)
  FROM active c JOIN active p ON p.unit_code = c.unit_code AND p.item = c.item AND p.year = c.year - 1
  WHERE c.item IN (${inForceChainItems().map(lit).join(', ')}) AND c.in_force IS NOT NULL AND p.in_force IS NOT NULL
    AND c.issued IS NOT NULL AND c.repealed IS NOT NULL AND c.in_force <> p.in_force + c.issued - c.repealed`

const YOY_MEASURES: [string, string][] = [['active_total', '主动公开信息数'], ['received', '新收申请数'], ['handled', '办理结果总计']]
const yoyJump = YOY_MEASURES.map(([m, zh]) => `SELECT 'yoy_jump', ${sev('yoy_jump')}, c.unit_code, c.year, 'summary', ${lit(m)},
    c."${m}", p."${m}", NULL, NULL, NULL, NULL,
    ${WHO}, ${lit(zh)} || '为 ' || fmt_num(c."${m}") || '，上年为 ' || fmt_num(p."${m}") || '，变化 '
    || CAST(round(c."${m}" / p."${m}", 1) AS VARCHAR) || ' 倍'
  FROM summary c JOIN summary p ON p.unit_code = c.unit_code AND p.year = c.year - 1
  WHERE c."${m}" >= 10 AND p."${m}" >= 10 AND (c."${m}" > 5 * p."${m}" OR c."${m}" < 0.2 * p."${m}")`)

// Peers: same parent and level, same year, the unit itself left out; only with ≥ 5 peers holding the
// figure, and a median that means something (a 0 against a median of 1 is noise).
const peerOutlier = [['active_total', '主动公开信息数'], ['received', '新收申请数']].map(([m, zh]) => `SELECT 'peer_outlier', ${sev('peer_outlier')},
    unit_code, year, 'summary', ${lit(m)}, v, med, NULL, NULL, NULL, n::VARCHAR,
    ${WHO}, ${lit(zh)} || '为 ' || fmt_num(v) || '，同上级同层级 ' || n || ' 个单位的中位数为 ' || fmt_num(med)
    || CASE WHEN v = 0 THEN '（为 0）' ELSE '（超过中位数 10 倍）' END
  FROM (SELECT s.unit_code, s.year, any_value(s."${m}") AS v, median(p."${m}") AS med, count(p."${m}") AS n
    FROM summary s JOIN summary p ON p.parent_code = s.parent_code AND p.level IS NOT DISTINCT FROM s.level AND p.year = s.year
      AND p.unit_code <> s.unit_code AND p."${m}" IS NOT NULL
    WHERE s.parent_code IS NOT NULL AND s."${m}" IS NOT NULL
    GROUP BY s.unit_code, s.year)
  WHERE n >= 5 AND ((v = 0 AND med >= 10) OR (med >= 1 AND v > 10 * med))`)

// ---- pass_if_zero: a sum rule left unchecked by blanks that would hold with every blank read as 0 ----

const ZERO_NOTE = '；若空白按 0 计则相符（空白按缺失处理，未计为 0）'
const passIfZero = [
  `SELECT 'pass_if_zero', ${sev('pass_if_zero')}, unit_code, year, 'applications',
    'received.' || col || '+carried_in.' || col || '=handled.' || col || '+carried_out.' || col,
    coalesce(received, 0) + coalesce(carried_in, 0), coalesce(handled, 0) + coalesce(carried_out, 0), NULL, NULL, col, flow_blank::VARCHAR,
    ${WHO}, '依申请公开「' || ${colZh} || '」列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度 因 ' || flow_blank || ' 个空白单元格未核对${ZERO_NOTE}'
  FROM app_cols WHERE flow_rows = 4 AND flow_blank > 0 AND flow_other_null = 0
    AND coalesce(received, 0) + coalesce(carried_in, 0) = coalesce(handled, 0) + coalesce(carried_out, 0)`,
  `SELECT 'pass_if_zero', ${sev('pass_if_zero')}, unit_code, year, 'applications', 'handled.' || col,
    handled, outcome_sum0, NULL, NULL, col, outcome_blank::VARCHAR,
    ${WHO}, '依申请公开「' || ${colZh} || '」列：办理结果总计 = 各办理结果之和 因 ' || outcome_blank || ' 个空白单元格未核对${ZERO_NOTE}'
  FROM app_cols WHERE handled IS NOT NULL AND outcome_complete AND outcome_null > 0 AND outcome_null = outcome_blank AND handled = outcome_sum0`,
  `SELECT 'pass_if_zero', ${sev('pass_if_zero')}, a.unit_code, a.year, 'applications', a."row" || '.total',
    coalesce(a.total, 0), ${partsSum0}, a.file_id, w.line, 'total', (${blankCount(APPLICANT_KEYS)})::VARCHAR,
    ${WHO}, '依申请公开「' || ${rowName} || '」行：总计 = 自然人与五类法人或其他组织之和 因 ' || (${blankCount(APPLICANT_KEYS)})
    || ' 个空白单元格未核对${ZERO_NOTE}（' || loc(fl.path, w.line) || '）'
  ${APP_ROWS_FROM}
  WHERE (${nullCount(APPLICANT_KEYS)}) > 0 AND (${nullCount(APPLICANT_KEYS)}) = (${blankCount(APPLICANT_KEYS)})
    AND coalesce(a.total, 0) = ${partsSum0}`,
  ...REVIEW_BLOCKS.map((bk) => {
    const cols = ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${bk.key}_${o}`)
    const parts0 = cols.slice(0, 4).map((c) => `coalesce(r."${c}", 0)`).join(' + ')
    return `SELECT 'pass_if_zero', ${sev('pass_if_zero')}, r.unit_code, r.year, 'reviews', ${lit(bk.key + '_total')},
    coalesce(r."${bk.key}_total", 0), ${parts0}, r.file_id, NULL, ${lit(bk.key + '_total')}, (${blankCount(cols)})::VARCHAR,
    ${WHO}, ${lit(bk.zh)} || '：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 因 ' || (${blankCount(cols)}) || ' 个空白单元格未核对${ZERO_NOTE}'
  FROM reviews r LEFT JOIN blank_cols b ON b.tbl = 'reviews' AND b.unit_code = r.unit_code AND b.year = r.year AND b.rk = ''
  WHERE (${nullCount(cols, 'r')}) > 0 AND (${nullCount(cols, 'r')}) = (${blankCount(cols)}) AND coalesce(r."${bk.key}_total", 0) = ${parts0}`
  }),
]

// ---- absent_rows: a table that is there but lacks rows of the form ----

/** (format, table, row key, order, group) of every row of the form; other.* and other stand in for each other. */
const formRowsSql = (): string => `CREATE OR REPLACE TEMP TABLE form_rows AS SELECT * FROM (VALUES ${[
  ...formVersions().flatMap((v) => v.activeItems.map((it, i) => `(${lit(v.id)}, 'active', ${lit(it.key)}, ${i})`)),
  ...formVersions().flatMap((v) => v.applicationRows.map((r, i) => `(${lit(v.id)}, 'applications', ${lit(r.key)}, ${i})`)),
].join(', ')}) t(format, tbl, rk, ord)`

const absentRows = `SELECT 'absent_rows', ${sev('absent_rows')}, t.unit_code, t.year, t.tbl, string_agg(f.rk, ', ' ORDER BY f.ord),
    count(*), NULL, any_value(t.file_id), NULL, NULL, NULL,
    ${WHO}, '的' || ${zh("'tbl:' || t.tbl")} || '缺少表样中的 ' || count(*) || ' 行：'
    || string_agg('「' || ${zh("'row:' || f.rk")} || '」', '、' ORDER BY f.ord)
    || CASE WHEN t.tbl = 'applications' THEN '（这些行所在的分组不计合计，相关勾稽关系未核对）' ELSE '' END
  FROM (SELECT 'active' AS tbl, unit_code, year, list(item) AS rks, min(file_id) AS file_id FROM active GROUP BY unit_code, year
        UNION ALL SELECT 'applications', unit_code, year, list("row"), min(file_id) FROM applications GROUP BY unit_code, year) t
  JOIN report_fmt k ON k.unit_code = t.unit_code AND k.year = t.year
  JOIN form_rows f ON f.format = k.format AND f.tbl = t.tbl
  WHERE NOT list_contains(t.rks, f.rk)
    -- the 2019 其他处理 row stands for the three 2021 sub-rows, and the other way round
    AND NOT (starts_with(f.rk, 'other.') AND list_contains(t.rks, 'other') AND len(list_filter(t.rks, x -> starts_with(x, 'other.'))) = 0)
    AND NOT (f.rk = 'other' AND len(list_filter(t.rks, x -> starts_with(x, 'other.'))) > 0)
  GROUP BY t.tbl, t.unit_code, t.year`

/** Statements the rules need first (temporary tables). */
const BLANK_COLS_SQL = `CREATE OR REPLACE TEMP TABLE blank_cols AS
  SELECT tbl, unit_code, year, coalesce(rk, '') AS rk, list(col) AS cols FROM cell_issues WHERE kind = 'blank' GROUP BY ALL`

/** Rebuilt from the domain's form versions when they change. */
export const rulesPrepSql = perVersions((): readonly string[] => [BLANK_COLS_SQL, appColsSql(), formRowsSql()])

export const rulesSql = perVersions((): readonly string[] => [
  flowIdentity, handledSum, ...applicantSum, ...reviewSum, carryChain, noTownshipRegulations(), formatYear(), inForceChain(),
  ...yoyJump, ...peerOutlier, ...passIfZero, absentRows,
])
