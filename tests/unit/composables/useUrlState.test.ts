import { describe, expect, it } from 'vitest'
import { filtersFromQuery, filtersKey, mergeQuery, queryFromFilters } from '../../../src/composables/useUrlState'
import { applyPick } from '../../../src/composables/useCrossFilter'
import { neutraliseCell, rowsToCsv } from '../../../src/components/sql/csv'

describe('URL state', () => {
  it('round-trips filters through the query', () => {
    const f = { yearFrom: 2020, yearTo: 2023, unitCodes: ['0101', 'name:某县'], level: '县', drill: '01' }
    const q = queryFromFilters(f)
    expect(q).toEqual({ years: '2020-2023', unit: ['0101', 'name:某县'], level: '县', drill: '01' })
    expect(filtersFromQuery(q as never)).toEqual(f)
  })
  it('open year ranges and a single unit', () => {
    expect(filtersFromQuery({ years: '2021-' })).toEqual({ yearFrom: 2021 })
    expect(filtersFromQuery({ years: '-2022' })).toEqual({ yearTo: 2022 })
    expect(filtersFromQuery({ years: '2022' })).toEqual({ yearFrom: 2022, yearTo: 2022 })
    expect(filtersFromQuery({ unit: 'A' })).toEqual({ unitCodes: ['A'] })
  })
  it('malformed values are dropped, reversed ranges fixed', () => {
    expect(filtersFromQuery({ years: 'abc-20x1', unit: ['', 'A', 'A'], level: '', drill: null as never })).toEqual({ unitCodes: ['A'] })
    expect(filtersFromQuery({ years: '2024-2020' })).toEqual({ yearFrom: 2020, yearTo: 2024 })
  })
  it('keeps other keys (nosample) and drops removed filters', () => {
    expect(mergeQuery({ nosample: '1', years: '2020-2020', unit: 'A' }, { unitCodes: ['B'] })).toEqual({ nosample: '1', unit: ['B'] })
    expect(mergeQuery({ nosample: null, drill: 'X' }, {})).toEqual({ nosample: null })
  })
  it('equal filters have equal keys regardless of undefined fields', () => {
    expect(filtersKey({ yearFrom: undefined, unitCodes: undefined })).toBe(filtersKey({}))
    expect(filtersKey({ drill: 'A' })).not.toBe(filtersKey({}))
  })
})

describe('cross-filter picks', () => {
  it('a unit replaces the unit selection, a year sets the range', () => {
    expect(applyPick({ unitCodes: ['A', 'B'], level: '县' }, { unitCode: 'C' })).toEqual({ unitCodes: ['C'], level: '县' })
    expect(applyPick({ yearFrom: 2019 }, { unitCode: 'C', year: 2022 })).toEqual({ unitCodes: ['C'], yearFrom: 2022, yearTo: 2022 })
  })
})

describe('SQL console CSV', () => {
  it('BOM, CRLF, quoting and formula neutralisation', () => {
    const csv = rowsToCsv(['a', 'b'], [{ a: '=HYPERLINK("x")', b: -3 }, { a: 'x,y', b: '+1+1' }, { a: null, b: 10n as unknown }])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")",-3\r\n"x,y",\'+1+1\r\n,10\r\n')
    expect(neutraliseCell('-12.5')).toBe('-12.5')
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)")
  })
})
