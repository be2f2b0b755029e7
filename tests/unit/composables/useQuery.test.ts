/** A figure as a client: its builder's reactive reads are tracked (no deps list), only the newest answer is kept. */
import { afterEach, describe, expect, it } from 'vitest'
import { computed, effectScope, ref } from 'vue'
import { useEngine } from '../../../src/composables/useEngine'
import { useCoordinator } from '../../../src/composables/useCoordinator'
import { useFilters } from '../../../src/composables/useFilters'
import { useQuery } from '../../../src/composables/useQuery'
import type { Filters, Query } from '../../../src/queries/types'
import { fakeDb, flush } from './fakeDb'

type R = { v: string }
const q = (f: Filters, extra: string): Query<R> => ({ sql: 'SELECT ?', params: [`${f.unitCodes?.join('+') ?? 'all'}:${f.yearFrom ?? ''}:${extra}`] })

afterEach(() => { for (const s of [useCoordinator, useFilters, useEngine]) s.reset() })

function setup(hold = false) {
  const db = fakeDb((_sql, params) => [{ v: String(params[0]) }], { hold })
  useEngine({ startDb: async () => db })
  const c = useCoordinator()
  c.dataChanged(true)
  return { db, c, f: useFilters() }
}

describe('useQuery', () => {
  it('re-asks when anything the builder reads changes: the filters or a ref it reads, with nothing listed', async () => {
    const { f } = setup()
    const basis = ref('sum')
    const scope = effectScope()
    const r = scope.run(() => useQuery((x) => q(x, basis.value)))!
    await flush()
    expect(r.rows.value).toEqual([{ v: 'all::sum' }])
    basis.value = 'latest'
    await flush()
    expect(r.rows.value).toEqual([{ v: 'all::latest' }])
    f.setFilters({ unitCodes: ['A'] })
    await flush()
    expect(r.rows.value).toEqual([{ v: 'A::latest' }])
    scope.stop()
  })

  it('nothing loaded: no rows, nothing asked', async () => {
    const { c, db } = setup()
    c.dataChanged(false)
    const scope = effectScope()
    const r = scope.run(() => useQuery((x) => q(x, '')))!
    await flush()
    expect(r.rows.value).toEqual([])
    expect(db.ran).toEqual([])
    scope.stop()
  })

  it('a slower, older answer never overwrites the newer one', async () => {
    const { f, db } = setup(true)
    const scope = effectScope()
    const r = scope.run(() => useQuery((x) => q(x, '')))!
    await flush()
    f.setFilters({ yearFrom: 2022 })
    await flush()
    // the older statement is running; the newer one too (a place was free): answer the newer first
    expect(db.held).toBe(2)
    db.ran.length = 0
    const waiting = db as unknown as { release(): void }
    waiting.release() // the older one (FIFO): its answer is discarded
    await flush()
    expect(r.rows.value).toEqual([])
    expect(r.loading.value).toBe(true)
    waiting.release()
    await flush()
    expect(r.rows.value).toEqual([{ v: 'all:2022:' }])
    expect(r.loading.value).toBe(false)
    scope.stop()
  })

  it('a client of the selection sees the filters without its own cross-filter clause', async () => {
    const { f } = setup()
    const scope = effectScope()
    const own = scope.run(() => useQuery((x) => q(x, ''), { client: 'active-bars' }))!
    const other = scope.run(() => useQuery((x) => q(x, ''), { client: 'outcome-shares-year' }))!
    f.setFilters({ unitCodes: ['A'], pick: 'active-bars' })
    await flush()
    expect(own.rows.value).toEqual([{ v: 'all::' }])
    expect(other.rows.value).toEqual([{ v: 'A::' }])
    expect(f.highlight('active-bars')).toEqual({ chartId: 'active-bars', unitCode: 'A' })
    expect(f.highlight('outcome-shares-year')).toBeNull()
    scope.stop()
  })

  it('the loaded data changed: every client asks again', async () => {
    const { c, db } = setup()
    const scope = effectScope()
    scope.run(() => useQuery((x) => q(x, '')))
    await flush()
    expect(db.ran).toHaveLength(1)
    c.dataChanged(true)
    await flush()
    expect(db.ran).toHaveLength(2)
    scope.stop()
  })

  it('an answer equal to the one shown keeps its rows (the option is not built again); a changed value replaces them', async () => {
    let total: number | null = 10
    const db = fakeDb(() => [{ unit: 'A', total, years: [2022, 2023], at: new Date(0) }])
    useEngine({ startDb: async () => db })
    const c = useCoordinator()
    c.dataChanged(true)
    const scope = effectScope()
    const r = scope.run(() => useQuery((x) => q(x, '')))!
    let built = 0
    const option = computed(() => { built++; return r.rows.value.length })
    await flush()
    expect(option.value).toBe(1)
    const shown = r.rows.value
    c.dataChanged(true) // the live engine answers the same
    await flush()
    expect(db.ran).toHaveLength(2)
    expect(r.rows.value).toBe(shown)
    expect(option.value).toBe(1)
    expect(built).toBe(1)
    total = null
    c.dataChanged(true)
    await flush()
    expect(r.rows.value).not.toBe(shown)
    expect(r.rows.value[0]).toMatchObject({ total: null })
    scope.stop()
  })
})
