import { describe, expect, it } from 'vitest'
import { isReadOnlySql } from '../../../src/composables/useDashboard/sql'

describe('isReadOnlySql (window.__dashboard.query guard)', () => {
  it('allows single read-only statements', () => {
    expect(isReadOnlySql('SELECT count(*) FROM summary')).toBe(true)
    expect(isReadOnlySql('with x as (select 1) select * from x;')).toBe(true)
    expect(isReadOnlySql("SELECT 'a;b; drop table x' AS s")).toBe(true)
    expect(isReadOnlySql('DESCRIBE summary')).toBe(true)
  })
  it('refuses writes and statement chains', () => {
    expect(isReadOnlySql('DELETE FROM summary')).toBe(false)
    expect(isReadOnlySql('SELECT 1; DROP TABLE summary')).toBe(false)
    expect(isReadOnlySql('CREATE TABLE t AS SELECT 1')).toBe(false)
    expect(isReadOnlySql("SELECT * FROM read_csv('x'); COPY summary TO 'y'")).toBe(false)
    expect(isReadOnlySql('WITH d AS (DELETE FROM summary RETURNING *) SELECT * FROM d')).toBe(false)
  })
})
