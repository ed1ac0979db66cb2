/**
 * Che's approximation (Che, Tung and Wang, 2002; Fricker, Robert and Roberts, 2012) for the hit
 * ratio of an LRU cache of C entries under the independent reference model: item i is requested
 * with probability q_i. The cache's characteristic time T solves Σ_i (1 - e^{-q_i·T}) = C
 * (an item is in the cache iff it was requested within the last T requests); then
 * hit ratio = Σ_i q_i·(1 - e^{-q_i·T}). Accurate to about 1 % for Zipf popularity.
 */

/** Zipf popularity of exponent s over n items: q_i ∝ 1 / i^s (s = 0 is uniform). */
export function zipfPopularity(n: number, s: number): number[] {
  const raw = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / total);
}

/** The characteristic time T (in requests) for capacity C, by bisection (the sum grows in T). */
export function cheCharacteristicTime(popularity: number[], capacity: number): number {
  const occupied = (t: number): number =>
    popularity.reduce((s, q) => s + (1 - Math.exp(-q * t)), 0);
  if (capacity >= popularity.length) return Infinity;
  if (capacity <= 0) return 0;
  let hi = capacity;
  while (occupied(hi) < capacity) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (occupied(mid) < capacity) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Steady-state LRU hit ratio by Che's approximation (cold-start misses not counted). */
export function cheLruHitRatio(popularity: number[], capacity: number): number {
  const T = cheCharacteristicTime(popularity, capacity);
  if (!Number.isFinite(T)) return 1;
  return popularity.reduce((s, q) => s + q * (1 - Math.exp(-q * T)), 0);
}

/** Convenience: LRU hit ratio for `keys` keys of Zipf exponent `zipf` and `capacity` entries. */
export function lruHitRatioZipf(keys: number, zipf: number, capacity: number): number {
  return cheLruHitRatio(zipfPopularity(keys, zipf), capacity);
}
