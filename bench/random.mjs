// Deterministic pseudo-random numbers (mulberry32), so that every bench run measures the same input.

/** A generator of numbers in [0, 1) from `seed`: the same seed, the same numbers. */
export function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
