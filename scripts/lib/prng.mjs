// Seeded PRNG (mulberry32): the same seed gives the same bundle, byte for byte, on every machine.

/** Hash any seed (number or text) to a 32-bit state. */
export function seedState(seed) {
  const s = String(seed)
  let h = 2166136261 >>> 0
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0
  return h
}

export function makeRng(seed) {
  let a = seedState(seed)
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const rng = {
    next,
    /** Integer in [lo, hi]. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    /** Skewed count: mostly small, sometimes large (a geometric-like tail). */
    skewed: (mean) => Math.floor(-Math.log(1 - next()) * mean),
    /** Split n into parts by weights (multinomial by sequential binomials, integer parts). */
    split: (n, weights) => {
      const out = weights.map(() => 0)
      let rest = n
      let wRest = weights.reduce((a, b) => a + b, 0)
      for (let i = 0; i < weights.length; i++) {
        if (i === weights.length - 1 || wRest <= 0) { out[i] += rest; break }
        const p = weights[i] / wRest
        let k = 0
        for (let j = 0; j < rest; j++) if (next() < p) k++
        out[i] = k
        rest -= k
        wRest -= weights[i]
      }
      return out
    },
  }
  return rng
}
