import { describe, expect, it } from 'vitest';
import {
  ekm1,
  ekmc,
  erlangC,
  ggcApprox,
  gim1,
  gimc,
  gimcSojournPercentile,
  gimcSojournTail,
  gimcWaitTail,
  mmc,
  mmcSojournPercentile,
} from '../../src/analysis/queueing.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { theoryCompareReplicated } from '../../src/analysis/theoryReplicated.ts';
import { ekmcByChain } from './ekmcChain.ts';
import { design } from './helpers.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('GI/M/c (Takács), exact', () => {
  it('c = 1 is GI/M/1: P(wait) = σ and the same means, for Erlang and deterministic gaps', () => {
    for (const [lambda, k] of [
      [0.3, 2],
      [0.7, 3],
      [0.9, 5],
    ] as const) {
      const g = ekmc(lambda, k, 1, 1);
      const one = ekm1(lambda, k, 1);
      expect(g.pWait).toBeCloseTo(one.sigma, 10);
      expect(g.W).toBeCloseTo(one.W, 9);
    }
    const d = gim1((s) => Math.exp(-2 * s), 2, 1);
    const dc = gimc(
      {
        mean: 2,
        lst: (s) => Math.exp(-2 * s),
        logLst: (s) => -2 * s,
        dLst: (s) => -2 * Math.exp(-2 * s),
      },
      1,
      1,
    );
    expect(dc.Wq).toBeCloseTo(d.Wq, 9);
  });

  it('Poisson gaps (k = 1) give Erlang C exactly, for 1 to 1,000 servers and light to heavy load', () => {
    for (const c of [1, 2, 5, 50, 200, 1000]) {
      for (const rho of [0.1, 0.5, 0.9, 0.99]) {
        const g = ekmc(rho * c, 1, 1, c);
        const C = erlangC(c, rho * c);
        // Relative, and both exactly 0 where Erlang C underflows (c = 1000 at 10 % busy).
        expect(Math.abs(g.pWait - C)).toBeLessThanOrEqual(1e-8 * C);
        expect(Math.abs(g.Wq - mmc(rho * c, 1, c).Wq)).toBeLessThanOrEqual(1e-8 * g.Wq);
      }
    }
  });

  it('matches the (phase, count) Markov chain of E_k/M/c solved numerically', () => {
    for (const [lambda, k, mu, c] of [
      [0.1, 3, 0.1, 4], // the load-balancing preset: 25 % busy
      [0.35, 3, 0.1, 4],
      [1.5, 2, 1, 2],
      [2.5, 5, 1, 3],
    ] as const) {
      const g = ekmc(lambda, k, mu, c);
      const chain = ekmcByChain(lambda, k, mu, c, 150);
      expect(rel(g.pWait, chain.pWait)).toBeLessThan(1e-7);
      expect(rel(g.Lq, chain.Lq)).toBeLessThan(1e-7);
    }
  });

  it('smoother arrivals wait less than Poisson, and far less than Allen-Cunneen says at low load', () => {
    const exact = ekmc(0.1, 3, 0.1, 4);
    expect(exact.Wq).toBeLessThan(mmc(0.1, 0.1, 4).Wq / 3);
    expect(exact.Wq).toBeLessThan(ggcApprox(0.1, 10, 1 / 3, 1, 4).Wq / 2);
  });

  it('waits and sojourns: exponential wait given a wait, percentiles invert the tail', () => {
    const g = ekmc(0.3, 3, 0.1, 4);
    expect(gimcWaitTail(g, 0)).toBeCloseTo(g.pWait, 12);
    const p99 = gimcSojournPercentile(g, 0.99);
    expect(gimcSojournTail(g, p99)).toBeCloseTo(0.01, 9);
    expect(gimcSojournPercentile(ekmc(0.15, 1, 0.1, 2), 0.99)).toBeCloseTo(
      mmcSojournPercentile(0.15, 0.1, 2, 0.99),
      6,
    );
    expect(() => ekmc(0.4, 3, 0.1, 4)).toThrow(/unstable/);
  });
});

describe('GI/M/c on the real engine: round robin over 3 replicas of c exponential workers', () => {
  const cluster = (rps: number, workers: number) =>
    design(
      [
        { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps } } },
        { id: 'lb', type: 'loadBalancer', params: { strategy: 'roundRobin' } },
        {
          id: 's',
          type: 'service',
          params: { replicas: 3, workers, serviceTimeMs: { dist: 'exponential', meanMs: 10 } },
        },
      ],
      [
        ['c', 'lb'],
        ['lb', 's'],
      ],
      { durationS: 60, warmupS: 5 },
    );

  it.each([
    [420, 2], // 70 % busy: E3/M/2
    [600, 4], // 50 % busy: E3/M/4
  ])(
    '%i rps into 3 × %i workers: the exact prediction lies inside the CI over 8 seeds',
    (rps, c) => {
      const doc = cluster(rps, c);
      const results = Array.from({ length: 8 }, (_, i) => runToEnd(doc, { seed: 100 + i }));
      const rows = theoryCompareReplicated(doc, results).filter((r) => r.nodeId === 's');
      const get = (metric: string) => rows.find((r) => r.metric === metric);
      const waiting = get('mean number waiting (all replicas)');
      expect(waiting?.model).toBe(`E3/M/${c}`);
      for (const metric of ['mean latency (ms)', 'p99 latency (ms)', 'utilization']) {
        expect(get(metric)?.agrees, metric).toBe(true);
      }
      expect(waiting?.agrees).toBe(true);
      // The interval is tight enough to reject the models this replaces.
      const lambda = rps / 1000 / 3;
      const half = waiting?.measuredHalfWidth ?? Infinity;
      const measured = waiting?.measured ?? NaN;
      expect(Math.abs(measured - 3 * ggcApprox(lambda, 10, 1 / 3, 1, c).Lq)).toBeGreaterThan(
        2 * half,
      );
      expect(Math.abs(measured - 3 * mmc(lambda, 0.1, c).Lq)).toBeGreaterThan(2 * half);
    },
  );
});
