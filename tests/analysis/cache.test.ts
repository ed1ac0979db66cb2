import { describe, expect, it } from 'vitest';
import {
  cheCharacteristicTime,
  cheLruHitRatio,
  lruHitRatioZipf,
  zipfPopularity,
} from '../../src/analysis/queueing.ts';

describe("Che's approximation for LRU", () => {
  it('uniform popularity: hit ratio = C / N and T = N ln(N / (N - C))', () => {
    const pop = zipfPopularity(100, 0);
    expect(cheCharacteristicTime(pop, 50)).toBeCloseTo(100 * Math.log(2), 6);
    expect(cheLruHitRatio(pop, 50)).toBeCloseTo(0.5, 6);
  });
  it('a cache holding every key always hits; more skew hits more', () => {
    expect(lruHitRatioZipf(100, 0.9, 100)).toBe(1);
    expect(lruHitRatioZipf(1000, 1.1, 100)).toBeGreaterThan(lruHitRatioZipf(1000, 0.7, 100));
  });
  it('agrees with a simulated LRU under Zipf 0.9 within 2 points', () => {
    const keys = 1000;
    const capacity = 100;
    const pop = zipfPopularity(keys, 0.9);
    const cdf: number[] = [];
    pop.reduce((s, q) => (cdf.push(s + q), s + q), 0);
    // mulberry32: a small seeded generator, so the check is the same on every run.
    let state = 7;
    const uniform = (): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
    const lru = new Map<number, true>();
    let hits = 0;
    const requests = 200_000;
    for (let i = 0; i < requests; i++) {
      const u = uniform();
      let lo = 0;
      let hi = keys - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cdf[mid] ?? 1) < u) lo = mid + 1;
        else hi = mid;
      }
      if (lru.has(lo)) {
        if (i >= 20_000) hits++;
        lru.delete(lo);
      } else if (lru.size >= capacity) {
        lru.delete(lru.keys().next().value as number);
      }
      lru.set(lo, true);
    }
    const measured = hits / (requests - 20_000);
    expect(Math.abs(measured - cheLruHitRatio(pop, capacity))).toBeLessThan(0.02);
  });
});
