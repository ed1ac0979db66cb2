/**
 * Zipf key popularity: key i (0-based) has weight 1 / (i + 1)^s, so key 0 is the most popular.
 * A precomputed cumulative table and a binary search give O(log n) per draw; s = 0 is uniform
 * and needs no table.
 */
import type { Rng } from './rng.ts';

export class ZipfKeys {
  private readonly cdf: Float64Array | null;

  constructor(
    readonly count: number,
    readonly exponent: number,
    private readonly rng: Rng,
  ) {
    this.cdf = exponent > 0 && count > 1 ? zipfCdf(count, exponent) : null;
  }

  next(): number {
    const u = this.rng.next();
    const cdf = this.cdf;
    if (cdf === null) return Math.floor(u * this.count);
    // First index whose cumulative share exceeds u.
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Popularity shares p_i of keys 0..n-1 (sum 1). Used by tests and by warm caches. */
export function zipfShares(count: number, exponent: number): Float64Array {
  const p = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const w = exponent === 0 ? 1 : Math.pow(i + 1, -exponent);
    p[i] = w;
    sum += w;
  }
  for (let i = 0; i < count; i++) p[i] = p[i]! / sum;
  return p;
}

function zipfCdf(count: number, exponent: number): Float64Array {
  const p = zipfShares(count, exponent);
  let acc = 0;
  for (let i = 0; i < count; i++) {
    acc += p[i]!;
    p[i] = acc;
  }
  p[count - 1] = 1; // guard against rounding: every u < 1 finds a key
  return p;
}
