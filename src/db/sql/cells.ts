/**
 * Cell meanings in SQL without re-implementing them: a plain unsigned whole number (`PLAIN`) is cast
 * directly; every other distinct raw text is parsed once in JS by the domain's `parseCell` and
 * stored in `cell_dict` (src/db/dicts.ts). Typed columns look the numbers up in the MAP variable
 * `cell_num` (a few entries: decimals, tolerated numbers, zero words, negatives), findings join `cell_dict`.
 * These expressions are tiny, so planning stays cheap however many columns use them.
 */

/**
 * A plain whole number (up to 15 digits: DuckDB's cast and JS `Number` read these identically).
 * Decimals go through cell_dict like every other text, so cell_issues lists them: a count with a
 * fraction is a `not_integer` finding (fee and procurement amounts may have decimals).
 */
export const PLAIN = '[0-9]{1,15}'

/** True when `c` is plain (NULL for a NULL cell). */
export const isPlain = (c: string): string => `regexp_full_match(${c}, '${PLAIN}')`

/** The number a cell means (NULL: blank, not applicable, text). */
export const cellNum = (c: string): string =>
  // NULL first: a MAP lookup scans its keys, and blank cells are most cells of the active table
  `CASE WHEN ${c} IS NULL THEN NULL WHEN ${isPlain(c)} THEN CAST(${c} AS DOUBLE) ELSE getvariable('cell_num')[${c}] END`

/** Refresh the MAP variable from the dictionary (run before statements that use cellNum). */
export const SET_CELL_NUM_SQL = `SET VARIABLE cell_num = (SELECT coalesce(map(list(raw), list(num)), MAP {}::MAP(VARCHAR, DOUBLE))
  FROM (SELECT raw, any_value(num) AS num FROM cell_dict WHERE num IS NOT NULL GROUP BY raw))`

/** Kind / number / tolerated / comparison key of cell `c`, given `d` = its cell_dict row (LEFT JOINed). */
export const cellKind = (c: string, d: string): string =>
  `CASE WHEN ${c} IS NULL THEN 'blank' WHEN ${isPlain(c)} THEN 'number' ELSE ${d}.kind END`
export const cellDictNum = (c: string, d: string): string =>
  `CASE WHEN ${isPlain(c)} THEN CAST(${c} AS DOUBLE) ELSE ${d}.num END`
export const cellTolerated = (c: string, d: string): string =>
  `CASE WHEN ${c} IS NULL OR ${isPlain(c)} THEN false ELSE coalesce(${d}.tolerated, false) END`
/** Text part of the comparison key (NULL for numbers: those compare by value). */
export const cellKeyText = (c: string, d: string): string =>
  `CASE WHEN ${c} IS NULL THEN 'blank' WHEN ${isPlain(c)} THEN NULL ELSE ${d}.key END`
