/** window.__dashboard keeps its API (browser tests and the benchmark use it). */
import { afterEach, describe, expect, it } from 'vitest'
import { resetDashboard, useDashboard } from '../../../src/composables/useDashboard'
import { useTestHooks } from '../../../src/composables/useTestHooks'
import { fakeDb } from './fakeDb'

afterEach(() => { resetDashboard(); delete (globalThis as { window?: unknown }).window })

describe('useTestHooks', () => {
  it('installs the same hooks as before the split, and query() runs read-only user SQL on the engine', async () => {
    const w = globalThis as unknown as { window: { __dashboard?: DashboardTestApi } }
    w.window = {}
    const db = fakeDb(() => [{ n: 1 }])
    useDashboard({ startDb: async () => db, autoSample: false })
    const hooks = useTestHooks()
    expect(w.window.__dashboard).toBe(hooks)
    // + issue 19's restoredFrom / reopenMs / csvFilesRead (how the data came back on this start-up), drawnRows (rows in
    // view), warmedUp (the warm-up after start-up)
    expect(Object.keys(hooks).sort()).toEqual(['benchFloor', 'chartIds', 'chartPixel', 'csvFilesRead', 'drawnRows', 'exportTexts', 'getOption', 'idle', 'query',
      'reopenMs', 'restoredFrom', 'showTips', 'timeFilters', 'timeView', 'warmedUp'])
    expect(await hooks.query('SELECT 1 AS n')).toEqual([{ n: 1 }])
    expect(db.ran.some((s) => s.includes('query('))).toBe(true) // through src/db/user-sql.ts, never the raw text
  })
})
