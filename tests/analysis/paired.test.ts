import { describe, expect, it } from 'vitest';
import { pairedComparison, pairedDelta } from '../../src/analysis/paired.ts';
import { design, fakeResult } from './helpers.ts';

describe('paired differences', () => {
  it('gives the mean difference with its paired 95 % interval and a verdict in words', () => {
    // B is 12 ms lower in every seed, ± 1 ms; the seeds themselves vary by ±50 ms.
    const a = [100, 150, 200, 120, 180];
    const b = [87, 139, 188, 107, 169];
    const d = pairedDelta('p99Ms', 'p99', 'ms', true, a, b);
    expect(d.delta).toBeCloseTo(-12, 9);
    expect(d.halfWidth).toBeCloseTo(2.776 / Math.sqrt(5), 6); // differences −13, −11, −12, −13, −11: sd 1
    expect(d.unpairedHalfWidth).toBeGreaterThan(40);
    expect(d).toMatchObject({ significant: true, verdict: 'better' });
    expect(d.sentence).toBe("B's p99 is 12.0 ± 1.2 ms lower (better)");
  });

  it('says when the interval holds 0, and when one seed gives none', () => {
    const same = pairedDelta('p99Ms', 'p99', 'ms', true, [100, 110, 90], [101, 108, 92]);
    expect(same.significant).toBe(false);
    expect(same.sentence).toMatch(/^no significant difference in p99 \(B − A = 0\.3\d* ± \d/);
    expect(pairedDelta('p99Ms', 'p99', 'ms', true, [100], [90]).sentence).toBe(
      'p99: B − A = -10 ms (one seed: no interval)',
    );
    const up = pairedDelta('throughputRps', 'throughput', 'rps', false, [10, 11], [20, 21]);
    expect(up.sentence).toBe("B's throughput is 10 rps higher (better)");
  });

  it('refuses runs that were not paired by seed', () => {
    const doc = design([{ id: 's', type: 'service' }], []);
    expect(() =>
      pairedComparison(doc, doc, [fakeResult({ seed: 1 })], [fakeResult({ seed: 2 })]),
    ).toThrow('same seeds');
    const c = pairedComparison(
      doc,
      doc,
      [fakeResult({ seed: 1, p99: 50 }), fakeResult({ seed: 2, p99: 60 })],
      [fakeResult({ seed: 1, p99: 40 }), fakeResult({ seed: 2, p99: 51 })],
    );
    expect(c.seeds).toEqual([1, 2]);
    expect(c.figures.map((f) => f.figure)).toEqual([
      'p50Ms',
      'p99Ms',
      'meanMs',
      'throughputRps',
      'goodputRps',
      'errorRate',
      'costPerHour',
    ]);
  });
});
