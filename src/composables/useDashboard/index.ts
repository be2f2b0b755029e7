/**
 * useDashboard — a thin facade over the stores, for the components written before the split: useEngine (DuckDB's
 * lifecycle), useDataLoad (start-up, loads, persistence replay, clear, errors), useFilters (the single writer of
 * the filters), useFindings, useCoordinator (every figure's query). New code uses the store it needs.
 */
import { useEngine } from '../useEngine'
import { useCoordinator } from '../useCoordinator'
import { useFilters } from '../useFilters'
import { useFindings } from '../useFindings'
import { useDataLoad } from '../useDataLoad'
import { runUserSql } from '../../db/user-sql'
import type { UseDataLoadOptions as UseDashboardOptions, UseDataLoadReturn } from '../useDataLoad/types'
import type { ComputedRef, Ref } from 'vue'
import type { Row } from '../../db/types'
import type { UserSqlOptions } from '../../db/user-sql'
import type { Query } from '../../queries/types'

export type * from './types'
/** A refusal of user SQL (one SELECT, read-only, on a locked engine: src/db/user-sql.ts), for the console to explain. */
export { SqlRefused } from '../../db/user-sql'

/** The stores together (each member comes from one store; the load's members are UseDataLoadReturn's). */
export type UseDashboardReturn = UseDataLoadReturn
  & Pick<ReturnType<typeof useFindings>, 'ingestFindings' | 'findings' | 'findingsTotal' | 'checking'>
  & Pick<ReturnType<typeof useFilters>, 'filters' | 'years' | 'units' | 'setFilters'>
  & {
    /** True while figures' queries run (charts may be one step behind). */
    querying: ComputedRef<boolean>
    /** Bumped after every load or clear; figures ask again on it. */
    dataVersion: Ref<number>
    /** Run a query builder's statement through the coordinator (answers kept until the data changes). */
    runBuilt<T extends Row>(q: Query<T>): Promise<T[]>
    /** Forget the kept answers (the benchmark times filter changes with and without them). */
    clearQueryCache(): void
    /** Resolves when no figure's query runs and a frame is drawn (benchmarks, tests). */
    idle(): Promise<void>
    /** User SQL (SQL console, window.__dashboard.query): one SELECT, read-only by construction; refusals throw SqlRefused. */
    query(sql: string, opts?: UserSqlOptions): Promise<Row[]>
  }

/** The one dashboard of the app (options only count on the first call). */
export function useDashboard(options: UseDashboardOptions = {}): UseDashboardReturn {
  const engine = useEngine({ startDb: options.startDb }) // first: the other stores use this engine
  const load = useDataLoad(options)
  const coordinator = useCoordinator()
  const filters = useFilters()
  const findings = useFindings()
  return {
    ...load,
    querying: coordinator.querying,
    ingestFindings: findings.ingestFindings,
    findings: findings.findings,
    findingsTotal: findings.findingsTotal,
    checking: findings.checking,
    filters: filters.filters,
    years: filters.years,
    units: filters.units,
    setFilters: filters.setFilters,
    dataVersion: coordinator.version,
    runBuilt: (q) => coordinator.request(q),
    clearQueryCache: () => coordinator.clear(),
    idle: () => coordinator.idle(),
    query: async (sql, opts) => runUserSql(await engine.getDb(), sql, opts),
  }
}

/** For tests: forget every store (the next call starts afresh). */
export function resetDashboard(): void {
  for (const s of [useDataLoad, useFindings, useFilters, useCoordinator, useEngine]) s.reset()
}
