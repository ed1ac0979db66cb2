/**
 * Networks of stations: Jackson tandem, a weighted random split, and a closed loop held to
 * exact mean-value analysis. Standard errors measured over 6 seeds are quoted per figure.
 */
import { describe, expect, it } from 'vitest';
import { client, edge, exp, run, scenario, service } from './harness.ts';
import { mvaOneStation } from './theory.ts';

const within = (x: number, expected: number, rel: number): void => {
  expect(Math.abs(x / expected - 1)).toBeLessThan(rel);
};

describe('Jackson tandem: two non-blocking stations', () => {
  // λ 50/s; A: mean 10 ms (μ 100), B: mean 8 ms (μ 125). A frees its worker after its own work
  // and then calls B, so each is an M/M/1 and the sojourns add: 20 + 13.33 = 33.33 ms.
  const r = run(
    scenario({
      durationS: 5000,
      warmupS: 20,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 50 } }),
        service('a', { serviceTimeMs: exp(10), blocking: false }),
        service('b', { serviceTimeMs: exp(8) }),
      ],
      edges: [edge('c', 'a'), edge('a', 'b')],
    }),
  );
  it('end-to-end mean is the sum of the M/M/1 sojourns (sd 0.4 %)', () => {
    within(r.latencyMs.mean, 20 + 1000 / 75, 0.02);
  });
  it('each station has its own M/M/1 figures', () => {
    within(r.nodes.b!.latencyMs.mean, 1000 / 75, 0.02);
    within(r.nodes.a!.utilization, 0.5, 0.015);
    within(r.nodes.b!.utilization, 0.4, 0.015);
    // A's node latency includes the wait for B (arrival to departure at A).
    within(r.nodes.a!.latencyMs.mean, r.latencyMs.mean, 0.001);
  });
});

describe('Weighted random split over two M/M/1', () => {
  // λ 100/s split 1:3 → 25/s and 75/s onto μ 100/s: sojourns 13.33 ms and 40 ms.
  const r = run(
    scenario({
      durationS: 3000,
      warmupS: 20,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 100 } }),
        service('s1'),
        service('s2'),
      ],
      edges: [edge('c', 's1', { weight: 1 }), edge('c', 's2', { weight: 3 })],
    }),
  );
  it('splits in proportion to the weights (binomial sd 0.0008)', () => {
    const a1 = r.nodes.s1!.arrivals;
    const a2 = r.nodes.s2!.arrivals;
    expect(Math.abs(a1 / (a1 + a2) - 0.25)).toBeLessThan(0.004);
  });
  it('each branch is an M/M/1 at its own rate (sd 0.4 % and 1.9 %)', () => {
    within(r.nodes.s1!.latencyMs.mean, 1000 / 75, 0.03);
    within(r.nodes.s2!.latencyMs.mean, 40, 0.06);
    within(r.latencyMs.mean, 0.25 * (1000 / 75) + 0.75 * 40, 0.05);
  });
});

describe('Closed loop: N users with think time against one station (exact MVA)', () => {
  // N = 10, think 100 ms exponential, service 10 ms exponential: product form, so MVA is exact.
  const N = 10;
  const { R, X } = mvaOneStation(N, 0.01, 0.1);
  const r = run(
    scenario({
      durationS: 2500,
      warmupS: 20,
      nodes: [
        client('c', { arrival: { process: 'closed', users: N, thinkMs: exp(100) } }),
        service('s', { serviceTimeMs: exp(10) }),
      ],
      edges: [edge('c', 's')],
    }),
  );
  it(`response time R(N) (sd 0.6 %) and throughput X(N) (sd 0.2 %)`, () => {
    within(r.latencyMs.mean / 1000, R, 0.035);
    within(r.throughputRps, X, 0.01);
    within(r.nodes.s!.utilization, X * 0.01, 0.01);
  });
});
