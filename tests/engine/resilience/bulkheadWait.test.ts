/**
 * A bulkhead's wait, against closed forms and exact counts.
 *
 * With every call allowed to wait and a callee that never queues (more workers than calls),
 * the bulkhead's c slots are the servers of a queue of their own: Poisson calls, exponential
 * holding times, FIFO, so exactly M/M/c. The mean wait per acquisition (the `bulkheadWaitMs`
 * figure) is Erlang C's W_q = C(c, a) / (cμ − λ).
 *
 * With a wait bound and deterministic traffic, the counts are exact: calls every 50 ms against
 * one slot held 93 ms, so the slot never idles once a line forms and every call either gets it
 * within the bound or gives up at exactly the bound.
 */
import { describe, expect, it } from 'vitest';
import type { BulkheadPolicy } from '../../../src/model/types.ts';
import { client, constant, edge, exp, run, scenario, service } from '../harness.ts';
import { erlangC } from '../theory.ts';

/** Users → front (1 ms, never queues) → db over an edge with `bulkhead`. */
function pool(bulkhead: BulkheadPolicy, p: { rps: number; dbMs: number; poisson: boolean }) {
  return (durationS: number, seed = 1) =>
    run(
      scenario({
        seed,
        durationS,
        warmupS: p.poisson ? 50 : 0,
        nodes: [
          client('users', {
            arrival: { process: p.poisson ? 'poisson' : 'constant', rps: p.rps },
          }),
          service('front', { workers: 10_000, serviceTimeMs: constant(1) }),
          service('db', {
            workers: 10_000,
            serviceTimeMs: p.poisson ? exp(p.dbMs) : constant(p.dbMs),
          }),
        ],
        edges: [
          edge('users', 'front', { id: 'users-front' }),
          edge('front', 'db', { id: 'front-db', bulkhead }),
        ],
      }),
    );
}

describe('bulkhead wait', () => {
  it('is M/M/c at the slots: the mean wait per call is Erlang C’s', () => {
    // c = 4 slots, λ = 80/s, 1/μ = 40 ms: a = 3.2, ρ = 0.8, W_q = C(4, 3.2) / (100 − 80) s.
    const wq = (erlangC(4, 3.2) / 20) * 1000;
    const runOf = pool(
      { maxConcurrent: 4, maxWaiting: 1_000_000 },
      { rps: 80, dbMs: 40, poisson: true },
    );
    // Over 2,000 s (160,000 calls) seeds 1–8 gave 28.3–31.0 ms against W_q = 29.8 ms (−5.0 %
    // to +4.0 %, their mean −0.7 %): ±10 % is twice the widest seen.
    for (const seed of [1, 2, 3]) {
      const r = runOf(2050, seed);
      const wait = r.nodes['front']!['bulkheadWaitMs'] as number;
      expect(Math.abs(wait / wq - 1)).toBeLessThan(0.1);
      expect(r.requests.failed).toBe(0);
    }
  });

  it('a call that waits its bound gives up with bulkheadTimeout; the slot never idles', () => {
    const T = 60;
    const bounded = pool(
      { maxConcurrent: 1, maxWaiting: 1_000_000, maxWaitMs: 240 },
      { rps: 20, dbMs: 93, poisson: false },
    )(T);
    // One slot busy without a break from the first call (at 51 ms) on: one call served every
    // 93 ms; every other call gave up. The last served may still be out at the end.
    const served = Math.floor((T - 0.051) / 0.093);
    expect(bounded.requests.ok).toBeGreaterThanOrEqual(served - 1);
    expect(bounded.requests.ok).toBeLessThanOrEqual(served);
    expect(bounded.errors).toEqual({ bulkheadTimeout: bounded.requests.failed });
    expect(bounded.requests.failed).toBeGreaterThan(0.45 * 20 * T);
    expect(bounded.edges!['front-db']!.refused).toBe(bounded.requests.failed);
    // A call that gave up waited exactly the bound after the front's 1 ms; one served waited
    // at most the bound, then held the slot 93 ms.
    expect(bounded.latencyMs.max).toBeCloseTo(1 + 240 + 93, 6);
    expect(bounded.nodes['db']!.latencyMs.max).toBeCloseTo(93, 6);
    const wait = bounded.nodes['front']!['bulkheadWaitMs'] as number;
    expect(wait).toBeGreaterThan(200);
    expect(wait).toBeLessThanOrEqual(240);
  });

  it('a bound longer than any wait changes nothing', () => {
    const doc = (maxWaitMs?: number) =>
      pool(
        { maxConcurrent: 2, maxWaiting: 5, ...(maxWaitMs ? { maxWaitMs } : {}) },
        { rps: 20, dbMs: 93, poisson: false },
      )(30);
    // At most 5 wait behind 2 slots of 93 ms: no wait reaches 3 × 93 ms.
    const { wallMs: _a, ...free } = doc();
    const { wallMs: _b, ...bounded } = doc(300);
    expect(bounded).toEqual(free);
  });
});
