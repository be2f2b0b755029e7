/**
 * sharedState — the one way the app makes a singleton composable (the stores: engine, coordinator, filters,
 * findings, data load). Built on VueUse's `createGlobalState`: the first call creates the state inside a detached
 * effect scope, later calls get the same object (arguments only count on the first call). `reset()` stops that
 * scope and forgets the state, so that unit tests start each case from a fresh store.
 */
import { createGlobalState } from '@vueuse/core'
import { getCurrentScope, type EffectScope } from 'vue'

export interface SharedState<A extends unknown[], R> {
  (...args: A): R
  /** Stop the state's watchers and forget it (tests). */
  reset(): void
}

export function sharedState<A extends unknown[], R>(factory: (...args: A) => R): SharedState<A, R> {
  let scope: EffectScope | undefined
  const make = (): ((...args: A) => R) => createGlobalState((...args: A) => {
    scope = getCurrentScope()
    return factory(...args)
  })
  let current = make()
  const use = ((...args: A) => current(...args)) as SharedState<A, R>
  use.reset = () => {
    scope?.stop()
    scope = undefined
    current = make()
  }
  return use
}
