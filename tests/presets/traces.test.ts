/**
 * What the two tracing lessons say the traces show, checked on the traces the browser would
 * keep (the presets' own `tracing` blocks).
 */
import { describe, expect, it } from 'vitest';
import { breakdown } from '../../src/engine/tracing/breakdown.ts';
import { tracingOf } from '../../src/model/tracing.ts';
import { preset, traced } from '../engine/tracing/helpers.ts';

const ms = (s: number): number => s * 1000;

describe('slow-dependency', () => {
  const doc = preset('slow-dependency');
  const { result, traces } = traced(doc, tracingOf(doc));
  const recs = doc.nodes.findIndex((n) => n.id === 'recs');

  it("at or above the p99, Recommendations' service is 95 % of the critical path", () => {
    const p99S = result.latencyMs.p99 / 1000;
    const tail = traces.filter((t) => t.counted && t.status === 0 && t.endS - t.startS >= p99S);
    expect(tail.length).toBeGreaterThan(50);
    const b = breakdown(tail);
    const c = b.critical.get(recs)!;
    expect((c.queueS + c.serviceS) / b.totalS).toBeCloseTo(0.95, 2);
    expect(b.bottleneck).toBe(recs);
  });
  it('the slowest: a 5 ms Profile call, then an 885 ms Recommendations call', () => {
    const slowest = traces.reduce((a, t) => (t.endS - t.startS > a.endS - a.startS ? t : a));
    expect(ms(slowest.endS - slowest.startS)).toBeCloseTo(result.latencyMs.max, 3);
    const [profile, rec] = slowest.hops.filter((h) => h.parent === 1);
    expect(Math.round(ms(profile!.answerS - profile!.sendS))).toBe(5);
    expect(Math.round(ms(rec!.answerS - rec!.sendS))).toBe(885);
  });
  it('the sampled breakdown: Recommendations, 12 ms of a 25 ms request', () => {
    const b = breakdown(traces.filter((t) => t.counted && t.why === 'head'));
    expect(b.bottleneck).toBe(recs);
    const c = b.critical.get(recs)!;
    expect(Math.round(ms((c.queueS + c.serviceS) / b.traces))).toBe(12);
    // A 5 % sample (about 550 requests) of a run whose mean is 24.7 ms: the lesson says
    // "about", and the sample's mean (26 ms here) is within its standard error of 1.5 ms.
    expect(Math.abs(ms(b.totalS / b.traces) - 25)).toBeLessThan(2);
  });
});

describe('retry-timeout', () => {
  const doc = preset('retry-timeout');
  const { traces } = traced(doc, tracingOf(doc));

  it('the slowest: two 300 ms timeouts, 100 ms backoffs, then the pause waited out: ~1 s', () => {
    const slowest = traces.reduce((a, t) => (t.endS - t.startS > a.endS - a.startS ? t : a));
    const attempts = slowest.hops.filter((h) => h.node === 2);
    expect(attempts.map((h) => h.attempt)).toEqual([0, 1, 2]);
    expect(attempts.map((h) => h.status)).toEqual([2, 2, 0]); // timeout, timeout, ok
    for (const h of attempts.slice(0, 2)) expect(ms(h.answerS - h.sendS)).toBeCloseTo(300, 6);
    expect(ms(attempts[1]!.sendS - attempts[0]!.answerS)).toBeCloseTo(100, 6);
    expect(ms(attempts[2]!.sendS - attempts[1]!.answerS)).toBeCloseTo(100, 6);
    expect(ms(slowest.endS - slowest.startS)).toBeGreaterThan(950);
    expect(ms(slowest.endS - slowest.startS)).toBeLessThan(1050);
  });
});
