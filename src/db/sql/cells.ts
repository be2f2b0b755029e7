/**
 * SQL macros with exactly the cell meanings of src/domain/cells.ts `parseCell`
 * (tests/unit/db/cells.test.ts runs both over the same inputs). Also `parse_year`.
 * RE2 has no Unicode `\s`, so JS's whitespace set is spelled out.
 */
import { NA_TOKENS, TRAILING_UNITS, ZERO_WORDS } from '../../domain/cells'

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`
const list = (xs: readonly string[]): string => xs.map(lit).join(', ')

// JS `\s` plus the zero-width characters parseCell collapses.
const WS = '[\\t\\n\\x0B\\f\\r \\x{00a0}\\x{1680}\\x{2000}-\\x{200f}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]+'
const UNIT = `^(.*?\\d) *(${TRAILING_UNITS.join('|')})$`
const THOUSANDS = '^[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$'
const PLAIN = '^[+-]?(\\d+(\\.\\d+)?|\\.\\d+)$'
const FW_FROM = '０１２３４５６７８９．，－＋'
const FW_TO = '0123456789.,-+'

const STRUCT = (kind: string, num: string, tol: string): string =>
  `{'kind': '${kind}', 'num': ${num}, 'tolerated': ${tol}}`

// Each macro references its argument once (a lambda binds the intermediate text), because DuckDB
// expands macros inline and nested multi-reference macros blow up the expression tree.
export const CELL_MACROS_SQL = `
CREATE OR REPLACE MACRO cell_trim(raw) AS trim(regexp_replace(raw, ${lit(WS)}, ' ', 'g'), ' ');
-- the numeric text left after the tolerances (t is the trimmed cell)
CREATE OR REPLACE MACRO cell_numtext(t) AS list_transform([regexp_replace(translate(t, ${lit(FW_FROM)}, ${lit(FW_TO)}), ${lit(UNIT)}, '\\1')],
  lambda s: CASE WHEN regexp_matches(s, ${lit(THOUSANDS)}) THEN replace(s, ',', '') ELSE s END)[1];
CREATE OR REPLACE MACRO cell_parse_t(t) AS list_transform([t], lambda x: list_transform([cell_numtext(x)], lambda n:
  CASE WHEN x = '' THEN ${STRUCT('blank', 'NULL::DOUBLE', 'false')}
       WHEN lower(x) IN (${list(NA_TOKENS)}) THEN ${STRUCT('na', 'NULL::DOUBLE', 'false')}
       WHEN x IN (${list(ZERO_WORDS)}) THEN ${STRUCT('zero_word', '0.0::DOUBLE', 'true')}
       WHEN regexp_matches(n, ${lit(PLAIN)}) AND isfinite(TRY_CAST(n AS DOUBLE))
         THEN {'kind': 'number', 'num': TRY_CAST(n AS DOUBLE) + 0.0, 'tolerated': n <> x}
       ELSE ${STRUCT('text', 'NULL::DOUBLE', 'false')} END)[1])[1];
-- {kind, num, tolerated}: kind is number | zero_word | blank | na | text; + 0.0 turns -0 into 0
CREATE OR REPLACE MACRO cell_parse(raw) AS
  CASE WHEN raw IS NULL THEN ${STRUCT('blank', 'NULL::DOUBLE', 'false')}
       WHEN regexp_full_match(raw, '[0-9]+') THEN {'kind': 'number', 'num': TRY_CAST(raw AS DOUBLE), 'tolerated': false}
       ELSE cell_parse_t(cell_trim(raw)) END;
CREATE OR REPLACE MACRO cell_kind(raw) AS (cell_parse(raw)).kind;
CREATE OR REPLACE MACRO cell_num(raw) AS CASE WHEN raw IS NULL THEN NULL
  WHEN regexp_full_match(raw, '[0-9]+') THEN TRY_CAST(raw AS DOUBLE) ELSE (cell_parse_t(cell_trim(raw))).num END;
CREATE OR REPLACE MACRO cell_tolerated(raw) AS (cell_parse(raw)).tolerated;
-- comparison key for duplicate/conflict detection: what the cell means, not how it is written
CREATE OR REPLACE MACRO cell_key(raw) AS list_transform([cell_parse(raw)], lambda p:
  CASE WHEN p.num IS NOT NULL THEN CAST(p.num AS VARCHAR) WHEN p.kind = 'text' THEN cell_trim(raw) ELSE p.kind END)[1];
-- years: 2023, 2023年, 2023年度, 二〇二三(年), full-width, 2023.0; two digits → 20xx (flagged by year_two_digit)
CREATE OR REPLACE MACRO year_text(raw) AS regexp_extract(
  translate(cell_trim(raw), '〇零一二三四五六七八九０１２３４５６７８９', '001234567890123456789'),
  '^(\\d{4}|\\d{2})(\\.0+)?(年度?)?$', 1);
-- fast path for the usual plain four-digit year (this runs on every row)
CREATE OR REPLACE MACRO parse_year(raw) AS CASE WHEN regexp_full_match(raw, '(19[5-9][0-9]|20[0-9][0-9])') THEN CAST(raw AS INTEGER)
  ELSE list_transform([year_text(raw)], lambda y:
    CASE WHEN length(y) = 4 AND TRY_CAST(y AS INTEGER) BETWEEN 1949 AND 2100 THEN TRY_CAST(y AS INTEGER)
         WHEN length(y) = 2 THEN 2000 + TRY_CAST(y AS INTEGER) END)[1] END;
CREATE OR REPLACE MACRO year_two_digit(raw) AS CASE WHEN regexp_full_match(raw, '[0-9]{4}') THEN false
  ELSE length(year_text(raw)) = 2 END;
`
