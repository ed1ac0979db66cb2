import { describe, expect, it } from 'vitest';
import {
  ciHalfWidth95,
  estimate,
  howSure,
  mean,
  sampleSd,
  tQuantile975,
} from '../../src/analysis/stats.ts';

describe('stats', () => {
  it('mean and sample sd', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleSd([3])).toBe(0);
  });
  it('Student-t 0.975 quantiles match tables, beyond the table too', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(7)).toBeCloseTo(2.365, 3);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
    expect(tQuantile975(100000)).toBeCloseTo(1.96, 3);
  });
  it('the 95 % half-width is t·sd/√n', () => {
    const xs = [10, 12, 11, 13, 9];
    expect(ciHalfWidth95(xs)).toBeCloseTo((2.776 * sampleSd(xs)) / Math.sqrt(5), 12);
    expect(ciHalfWidth95([1])).toBeNaN();
  });
  it('says how sure it is', () => {
    const e = estimate([208, 215, 205, 220, 212, 210, 216, 210]);
    const sentence = howSure('p99', e, 'ms');
    expect(sentence).toMatch(/^p99 is 212 ms ± 4 ms \(95 % CI, 8 seeds; ±\d %, (tight|good)\)$/);
    expect(howSure('p99', estimate([200]), 'ms')).toMatch(/1 seed: no confidence interval/);
  });
});
