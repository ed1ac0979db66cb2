import { describe, expect, it } from 'vitest';
import { mm1, mm1SojournPercentile } from '../../src/analysis/queueing.ts';
import { planSweep, sweepPercents } from '../../src/analysis/sweep.ts';
import { analyseSweep } from '../../src/analysis/sweepAnalysis.ts';
import { design, fakeResult } from './helpers.ts';

const doc = design(
  [
    { id: 'a', type: 'client', params: { arrival: { process: 'poisson', rps: 60 } } },
    {
      id: 'b',
      type: 'client',
      params: { arrival: { process: 'closed', users: 10, thinkMs: 100 } },
    },
    { id: 's', type: 'service' },
  ],
  [
    ['a', 's'],
    ['b', 's'],
  ],
);

describe('planSweep', () => {
  it('makes 15 points from 10 % to 150 % by 10', () => {
    expect(sweepPercents({ fromPct: 10, toPct: 150, stepPct: 10 })).toHaveLength(15);
    expect(sweepPercents({ fromPct: 10, toPct: 150, stepPct: 10 }).at(-1)).toBe(150);
  });
  it('scales open rates and closed users; baseRps sets what 100 % means', () => {
    const plan = planSweep(doc, { fromPct: 50, toPct: 200, stepPct: 150 });
    const arrivals = plan.map((p) =>
      p.doc.nodes
        .filter((n) => n.type === 'client')
        .map((n) => n.type === 'client' && n.params.arrival),
    );
    expect(arrivals[0]).toEqual([
      { process: 'poisson', rps: 30 },
      { process: 'closed', users: 5, thinkMs: { dist: 'constant', ms: 100 } },
    ]);
    expect(plan[1]?.offeredRps).toBeCloseTo(120, 9);
    expect(
      planSweep(doc, { fromPct: 100, toPct: 100, stepPct: 1, baseRps: 1000 })[0]?.offeredRps,
    ).toBeCloseTo(1000, 9);
    expect(doc.nodes[0]).toMatchObject({ params: { arrival: { rps: 60 } } }); // the original is untouched
  });
});

/** An exact M/M/1 "measurement" at rate lambda (rps) with mean service 1 ms. */
function mm1Result(lambdaRps: number) {
  const mu = 1; // per ms
  const lam = lambdaRps / 1000;
  if (lam < mu) {
    const m = mm1(lam, mu);
    return fakeResult({
      mean: m.W,
      p50: mm1SojournPercentile(lam, mu, 0.5),
      p99: mm1SojournPercentile(lam, mu, 0.99),
      throughputRps: lambdaRps,
      nodes: { s: { utilization: m.rho } },
    });
  }
  // Overload: throughput caps at mu, latency grows with the run.
  return fakeResult({
    mean: 2000,
    p99: 6000,
    throughputRps: 1000,
    nodes: { s: { utilization: 1 } },
  });
}

describe('analyseSweep', () => {
  const runs = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100].map((r) => ({
    offeredRps: r,
    result: mm1Result(r),
  }));
  const a = analyseSweep(runs, { sloP99Ms: 10 });

  it('puts the knee of an exact M/M/1 at utilization 0.5', () => {
    expect(a.knee?.offeredRps).toBeCloseTo(500, 0);
  });
  it('interpolates the capacity at the SLO between the points around it', () => {
    // p99 = ln(100)/(1 - rho) ms ≤ 10 ms ⇔ rho ≤ 0.539; the chord lies above the convex curve.
    const cap = a.capacityAtSlo.offeredRps ?? NaN;
    expect(cap).toBeGreaterThan(500);
    expect(cap).toBeLessThan(540);
    expect(a.capacityAtSlo.beyondSweep).toBe(false);
  });
  it('names the first node to saturate', () => {
    expect(a.bottleneck).toMatchObject({ nodeId: 's', saturated: true, atOfferedRps: 1000 });
  });
  it('reports a capacity beyond the sweep, or none', () => {
    expect(analyseSweep(runs.slice(0, 3), { sloP99Ms: 10 }).capacityAtSlo).toMatchObject({
      offeredRps: 300,
      beyondSweep: true,
    });
    expect(analyseSweep(runs, { sloP99Ms: 1 }).capacityAtSlo.offeredRps).toBeNull();
  });
  it('an error rate over the limit fails the SLO too', () => {
    const bad = runs.map((r) =>
      r.offeredRps >= 300 ? { ...r, result: { ...r.result, errorRate: 0.05 } } : r,
    );
    expect(analyseSweep(bad, { sloP99Ms: 100 }).capacityAtSlo.offeredRps).toBeLessThan(300);
  });
  it('goodput with a deadline counts only the requests within it', () => {
    const d = analyseSweep(runs, { sloP99Ms: 10, deadlineMs: 2 });
    const p = d.points[4];
    expect(p?.goodputRps).toBeLessThan(p?.throughputRps ?? 0);
    expect(p?.goodputRps).toBeGreaterThan(0.5 * (p?.throughputRps ?? 0));
  });
  it('marks a point whose run stopped early', () => {
    const stopped = {
      ...mm1Result(1100),
      truncated: { reason: 'inFlight' as const, atS: 12, events: 1, message: 'cap' },
    };
    const d = analyseSweep([...runs.slice(0, 10), { offeredRps: 1100, result: stopped }], {
      sloP99Ms: 10,
    });
    expect(d.points.at(-1)?.truncatedAtS).toBe(12);
    expect(d.points[0]?.truncatedAtS).toBeUndefined();
  });
});
