import { describe, expect, it } from 'vitest'
import { safeFileName } from '../../../src/export'

describe('safeFileName', () => {
  it('removes characters Windows forbids and adds the date', () => {
    const name = safeFileName('各单位/主动公开: "信息"数 <2023>|?*\\', new Date(2024, 0, 5))
    expect(name).toMatch(/^[^\\/:*?"<>|]+_2024-01-05\.png$/)
    expect(name.startsWith('各单位_主动公开_')).toBe(true)
  })
})
