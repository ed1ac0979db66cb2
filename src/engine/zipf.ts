/**
 * Zipf key popularity: key i (0-based) has weight 1 / (i + 1)^s, so key 0 is the most popular.
 * Up to TABLE_BOUND keys, a precomputed cumulative table and a binary search give O(log n) per
 * draw (exact inversion: one uniform per key). Past it, a table of every key would cost 8 bytes
 * a key (8 GB for 10^9), so keys are drawn by rejection-inversion (Hörmann & Derflinger 1996,
 * "Rejection-inversion to generate variates from monotone discrete distributions"): O(1) memory
 * and, on average, fewer than two uniforms per draw. s = 0 is uniform and needs neither.
 */
import type { Rng } from './rng.ts';

/** Largest key count drawn from a table (8 MB); documents within it keep their numbers. */
export const TABLE_BOUND = 1 << 20;

export class ZipfKeys {
  private readonly cdf: Float64Array | null;
  private readonly rejection: RejectionInversion | null;

  constructor(
    readonly count: number,
    readonly exponent: number,
    private readonly rng: Rng,
    tableBound: number = TABLE_BOUND,
  ) {
    const skewed = exponent > 0 && count > 1;
    this.cdf = skewed && count <= tableBound ? zipfCdf(count, exponent) : null;
    this.rejection = skewed && count > tableBound ? new RejectionInversion(count, exponent) : null;
  }

  next(): number {
    if (this.rejection !== null) return this.rejection.sample(this.rng) - 1;
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

/**
 * Ranks 1..n with P(k) ∝ k^-s. H is an integral of h(x) = x^-s; a uniform draw between
 * H(n + 1/2) and H(3/2) - 1 inverted through H gives x, rounded to the rank k, accepted when it
 * falls under h(k) (the area H(k + 1/2) - h(k) .. H(k + 1/2)), as in Apache Commons RNG.
 */
class RejectionInversion {
  private readonly hX1: number;
  private readonly hN: number;
  private readonly sQuick: number;

  constructor(
    private readonly n: number,
    private readonly s: number,
  ) {
    this.hX1 = this.hIntegral(1.5) - 1;
    this.hN = this.hIntegral(n + 0.5);
    this.sQuick = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  sample(rng: Rng): number {
    for (;;) {
      const u = this.hN + rng.next() * (this.hX1 - this.hN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > this.n) k = this.n;
      if (k - x <= this.sQuick || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  private h(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }
  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return helper2((1 - this.s) * logX) * logX;
  }
  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.s);
    if (t < -1) t = -1; // rounding near the end of the range
    return Math.exp(helper1(t) * x);
  }
}

/** log1p(x) / x, with its series near 0 where the quotient loses precision. */
function helper1(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}
/** expm1(x) / x, likewise. */
function helper2(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
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
