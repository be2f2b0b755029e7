/**
 * Consistency rules (勾稽关系, report-format.md) as SELECTs producing findings columns
 * (rule, severity, unit_code, year, tbl, cells, left_val, right_val, file_id, line, col, raw, pre, msg): `pre` = the
 * message follows the unit name and year (src/db/findings.ts adds them with one join).
 * A rule is checked only when every cell it needs is a number: blanks are reported as blank_cells,
 * never guessed as 0.
 */
import { APPLICANT_KEYS, APPLICANT_PARTS, RULE_BY_ID, REVIEW_BLOCKS, type RuleId } from '../../domain'
import { zh, zhLit } from './helpers'

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`
const sev = (id: RuleId): string => lit(RULE_BY_ID[id].severity)
/** Each part is a findings part (see PART_COLS in ../findings.ts); `true` before the message = unit/year prefix. */
const WHO = 'true'

/**
 * applications per (unit, year, column): the flow rows and the outcome sum. Outcome rows: granted,
 * partial, withheld.*, unavailable.*, rejected.*, other.* — or the 2019 `other` row when the report
 * has no other.* rows. Unpivoted first, so that one set of aggregates serves every column: the former
 * struct per column (70 aggregates) cost ~0.3 s of planning on every load, however small. The row flags
 * are computed before the unpivot: once per row, not once per cell (~0.6 s at 50k reports).
 */
const APP_COLS_SQL = `CREATE OR REPLACE TEMP TABLE app_cols AS
  WITH u AS (SELECT unit_code, year, "row", col, v, o1, o21
    FROM (SELECT *, ("row" IN ('granted', 'partial') OR regexp_matches("row", '^(withheld|unavailable|rejected|other)\\.')) AS o1,
        starts_with("row", 'other.') AS o21 FROM applications)
      UNPIVOT INCLUDE NULLS (v FOR col IN (${APPLICANT_KEYS.map((c) => `"${c}"`).join(', ')})))
  SELECT unit_code, year, col,
    max(v) FILTER (WHERE "row" = 'received') AS received, max(v) FILTER (WHERE "row" = 'carried_in') AS carried_in,
    max(v) FILTER (WHERE "row" = 'handled') AS handled, max(v) FILTER (WHERE "row" = 'carried_out') AS carried_out,
    CASE WHEN bool_or(o21) THEN sum(v) FILTER (WHERE o1)
      ELSE coalesce(sum(v) FILTER (WHERE o1) + sum(v) FILTER (WHERE "row" = 'other'), sum(v) FILTER (WHERE o1),
        sum(v) FILTER (WHERE "row" = 'other')) END AS outcome_sum,
    count(*) FILTER (WHERE o1) + CASE WHEN bool_or(o21) THEN 0 ELSE count(*) FILTER (WHERE "row" = 'other') END AS outcome_n,
    count(*) FILTER (WHERE o1 AND v IS NULL)
      + CASE WHEN bool_or(o21) THEN 0 ELSE count(*) FILTER (WHERE "row" = 'other' AND v IS NULL) END AS outcome_null
  FROM u GROUP BY unit_code, year, col`

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
  FROM app_cols WHERE handled IS NOT NULL AND outcome_n > 0 AND outcome_null = 0 AND handled <> outcome_sum`

const partsSum = APPLICANT_PARTS.map((c) => `a."${c}"`).join(' + ')
const applicantSum = `SELECT 'applicant_sum', ${sev('applicant_sum')}, a.unit_code, a.year, 'applications', a."row" || '.total',
    a.total, ${partsSum}, a.file_id, w.line, 'total', NULL,
    ${WHO}, '依申请公开「' || ${zh(`'row:' || a."row"`)} || '」行：总计 ' || fmt_num(a.total)
    || '，但自然人与五类法人或其他组织之和为 ' || fmt_num(${partsSum}) || '（' || loc(w.path, w.line) || '）'
  FROM applications a JOIN w_applications w ON w.file_id = a.file_id AND w.rec = a.rec AND w.dup_rank = 1
  WHERE a.total IS NOT NULL AND ${APPLICANT_PARTS.map((c) => `a."${c}" IS NOT NULL`).join(' AND ')} AND a.total <> ${partsSum}`

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

const REG_MEASURES = ['issued', 'repealed', 'in_force', 'made', 'published', 'total_published']
const regSum = REG_MEASURES.map((m) => `coalesce(a."${m}", 0)`).join(' + ')
const noTownshipRegulations = `SELECT 'no_township_regulations', ${sev('no_township_regulations')}, a.unit_code, a.year, 'active', 'regulations',
    ${regSum}, 0, a.file_id, NULL, NULL, NULL,
    ${WHO}, '：乡镇、街道不能制定规章，但「规章」行填有数字（'
    || concat_ws('、', ${REG_MEASURES.map((m) => `CASE WHEN a."${m}" <> 0 THEN ${zhLit(`col:${m}`)} || ' ' || fmt_num(a."${m}") END`).join(', ')}) || '）'
  FROM active a JOIN summary s ON s.unit_code = a.unit_code AND s.year = a.year
  WHERE a.item = 'regulations' AND is_township(s.level, s.unit_name)
    AND (${REG_MEASURES.map((m) => `a."${m}" <> 0`).join(' OR ')})`

const formatYear = `SELECT 'format_year', ${sev('format_year')}, unit_code, year, NULL, 'format', NULL, NULL, NULL, NULL, NULL,
    coalesce(detected, format_declared),
    ${WHO}, '的表格使用 ' || coalesce(detected, format_declared) || ' 版格式，该年度应使用 '
    || CASE WHEN year >= 2021 THEN '2021' ELSE '2019' END || ' 版' || CASE WHEN detected IS NULL THEN '（依报告清单所填格式）' ELSE '（依表格行列判断）' END
  FROM report_fmt WHERE year >= 2019 AND coalesce(detected, format_declared) IS NOT NULL
    AND coalesce(detected, format_declared) <> CASE WHEN year >= 2021 THEN '2021' ELSE '2019' END`

const inForceChain = `SELECT 'in_force_chain', ${sev('in_force_chain')}, c.unit_code, c.year, 'active', c.item || '.in_force',
    c.in_force, p.in_force + c.issued - c.repealed, c.file_id, NULL, 'in_force', NULL,
    ${WHO}, '「' || ${zh("'row:' || c.item")} || '」现行有效件数为 ' || fmt_num(c.in_force) || '，但上年现行有效 '
    || fmt_num(p.in_force) || ' + 本年制发 ' || fmt_num(c.issued) || ' − 本年废止 ' || fmt_num(c.repealed) || ' = ' || fmt_num(p.in_force + c.issued - c.repealed)
  FROM active c JOIN active p ON p.unit_code = c.unit_code AND p.item = c.item AND p.year = c.year - 1
  WHERE c.item IN ('regulations', 'normative_docs') AND c.in_force IS NOT NULL AND p.in_force IS NOT NULL
    AND c.issued IS NOT NULL AND c.repealed IS NOT NULL AND c.in_force <> p.in_force + c.issued - c.repealed`

const YOY_MEASURES: [string, string][] = [['active_total', '主动公开信息数'], ['received', '新收申请数'], ['handled', '办理结果总计']]
const yoyJump = YOY_MEASURES.map(([m, zh]) => `SELECT 'yoy_jump', ${sev('yoy_jump')}, c.unit_code, c.year, 'summary', ${lit(m)},
    c."${m}", p."${m}", NULL, NULL, NULL, NULL,
    ${WHO}, ${lit(zh)} || '为 ' || fmt_num(c."${m}") || '，上年为 ' || fmt_num(p."${m}") || '，变化 '
    || CAST(round(c."${m}" / p."${m}", 1) AS VARCHAR) || ' 倍'
  FROM summary c JOIN summary p ON p.unit_code = c.unit_code AND p.year = c.year - 1
  WHERE c."${m}" >= 10 AND p."${m}" >= 10 AND (c."${m}" > 5 * p."${m}" OR c."${m}" < 0.2 * p."${m}")`)

// Peers: same parent and level, same year; only groups of ≥ 3 reports with a positive median.
const peerOutlier = [['active_total', '主动公开信息数'], ['received', '新收申请数']].map(([m, zh]) => `SELECT 'peer_outlier', ${sev('peer_outlier')},
    unit_code, year, 'summary', ${lit(m)}, v, med, NULL, NULL, NULL, NULL,
    ${WHO}, ${lit(zh)} || '为 ' || fmt_num(v) || '，同上级同层级 ' || n || ' 个单位的中位数为 ' || fmt_num(med)
    || CASE WHEN v = 0 THEN '（为 0）' ELSE '（超过中位数 10 倍）' END
  FROM (SELECT unit_code, year, "${m}" AS v,
      median("${m}") OVER (PARTITION BY parent_code, level, year) AS med, count("${m}") OVER (PARTITION BY parent_code, level, year) AS n
    FROM summary WHERE parent_code IS NOT NULL)
  WHERE v IS NOT NULL AND n >= 3 AND med > 0 AND (v = 0 OR v > 10 * med)`)

/** Statements the rules need first (temporary tables). */
export const RULES_PREP_SQL: readonly string[] = [APP_COLS_SQL]

export const RULES_SQL: readonly string[] = [
  flowIdentity, handledSum, applicantSum, ...reviewSum, carryChain, noTownshipRegulations, formatYear, inForceChain,
  ...yoyJump, ...peerOutlier,
]
