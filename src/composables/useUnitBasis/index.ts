/**
 * useUnitBasis — the basis of the by-unit figures (one value per unit: summed over the range, the latest year
 * each unit reported, or one chosen year), shared by every by-unit chart so that they compare the same thing,
 * and kept in the URL (`basis=latest` · `basis=2023`; absent = summed over the range).
 */
import { computed, type WritableComputedRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { SUM_BASIS, basisKey, parseBasis, type UnitBasis } from '../../queries/basis'

export function useUnitBasis(): WritableComputedRef<UnitBasis> {
  const route = useRoute()
  const router = useRouter()
  return computed<UnitBasis>({
    get: () => parseBasis(typeof route.query.basis === 'string' ? route.query.basis : null),
    set: (b) => {
      const query = { ...route.query }
      if (b.kind === SUM_BASIS.kind) delete query.basis
      else query.basis = basisKey(b)
      void router.replace({ path: route.path, query, hash: route.hash })
    },
  })
}
