/**
 * How big one table file may be. Measured with DuckDB-WASM (Node blocking bindings: the same ~3.1 GiB
 * DuckDB memory a tab has) on the worst case, a reports.csv of tiny rows loaded through ingestFiles →
 * loadTables: 100 MB (3.4 M rows) loads in ~40 s; 150 MB (5 M rows) in ~140 s at ~3.6 GB of process
 * memory; 200 MB and 300 MB stop with DuckDB "Out of Memory". A tab also holds the file's bytes in JS
 * and data loaded before, so the default is the size measured to work: bigger files are refused before
 * they are read, with their size and this limit (split them by year or region).
 */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 ** 2

const MB = 1024 ** 2

/**
 * Budgets for everything that expands (issue 17): checked before the expensive work — from a zip's central
 * directory before inflating, from a streaming scan of the XML before exceljs or the docx reader — and refused
 * with a Chinese message naming the limit. Sized from measurements (Node, this machine's cores):
 * - zip entries: ingest costs ~1.5 ms per junk entry and loading a tiny table file tens of ms in the browser's
 *   worker; 3,000 entries holds a folder per unit with five tables for 600 units;
 * - expanded bytes: six files at the 100 MB per-file limit; a tab holds the bytes in JS and DuckDB at once;
 * - xlsx: exceljs takes ~5 µs and ~0.5 KB per cell (1 M cells: 5 s, +530 MB), so 1 M cells or shared strings,
 *   and 200 MB of XML (1 M cells is ~35 MB of sheet XML);
 * - docx: document.xml of a real annual report is well under 3 MB; 16 MB of dense report XML reads in ~1.3 s,
 *   1 M paragraphs (110 MB) took 10 s; nesting deeper than 128 elements is not a report.
 */
export const LIMITS = {
  zipEntries: 3000,
  expandedBytes: 512 * MB,
  xlsxXmlBytes: 200 * MB,
  xlsxCells: 1_000_000,
  xlsxSharedStrings: 1_000_000,
  docxXmlBytes: 16 * MB,
  docxElements: 500_000,
  xmlDepth: 128,
} as const

export type LimitName = keyof typeof LIMITS

/** A file refused because it is over a budget; the message names the file, what was found and the limit. */
export class BudgetExceeded extends Error {
  constructor(readonly limit: LimitName, message: string) {
    super(message)
    this.name = 'BudgetExceeded'
  }
}
