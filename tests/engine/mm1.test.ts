/**
 * M/M/1: poisson arrivals, exponential service mean 10 ms (μ = 100/s). Sojourn T ~ Exp(μ - λ):
 * mean 1/(μ-λ), p50 = ln2/(μ-λ), p99 = ln100/(μ-λ); utilization ρ; Lq = ρ²/(1-ρ).
 *
 * Tolerances come from the spread measured over 8 seeds at these run lengths (relative sd of
 * each figure in brackets); we allow about 4 sd with a fixed seed, so the test fails on a
 * bias of a few per cent but not on noise.
 * - ρ = 0.5, 300k requests: mean (0.23 %), p50 (0.37 %), p99 (1.35 %), util (0.29 %), Lq (0.67 %).
 * - ρ = 0.8, 300k requests: mean (1.9 %), Lq (2.5 %), util (0.28 %): successive sojourns are
 *   strongly correlated at high load, so the same run length is far noisier.
 */
import { describe, expect, it } from 'vitest';
import { client, edge, exp, run, scenario, service } from './harness.ts';

const within = (x: number, expected: number, rel: number): void => {
  expect(Math.abs(x / expected - 1)).toBeLessThan(rel);
};

function mm1(lambda: number, durationS: number) {
  return run(
    scenario({
      durationS,
      warmupS: 50,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: lambda } }),
        service('s', { serviceTimeMs: exp(10) }),
      ],
      edges: [edge('c', 's')],
    }),
  );
}

describe('M/M/1 at ρ = 0.5 (λ 50/s, μ 100/s)', () => {
  const r = mm1(50, 6050);
  const s = r.nodes.s!;
  const W = 20; // ms

  it('counts about 300k requests, none failed, throughput λ', () => {
    expect(r.requests.total).toBeGreaterThan(295000);
    expect(r.requests.failed).toBe(0);
    within(r.throughputRps, 50, 0.01);
  });
  it('sojourn: mean 20 ms, p50 13.86 ms, p99 92.1 ms', () => {
    within(s.latencyMs.mean, W, 0.01);
    within(s.latencyMs.p50, W * Math.LN2, 0.015);
    within(s.latencyMs.p99, W * Math.log(100), 0.055);
    // End to end equals the station's sojourn with instantaneous edges.
    expect(r.latencyMs.mean).toBeCloseTo(s.latencyMs.mean, 6);
  });
  it('utilization 0.5 and Lq 0.5', () => {
    within(s.utilization, 0.5, 0.012);
    within(s.meanQueueLength, 0.5, 0.027);
  });
  it("Little's law L = λW on the node (queue + in service)", () => {
    // An identity, not an approximation: it holds up to the requests in flight at the edges
    // of the measured span, far inside the noise of either side.
    const lambda = s.arrivals / (r.durationS - r.warmupS);
    const L = s.meanQueueLength + s.utilization;
    within(L, (lambda * s.latencyMs.mean) / 1000, 0.005);
  });
});

describe('M/M/1 at ρ = 0.8 (λ 80/s)', () => {
  const r = mm1(80, 3800);
  const s = r.nodes.s!;
  it('mean sojourn 50 ms, utilization 0.8, Lq 3.2', () => {
    within(s.latencyMs.mean, 50, 0.075);
    within(s.utilization, 0.8, 0.012);
    within(s.meanQueueLength, 3.2, 0.1);
  });
});
