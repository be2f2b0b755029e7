/**
 * useFindings — the findings list of the status row: the file-level findings of the ingest step (kept for the
 * session) and the first findings of the loaded data (errors first), with the total count.
 */
import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { Db } from '../../db/types'
import { runQuery } from '../../db/run'
import type { Finding } from '../../domain/rules'
import { FINDINGS_LISTED as FINDINGS_SHOWN, findingsQuery } from '../../queries'
import type { FindingItem } from '../useDashboard/types'
import { sharedState } from '../sharedState'

export interface UseFindingsReturn {
  /** Findings of the ingest step (file level), kept for the session; the data's findings are counted in `dbTotal`. */
  ingestFindings: ShallowRef<FindingItem[]>
  /** The first findings (ingest + data), at most FINDINGS_SHOWN. */
  findings: ComputedRef<FindingItem[]>
  /**
   * The loaded data's checks are running (issue 19: the figures are drawn before them): every count or list of
   * findings shows 校验中 instead of a number, and what the list holds is not this data's yet.
   */
  checking: Ref<boolean>
  /** All findings: the data's count + the ingest count. */
  findingsTotal: ComputedRef<number>
  /** Add the ingest findings of a load. */
  addIngest(found: readonly Finding[]): void
  /** Read the data's first findings again (after a load or a clear); `total` = the data's findings count. */
  reload(d: Db, total: number): Promise<void>
  /** Forget every finding (the data was replaced or cleared). */
  reset(): void
  /** The saved data's findings count, shown while the engine starts (painted from saved answers; the list follows live). */
  showSavedTotal(total: number): void
}

const fromFinding = (f: Finding): FindingItem => ({
  rule: f.rule, severity: f.severity, unitCode: f.unitCode, unitName: null, year: f.year,
  file: f.file ?? null, line: f.line ?? null, column: f.column ?? null, table: f.table ?? null, raw: f.raw ?? null, message: f.message,
})

function createFindings(): UseFindingsReturn {
  const ingestFindings = shallowRef<FindingItem[]>([])
  const dbFindings = shallowRef<FindingItem[]>([])
  const dbTotal = shallowRef(0)
  const checking = ref(false)

  async function reload(d: Db, total: number): Promise<void> {
    const rows = await runQuery(d, findingsQuery({}, { limit: FINDINGS_SHOWN })).catch((e: unknown) => { console.warn('findings', e); return [] })
    dbFindings.value = rows.map((r) => ({ ...r, message: r.message ?? '' }))
    dbTotal.value = total
  }

  return {
    ingestFindings,
    checking,
    findings: computed(() => [...ingestFindings.value, ...dbFindings.value].slice(0, FINDINGS_SHOWN)),
    findingsTotal: computed(() => dbTotal.value + ingestFindings.value.length),
    addIngest: (found) => { ingestFindings.value = [...ingestFindings.value, ...found.map(fromFinding)] },
    reload,
    reset: () => { ingestFindings.value = []; dbFindings.value = []; dbTotal.value = 0; checking.value = false },
    showSavedTotal: (total) => { dbFindings.value = []; dbTotal.value = total },
  }
}

/** The app's one findings list. */
export const useFindings = sharedState(createFindings)
