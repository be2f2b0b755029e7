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
import type { UseDataLoadOptions as UseDashboardOptions } from '../useDataLoad/types'
import type { UseDashboardReturn } from './types'

export type * from './types'

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
