/**
 * Adaptive concurrency limits against where their feedback must settle.
 *
 * The station: one replica of c = 4 workers with a constant 10 ms service time, offered far more
 * than its 400 rps (Poisson 1000 rps), so it is always full: with L requests present (L ≥ c),
 * the latency of a request is L·S/c (it waits for the L − c ahead, c at a time).
 * - AIMD with threshold T settles where that latency crosses T, L* = c·T/S, and from there saws
 *   between backoffRatio·L* and L* (+1 for the round trip an increase takes to show).
 * - Vegas estimates the queue as limit·(1 − minRtt/rtt) = L·(1 − S/(L·S/c)) = L − c, so it
 *   settles with alpha ≤ L − c ≤ beta.
 * Deterministic service on a saturated station: the seeds differ only in which arrivals are shed
 * (spread of the mean limit over seeds 1..5 below 0.3), so ±1 around the band is wide enough.
 */
import { describe, expect, it } from 'vitest';
import type { ConcurrencyLimit } from '../../../src/model/kinds/concurrencyLimit.ts';
import { client, constant, edge, scenario, service, sim } from '../harness.ts';

const C = 4;
const S_MS = 10;

function saturated(limit: Partial<ConcurrencyLimit>, seed = 1) {
  return story(limit, seed).result();
}

function story(limit: Partial<ConcurrencyLimit>, seed = 1) {
  const concurrencyLimit = { ...BASE, ...limit };
  return sim(
    scenario({
      seed,
      durationS: 60,
      warmupS: 20,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 1000 } }),
        service('api', { workers: C, serviceTimeMs: constant(S_MS), concurrencyLimit }),
      ],
      edges: [edge('c', 'api')],
    }),
    { windowS: 1 },
  ).runToEnd();
}

const BASE: ConcurrencyLimit = {
  algorithm: 'aimd',
  initial: 100,
  min: 1,
  max: 1000,
  latencyThresholdMs: 50,
  backoffRatio: 0.9,
  alpha: 3,
  beta: 6,
};

describe('concurrency limit', () => {
  it('AIMD settles where the latency crosses its threshold: L* = c·T/S', () => {
    const star = (C * 50) / S_MS; // 20
    for (const seed of [1, 2, 3]) {
      const r = saturated({ algorithm: 'aimd' }, seed);
      const api = r.nodes['api']!;
      const mean = api.concurrencyLimit!;
      expect(mean).toBeGreaterThanOrEqual(0.9 * star - 1);
      expect(mean).toBeLessThanOrEqual(star + 1);
      // What it admits is served in about L·S/c, under the threshold and near it.
      expect(r.latencyMs.p99).toBeLessThanOrEqual(50 + S_MS);
      expect(r.latencyMs.mean).toBeGreaterThan(0.9 * 0.9 * 50 - S_MS);
      // The rest is shed at once: it serves its 400 rps and sheds the other ~600.
      expect(r.errors?.shed).toBeGreaterThan(0.55 * r.requests.total);
    }
  });

  it('Vegas settles with alpha to beta waiting: c + alpha ≤ limit ≤ c + beta', () => {
    for (const seed of [1, 2, 3]) {
      // Started low, as Vegas must be: its first answers, with no queue, teach it S.
      const vegas = saturated({ algorithm: 'vegas', initial: 1 }, seed);
      const mean = vegas.nodes['api']!.concurrencyLimit!;
      expect(mean).toBeGreaterThanOrEqual(C + 3 - 1);
      expect(mean).toBeLessThanOrEqual(C + 6 + 1);
    }
  });

  it('a fixed limit k admits at most k at once: the latency is at most k·S/c', () => {
    const r = saturated({ algorithm: 'fixed', initial: 12 });
    expect(r.nodes['api']!.concurrencyLimit).toBe(12);
    // The twelfth admitted waits for the eight ahead of it: 2 rounds of waiting + its own 10 ms.
    expect(r.latencyMs.max).toBeCloseTo((12 / C) * S_MS, 6);
  });

  it('reports the limit in every window, so the chart shows it move', () => {
    const limits = story({ algorithm: 'aimd', initial: 100 }).windows.map(
      (w) => w.nodes['api']!.concurrencyLimit!,
    );
    expect(limits).toHaveLength(60);
    // Starting at 100, far above L* = 20: the first second cuts it, then it saws near 20.
    expect(limits[0]).toBeLessThan(100);
    for (const l of limits.slice(10)) expect(Math.abs(l - 19)).toBeLessThanOrEqual(3);
  });
});
