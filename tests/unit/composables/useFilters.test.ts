/** The filters' single writer: values the loaded data does not have are dropped in one place, and said. */
import { afterEach, describe, expect, it } from 'vitest'
import { useFilters, pruneFilters } from '../../../src/composables/useFilters'
import type { UnitRow } from '../../../src/queries/rows'

const unit = (code: string): UnitRow => ({ unitCode: code, unitName: code, parentCode: null, parentName: null, level: null, reports: 1 }) as UnitRow

afterEach(() => useFilters.reset())

describe('useFilters', () => {
  it('before anything is loaded a link\'s units are kept; the load drops those that do not exist, and the years not loaded', () => {
    const f = useFilters()
    f.setFilters({ unitCodes: ['A', 'GONE'], drill: 'GONE', yearFrom: 2018, yearTo: 2022 })
    expect(f.filters.value.unitCodes).toEqual(['A', 'GONE'])
    f.setKnown([2021, 2022], [unit('A'), unit('B')])
    expect(f.filters.value).toMatchObject({ unitCodes: ['A'], yearTo: 2022 })
    expect(f.filters.value.drill).toBeUndefined()
    expect(f.filters.value.yearFrom).toBeUndefined()
    expect(f.dropped.value).toEqual(['GONE', 'GONE'])
  })

  it('once data is loaded, every write drops unknown units (a chart click, a pasted link, restored filters)', () => {
    const f = useFilters()
    f.setKnown([2022], [unit('A')])
    f.setFilters({ unitCodes: ['X'], yearFrom: 2019 })
    // no unit left: no unit restriction; a year outside the data is kept (a link may ask for a wider range)
    expect(f.filters.value).toEqual({ unitCodes: undefined, yearFrom: 2019 })
    expect(f.dropped.value).toEqual(['X'])
  })

  it('the selection: a figure sees the filters without its own clause, the others with it', () => {
    const f = useFilters()
    f.setFilters({ unitCodes: ['A'], yearFrom: 2022, yearTo: 2022, pick: 'active-heatmap' })
    expect(f.forClient('active-heatmap')).toEqual({ pick: undefined, unitCodes: undefined, yearFrom: undefined, yearTo: undefined })
    expect(f.forClient('active-bars')).toEqual(f.filters.value)
    expect(f.highlight('active-heatmap')).toEqual({ chartId: 'active-heatmap', unitCode: 'A', year: 2022 })
  })

  it('pruneFilters is pure', () => {
    const f = { unitCodes: ['A'] }
    expect(pruneFilters(f, { units: new Set() })).toEqual({ filters: { unitCodes: undefined }, dropped: ['A'] })
    expect(f).toEqual({ unitCodes: ['A'] })
  })
})
