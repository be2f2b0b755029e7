/**
 * A chart animates its first draw only, and never when the system asks for reduced motion (the browser tests run
 * that way: tests/browser/helpers.ts); the option itself is left as given.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { shallowRef } from 'vue'
import type { EChartsOption } from 'echarts'
import { useFirstDrawAnimation } from '../../../src/composables/useFirstDrawAnimation'

const g = globalThis as { matchMedia?: (q: string) => { matches: boolean } }
const prefers = (reduce: boolean): void => { g.matchMedia = (q) => ({ matches: reduce && q === '(prefers-reduced-motion: reduce)' }) }
afterEach(() => { delete g.matchMedia })

describe('useFirstDrawAnimation', () => {
  it('the first option is drawn as given (animated), later ones at once', () => {
    prefers(false)
    const given = shallowRef<EChartsOption>({ series: [{ type: 'bar', data: [1] }] })
    const shown = useFirstDrawAnimation(given)
    expect(shown.value).toBe(given.value)
    given.value = { series: [{ type: 'bar', data: [2] }] }
    expect(shown.value).toEqual({ series: [{ type: 'bar', data: [2] }], animation: false })
    expect(given.value.animation).toBeUndefined()
  })

  it('reduced motion: not even the first draw is animated', () => {
    prefers(true)
    const shown = useFirstDrawAnimation(() => ({ series: [{ type: 'bar', data: [1] }] }) as EChartsOption)
    expect(shown.value.animation).toBe(false)
  })
})
