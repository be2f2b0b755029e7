/**
 * How big one table file may be. Measured with DuckDB-WASM (Node blocking bindings: the same ~3.1 GiB
 * DuckDB memory a tab has) on the worst case, a reports.csv of tiny rows loaded through ingestFiles →
 * loadTables: 100 MB (3.4 M rows) loads in ~40 s; 150 MB (5 M rows) in ~140 s at ~3.6 GB of process
 * memory; 200 MB and 300 MB stop with DuckDB "Out of Memory". A tab also holds the file's bytes in JS
 * and data loaded before, so the default is the size measured to work: bigger files are refused before
 * they are read, with their size and this limit (split them by year or region).
 */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 ** 2
