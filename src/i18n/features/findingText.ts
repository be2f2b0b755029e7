/**
 * Finding messages for the English UI, one template per rule (src/components/quality/findingText.ts fills them
 * from the finding's columns). Chinese shows the message stored with each finding, which says the same.
 */
export default {
  'zh-CN': {
    findingText: {
      who: '{unit} {year} 年',
      whereLine: '文件 {file} 第 {line} 行',
      whereFile: '文件 {file}',
      generic: '{rule}',
      genericAt: '{rule}（{where}）',
    },
  },
  en: {
    findingText: {
      who: '{unit}, {year}',
      whereLine: 'file {file}, line {line}',
      whereFile: 'file {file}',
      generic: '{rule}',
      genericAt: '{rule} ({where})',
      flow_identity: '{who}: applications, column {column}: received + carried in = {left}, but handled + carried out = {right}',
      handled_sum: '{who}: applications, column {column}: handled is {left}, but the outcome rows add up to {right}',
      applicant_sum: '{who}: applications, {cell}: the total is {left}, but the six applicant columns add up to {right} ({where})',
      review_sum: '{who}: {cell}: the total is {left}, but upheld + corrected + other + pending = {right}',
      carry_chain: '{who}: carried in is {left}, but carried out of {prevYear} is {right}',
      no_township_regulations: '{who}: townships and subdistricts make no regulations, but the regulations row has numbers (in all {left})',
      format_year: '{who}: the tables use the {raw} layout; reports for this year use the {expected} layout',
      in_force_chain: '{who}: {cell} is {left}, but last year\'s in force + issued − repealed = {right}',
      yoy_jump: '{who}: {cell} is {left}, {right} the year before (× {ratio})',
      peer_outlier: '{who}: {cell} is {left}; the median of its peers (same parent and level) is {right}',
      blank_cells: '{who}: {table}: {left} cells left blank (missing, not counted as 0): {cells} (first at {where})',
      text_cells: '{who}: {cell} holds the text "{raw}", not a number; not counted ({where}, column "{header}")',
      tolerated_number: '{who}: {table}: {left} numbers written loosely (full-width digits, separators or a unit), read as numbers: {cells} ({where})',
      negative: '{who}: {cell} is {left}, below 0 ({where}, column "{header}")',
      not_integer: '{who}: {cell} is "{raw}", not a whole number (counts are whole numbers); counted as {left} ({where})',
      bad_year_error: 'File {file}: rows whose year "{raw}" is not recognised (first at line {line}); these rows are not counted',
      bad_year_warning: 'File {file}: the year is written "{raw}" and read as {year} (first at line {line})',
      bad_row: '{where}: a malformed row (wrong number of fields, an unclosed quote, or no unit code); see the file',
      unknown_row: 'File {file}: {left} rows with the row label "{raw}", which is not recognised (first at line {line}); these rows are not counted',
      bad_unit_code: '{where}: the unit code is written "{raw}", the scientific notation Excel makes of long numbers; the true code is lost. Set the column to text in Excel, restore the codes and export again',
      orphan_row: '{who}: {table} data has no row in the report list (reports.csv); the data is loaded',
      duplicate: 'File {file}: {left} rows repeat data already loaded (same values); counted once',
      conflict: '{who}: {table} {cell}: given twice with different values ({where}); the value loaded first is used',
      load_failed: 'File {file} was not loaded: the browser ran out of memory while loading it',
      unknown_header: '{where}: column "{header}" is not recognised and is ignored',
      unknown_header_info: '{where}: a column without a name, or a title line, is skipped',
      missing_column: '{where}: the file lacks a required column and is not loaded',
      unrecognised_file: 'File {file} could not be read or is not one of the bundle\'s tables; it is not loaded',
    },
  },
}
