/**
 * The engine's start-up bound (src/db/timeout.ts): a start that hangs (a .wasm served with the wrong MIME type)
 * becomes the error with its message when the time passes, or at once when the automation-only expiry is aborted;
 * a start that settles first is unaffected. Fake timers: nothing here waits for real time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { withTimeout } from '../../../src/db/timeout'

const hang = new Promise<never>(() => {})

describe('withTimeout', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('a start that hangs is given up with the message when the bound passes, not before', async () => {
    let settled: unknown = null
    const p = withTimeout(hang, 60_000, undefined, '未能启动').catch((e: Error) => { settled = e.message })
    await vi.advanceTimersByTimeAsync(59_999)
    expect(settled).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    await p
    expect(settled).toBe('未能启动')
  })

  it('the expiry ends the wait at once, with the same message', async () => {
    const expire = new AbortController()
    const p = withTimeout(hang, 60_000, expire.signal, '未能启动')
    expire.abort()
    await expect(p).rejects.toThrow('未能启动')
  })

  it('a start that succeeds or fails first keeps its own outcome', async () => {
    const expire = new AbortController()
    await expect(withTimeout(Promise.resolve(7), 60_000, expire.signal, 'x')).resolves.toBe(7)
    await expect(withTimeout(Promise.reject(new Error('wasm')), 60_000, undefined, 'x')).rejects.toThrow('wasm')
    expire.abort()
    await vi.advanceTimersByTimeAsync(60_000)
  })
})
