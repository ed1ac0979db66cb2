/**
 * Zipf keys past the table bound are drawn by rejection-inversion: checked against the exact
 * pmf on a small n (the bound forced to 0), and a billion keys cost no memory to speak of.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.ts';
import { TABLE_BOUND, ZipfKeys, zipfShares } from '../../src/engine/zipf.ts';

/** Pearson's chi-square of `draws` draws of `keys` against the exact shares. */
function chiSquare(keys: ZipfKeys, n: number, s: number, draws: number): number {
  const seen = new Float64Array(n);
  for (let i = 0; i < draws; i++) {
    const k = keys.next();
    if (!(k >= 0 && k < n)) throw new Error(`key ${k} outside 0..${n - 1}`);
    seen[k]!++;
  }
  const p = zipfShares(n, s);
  let chi = 0;
  for (let i = 0; i < n; i++) chi += (seen[i]! - draws * p[i]!) ** 2 / (draws * p[i]!);
  return chi;
}

// χ² with 49 degrees of freedom exceeds 85.35 with probability 0.001: over the 12 (seed,
// exponent) pairs below, a correct sampler fails with probability about 1.2 %. The test's power
// is checked below: draws with s = 0.95 judged against s = 0.9 fail it.
const CHI2_49_P001 = 85.35;

describe('Zipf by rejection-inversion', () => {
  for (const s of [0.5, 0.9, 1, 1.5]) {
    for (const seed of [1, 2, 3]) {
      it(`n = 50, s = ${s}, seed ${seed}: χ² below the 0.1 % point`, () => {
        const keys = new ZipfKeys(50, s, new Rng(seed), 0);
        expect(chiSquare(keys, 50, s, 100_000)).toBeLessThan(CHI2_49_P001);
      });
    }
  }

  it('can fail: an exponent off by 0.05 is caught', () => {
    const keys = new ZipfKeys(50, 0.95, new Rng(1), 0);
    expect(chiSquare(keys, 50, 0.9, 100_000)).toBeGreaterThan(CHI2_49_P001);
  });

  it('the table keeps giving the same keys within its bound (documents keep their numbers)', () => {
    const a = new ZipfKeys(1000, 0.9, new Rng(7));
    const draws = Array.from({ length: 5 }, () => a.next());
    // Exact inversion of the cumulative table: the first key whose share passes u.
    const rng = new Rng(7);
    const p = zipfShares(1000, 0.9);
    const expected = Array.from({ length: 5 }, () => {
      const u = rng.next();
      let acc = 0;
      for (let i = 0; i < 1000; i++) if ((acc += p[i]!) > u) return i;
      return 999;
    });
    expect(draws).toEqual(expected);
  });

  it('a billion keys: built at once, no table, keys in range and skewed', () => {
    const before = process.memoryUsage().arrayBuffers;
    const t0 = performance.now();
    const keys = new ZipfKeys(1e9, 0.9, new Rng(1));
    let top = 0;
    for (let i = 0; i < 100_000; i++) {
      const k = keys.next();
      if (k < 0 || k >= 1e9 || !Number.isInteger(k)) throw new Error(`key ${k}`);
      if (k === 0) top++;
    }
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(TABLE_BOUND);
    // P(key 0) = 1 / H(10^9, 0.9) ≈ 1 / 23.1 (the generalized harmonic number, by its integral).
    const h = 1 + (Math.pow(1e9, 0.1) - 1) / 0.1 - 0.5 + 0.5 * Math.pow(1e9, -0.9);
    expect(top / 100_000).toBeCloseTo(1 / h, 2);
  });
});
