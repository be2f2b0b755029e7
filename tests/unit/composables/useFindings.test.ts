/** The findings list: the ingest step's findings first, then the data's (errors first), counted together. */
import { afterEach, describe, expect, it } from 'vitest'
import { useFindings } from '../../../src/composables/useFindings'
import type { Finding } from '../../../src/domain/rules'
import { fakeDb } from './fakeDb'

afterEach(() => useFindings.reset())

const ingest: Finding = { rule: 'bad_row', severity: 'error', unitCode: null, year: null, file: 'a.csv', line: 3, message: '第 3 行字段过多' } as Finding

describe('useFindings', () => {
  it('lists the ingest findings, then the data\'s first findings; the total counts both', async () => {
    const f = useFindings()
    f.addIngest([ingest])
    const db = fakeDb(() => [{ rule: 'sum_mismatch', severity: 'warning', unitCode: 'U1', unitName: '单位', year: 2023, message: null }])
    await f.reload(db, 7)
    expect(f.findings.value.map((x) => x.rule)).toEqual(['bad_row', 'sum_mismatch'])
    expect(f.findings.value[0]).toMatchObject({ file: 'a.csv', line: 3, message: '第 3 行字段过多' })
    expect(f.findings.value[1].message).toBe('') // a missing message is shown as empty text, never "null"
    expect(f.findingsTotal.value).toBe(8)
    f.reset()
    expect(f.findings.value).toEqual([])
    expect(f.findingsTotal.value).toBe(0)
  })

  it('a findings query that fails leaves the list empty instead of failing the load', async () => {
    const f = useFindings()
    const db = fakeDb(() => { throw new Error('no table') })
    await f.reload(db, 0)
    expect(f.findings.value).toEqual([])
  })
})
