import { describe, expect, it } from 'vitest';
import {
  distMeanMs,
  ggcApprox,
  distScv,
  erlangB,
  erlangC,
  erlangLoss,
  jacksonNetwork,
  jacksonTandem,
  mg1,
  mgcApprox,
  mm1,
  mm1k,
  mm1SojournPercentile,
  mm1SojournTail,
  mmc,
  mmck,
  mmcSojournPercentile,
  mmcSojournTail,
  mmcWaitPercentile,
  mmcWaitTail,
  mva,
  littleL,
  littleW,
} from '../../src/analysis/queueing.ts';

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** Erlang C by its textbook summation, independent of the recursion under test. */
function erlangCDirect(c: number, a: number): number {
  let sum = 0;
  for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
  const top = (a ** c / factorial(c)) * (c / (c - a));
  return top / (sum + top);
}

describe('M/M/1', () => {
  it('matches the textbook means at rho = 0.8', () => {
    const m = mm1(0.8, 1);
    expect(m.rho).toBeCloseTo(0.8, 12);
    expect(m.L).toBeCloseTo(4, 12);
    expect(m.Lq).toBeCloseTo(3.2, 12);
    expect(m.W).toBeCloseTo(5, 12);
    expect(m.Wq).toBeCloseTo(4, 12);
  });
  it('has an exponential sojourn: p99 = ln(100)/(mu - lambda)', () => {
    expect(mm1SojournPercentile(0.5, 1, 0.99)).toBeCloseTo(Math.log(100) / 0.5, 10);
    expect(mm1SojournTail(0.5, 1, 2)).toBeCloseTo(Math.exp(-1), 12);
  });
  it('refuses an unstable queue', () => {
    expect(() => mm1(1, 1)).toThrow(/unstable/);
  });
});

describe('Erlang B and C', () => {
  it('matches published Erlang B table values', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 5);
    expect(erlangB(100, 80)).toBeCloseTo(0.004033, 4);
  });
  it('stays finite for thousands of servers', () => {
    const b = erlangB(5000, 4900);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.05);
  });
  it('Erlang C agrees with the direct summation', () => {
    for (const [c, a] of [
      [2, 1],
      [5, 3.5],
      [10, 8],
      [15, 14],
    ] as const) {
      expect(erlangC(c, a)).toBeCloseTo(erlangCDirect(c, a), 10);
    }
  });
  it('an M/M/c/c loss system carries lambda(1 - B)', () => {
    const loss = erlangLoss(10, 5, 1);
    expect(loss.blocking).toBeCloseTo(0.018385, 5);
    expect(loss.L).toBeCloseTo(5 * (1 - loss.blocking), 12);
  });
});

describe('M/M/c', () => {
  it('M/M/2 at lambda = mu = 1: P(wait) = 1/3, Lq = 1/3, L = 4/3', () => {
    const m = mmc(1, 1, 2);
    expect(m.pWait).toBeCloseTo(1 / 3, 12);
    expect(m.Lq).toBeCloseTo(1 / 3, 12);
    expect(m.L).toBeCloseTo(4 / 3, 12);
    expect(m.W).toBeCloseTo(4 / 3, 12);
  });
  it('reduces to M/M/1 for c = 1, including the sojourn tail and percentile', () => {
    const a = mmc(0.7, 1, 1);
    const b = mm1(0.7, 1);
    expect(a.W).toBeCloseTo(b.W, 12);
    expect(mmcSojournTail(0.7, 1, 1, 3)).toBeCloseTo(mm1SojournTail(0.7, 1, 3), 12);
    expect(mmcSojournPercentile(0.7, 1, 1, 0.99)).toBeCloseTo(
      mm1SojournPercentile(0.7, 1, 0.99),
      6,
    );
  });
  it('wait percentile inverts the wait tail', () => {
    const t = mmcWaitPercentile(2.5, 1, 3, 0.99);
    expect(mmcWaitTail(2.5, 1, 3, t)).toBeCloseTo(0.01, 10);
    expect(mmcWaitPercentile(0.5, 1, 3, 0.5)).toBe(0); // most never wait
  });
  it('sojourn tail integrates to the mean sojourn W', () => {
    const [lambda, mu, c] = [2.4, 1, 3];
    let integral = 0;
    const dt = 0.001;
    for (let t = dt / 2; t < 60; t += dt) integral += mmcSojournTail(lambda, mu, c, t) * dt;
    expect(integral).toBeCloseTo(mmc(lambda, mu, c).W, 4);
  });
});

describe('finite stations', () => {
  it('M/M/1/K at rho = 0.5, K = 2: blocking 1/7, L = 4/7', () => {
    const m = mm1k(0.5, 1, 2);
    expect(m.blocking).toBeCloseTo(1 / 7, 12);
    expect(m.L).toBeCloseTo(4 / 7, 12);
  });
  it('M/M/1/K matches the closed form at rho = 1.3 (overloaded yet stable)', () => {
    const rho = 1.3;
    const K = 10;
    const closedL = rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1));
    expect(mm1k(1.3, 1, K).L).toBeCloseTo(closedL, 10);
  });
  it('M/M/c/c blocking equals Erlang B', () => {
    expect(mmck(8, 1, 10, 10).blocking).toBeCloseTo(erlangB(10, 8), 12);
  });
  it('a large waiting room tends to M/M/c', () => {
    expect(mmck(2.4, 1, 3, 400).W).toBeCloseTo(mmc(2.4, 1, 3).W, 8);
  });
});

describe('general service', () => {
  it('SCV of each distribution', () => {
    expect(distScv({ dist: 'constant', ms: 5 })).toBe(0);
    expect(distScv({ dist: 'exponential', meanMs: 5 })).toBe(1);
    expect(distScv({ dist: 'uniform', minMs: 0, maxMs: 10 })).toBeCloseTo(1 / 3, 12);
    expect(distScv({ dist: 'lognormal', meanMs: 5, cv: 1.5 })).toBeCloseTo(2.25, 12);
    expect(distScv({ dist: 'erlang', meanMs: 5, k: 4 })).toBe(0.25);
    expect(distMeanMs({ dist: 'uniform', minMs: 5, maxMs: 15 })).toBe(10);
  });
  it('P-K: M/D/1 waits half as long as M/M/1; SCV 1 is M/M/1', () => {
    expect(mg1(0.5, 1, 0).Wq).toBeCloseTo(0.5, 12);
    expect(mg1(0.5, 1, 1).W).toBeCloseTo(mm1(0.5, 1).W, 12);
    expect(mgcApprox(2, 1, 1, 3).W).toBeCloseTo(mmc(2, 1, 3).W, 12);
    expect(ggcApprox(2, 1, 1, 1, 3).W).toBeCloseTo(mmc(2, 1, 3).W, 12);
    expect(ggcApprox(0.5, 1, 1, 0, 1).W).toBeCloseTo(mg1(0.5, 1, 0).W, 12); // Poisson in: P-K
  });
});

/** The machine-repairman model M/M/c//N solved directly, to check MVA against. */
function repairman(N: number, Z: number, D: number, c: number): { X: number; L: number } {
  const p = [1];
  for (let n = 1; n <= N; n++) p.push(((p[n - 1] ?? 0) * ((N - n + 1) / Z)) / (Math.min(n, c) / D));
  const total = p.reduce((a, b) => a + b, 0);
  const probs = p.map((v) => v / total);
  const L = probs.reduce((s, q, n) => s + n * q, 0);
  const X = probs.reduce((s, q, n) => s + (q * Math.min(n, c)) / D, 0);
  return { X, L };
}

describe('networks', () => {
  it('Jackson tandem of two M/M/1 at rho 0.5 has W = 4', () => {
    expect(
      jacksonTandem(0.5, [
        { mu: 1, servers: 1 },
        { mu: 1, servers: 1 },
      ]).W,
    ).toBeCloseTo(4, 12);
  });
  it('Jackson feedback: a station revisited with probability 0.5 sees twice the rate', () => {
    const net = jacksonNetwork([0.2], [[0.5]], [{ mu: 1, servers: 1 }]);
    expect(net.lambda[0]).toBeCloseTo(0.4, 9);
    expect(net.W).toBeCloseTo(mm1(0.4, 1).L / 0.2, 9);
  });
  it('MVA with one user is the sum of demands plus think time', () => {
    const r = mva(1, 5, [{ demand: 1 }, { demand: 2 }]);
    expect(r.throughput).toBeCloseTo(1 / 8, 12);
    expect(r.responseTime).toBeCloseTo(3, 12);
  });
  it('MVA matches the machine-repairman model, single- and multi-server', () => {
    for (const c of [1, 3]) {
      const exact = repairman(20, 10, 1.2, c);
      const r = mva(20, 10, [{ demand: 1.2, servers: c }]);
      expect(r.throughput).toBeCloseTo(exact.X, 8);
      expect(r.queueLength[0]).toBeCloseTo(exact.L, 7);
    }
  });
  it('MVA saturates at 1 / max demand', () => {
    expect(mva(200, 1, [{ demand: 1 }, { demand: 0.5 }]).throughput).toBeCloseTo(1, 6);
  });
});

describe("Little's law", () => {
  it('L = lambda W and back', () => {
    expect(littleL(0.05, 40)).toBe(2);
    expect(littleW(2, 0.05)).toBe(40);
  });
});
