/**
 * Stands in for src/db/duckdb-node in the `unit` and `hostile` projects (vite.config.ts alias): a test that
 * starts DuckDB belongs in the `db` project, named `*.db.test.ts`, so the pure tests stay fast.
 */
const refuse = (): never => {
  throw new Error('This test starts DuckDB: name it *.db.test.ts (vitest project "db"), not a pure unit test.')
}
export const nodeBindings = refuse
export const openNodeDuckDb = refuse
export const startNodeDuckDb = refuse
