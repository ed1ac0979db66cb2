/** The analyses on the real engine: the knee, CI widths, identical traffic, theory vs measure. */
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../src/analysis/run.ts';
import { replicationSeeds, summariseReplications } from '../../src/analysis/replications.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { ciHalfWidth95, mean } from '../../src/analysis/stats.ts';
import { theoryCompare } from '../../src/analysis/theoryCompare.ts';
import { mm1, mva } from '../../src/analysis/queueing.ts';
import { design } from './helpers.ts';

/** One client (Poisson) and one service: `workers` servers, exponential 1 ms service. */
const station = (rps: number, workers: number, top: Record<string, unknown> = {}) =>
  design(
    [
      { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps } } },
      {
        id: 's',
        type: 'service',
        params: { workers, serviceTimeMs: { dist: 'exponential', meanMs: 1 } },
      },
    ],
    [['c', 's']],
    { durationS: 60, warmupS: 5, ...top },
  );

describe('analyses on the real engine', () => {
  it('an M/M/1 swept from 10 % to 150 % of capacity has its knee at utilization 0.5', () => {
    const a = runSweep(
      station(1000, 1),
      { fromPct: 10, toPct: 150, stepPct: 10 },
      { sloP99Ms: 20 },
      runToEnd,
    );
    expect(a.points).toHaveLength(15);
    const rho = (a.knee?.offeredRps ?? NaN) / 1000;
    expect(rho).toBeGreaterThan(0.45);
    expect(rho).toBeLessThan(0.55);
    // p99 = ln(100)/(μ - λ) ≤ 20 ms ⇔ λ ≤ 770 rps.
    expect(a.capacityAtSlo.offeredRps).toBeGreaterThan(700);
    expect(a.capacityAtSlo.offeredRps).toBeLessThan(840);
    expect(a.bottleneck).toMatchObject({ nodeId: 's', saturated: true });
  });

  it('95 % CI half-widths shrink as replications grow (4 seeds vs 16)', () => {
    const doc = station(500, 1, { durationS: 20, warmupS: 2 });
    const results = replicationSeeds(100, 16).map((seed) => runToEnd(doc, { seed }));
    const groupsOf4 = [0, 4, 8, 12].map((i) =>
      ciHalfWidth95(results.slice(i, i + 4).map((r) => r.latencyMs.mean)),
    );
    const all16 = summariseReplications(results).figures.meanMs;
    expect(all16.halfWidth).toBeLessThan(mean(groupsOf4) / 2);
    // And the 16-seed interval sits around the theory: W = 1 / (μ - λ) = 2 ms.
    expect(Math.abs(all16.mean - mm1(0.5, 1).W)).toBeLessThan(3 * all16.halfWidth + 0.02);
  });

  it('theory agrees with measurement on an M/M/2 station at utilization 0.75', () => {
    const doc = station(1500, 2, { durationS: 120, warmupS: 10 });
    const rows = theoryCompare(doc, runToEnd(doc));
    const s = (metric: string) => rows.find((r) => r.nodeId === 's' && r.metric === metric);
    expect(s('mean latency (ms)')?.model).toBe('M/M/2');
    expect(Math.abs(s('arrival rate (rps)')?.relativeError ?? 1)).toBeLessThan(0.02);
    expect(Math.abs(s('utilization')?.relativeError ?? 1)).toBeLessThan(0.03);
    expect(Math.abs(s('mean latency (ms)')?.relativeError ?? 1)).toBeLessThan(0.1);
    expect(Math.abs(s('p99 latency (ms)')?.relativeError ?? 1)).toBeLessThan(0.1);
    expect(Math.abs(s('mean number waiting')?.relativeError ?? 1)).toBeLessThan(0.15);
    expect(Math.abs(s('L = λW')?.relativeError ?? 1)).toBeLessThan(0.03);
  });

  it("on a mixed design: the flow predicts every node's arrivals, Little holds, Che predicts the hit ratio", () => {
    const doc = design(
      [
        {
          id: 'c',
          type: 'client',
          params: { arrival: { process: 'poisson', rps: 400 }, keys: { count: 1000, zipf: 0.9 } },
        },
        { id: 'lb', type: 'loadBalancer' },
        {
          id: 'api',
          type: 'service',
          params: { replicas: 2, workers: 4, serviceTimeMs: { dist: 'exponential', meanMs: 5 } },
        },
        { id: 'cache', type: 'cache', params: { capacity: 100 } },
        { id: 'db', type: 'database' },
        { id: 'leaf', type: 'service', params: { workers: 3, queueCapacity: 2, serviceTimeMs: 6 } },
      ],
      [
        ['c', 'lb'],
        ['lb', 'api'],
        ['api', 'cache'],
        ['cache', 'db'],
        ['api', 'leaf'],
      ],
      { durationS: 60, warmupS: 5 },
    );
    const rows = theoryCompare(doc, runToEnd(doc));
    const flows = rows.filter((r) => r.metric === 'arrival rate (rps)');
    expect(flows.map((r) => r.nodeId).sort()).toEqual(['api', 'cache', 'db', 'lb', 'leaf']);
    for (const r of flows) expect(Math.abs(r.relativeError ?? 1)).toBeLessThan(0.02);
    const little = rows.filter((r) => r.model === 'Little');
    expect(little.map((r) => r.nodeId).sort()).toEqual(['api', 'db', 'leaf']);
    for (const r of little) expect(Math.abs(r.relativeError ?? 1)).toBeLessThan(0.03);
    const che = rows.find((r) => r.model === 'Che (LRU)');
    expect(Math.abs(che?.relativeError ?? 1)).toBeLessThan(0.03);
    // Constant service with a finite queue: only the exponential approximation, and it says so.
    expect(rows.find((r) => r.nodeId === 'leaf' && r.metric === 'blocking')?.model).toBe(
      'M/M/3/5 (approx.)',
    );
  });

  it('a closed workload sweeps users; each point sits where exact MVA puts its throughput', () => {
    const doc = design(
      [
        {
          id: 'u',
          type: 'client',
          params: {
            arrival: {
              process: 'closed',
              users: 20,
              thinkMs: { dist: 'exponential', meanMs: 100 },
            },
          },
        },
        {
          id: 's',
          type: 'service',
          params: { workers: 2, serviceTimeMs: { dist: 'exponential', meanMs: 8 } },
        },
      ],
      [['u', 's']],
      { durationS: 60, warmupS: 5 },
    );
    const a = runSweep(doc, { fromPct: 50, toPct: 200, stepPct: 50 }, { sloP99Ms: 100 }, runToEnd);
    [10, 20, 30, 40].forEach((users, i) => {
      const mvaX = mva(users, 100, [{ demand: 8, servers: 2 }]).throughput * 1000;
      const point = a.points[i];
      expect(Math.abs((point?.offeredRps ?? 0) / mvaX - 1)).toBeLessThan(0.03);
    });
  });

  it('three replicas: the model follows the dispatch (shared queue, random split, round robin)', () => {
    const three = (strategy: string | null) =>
      design(
        [
          { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 2000 } } },
          {
            id: 's',
            type: 'service',
            params: { replicas: 3, serviceTimeMs: { dist: 'exponential', meanMs: 1 } },
          },
          ...(strategy ? [{ id: 'lb', type: 'loadBalancer', params: { strategy } }] : []),
        ],
        strategy
          ? [
              ['c', 'lb'],
              ['lb', 's'],
            ]
          : [['c', 's']],
        { durationS: 60, warmupS: 5 },
      );
    const cases: Array<[string | null, string, number]> = [
      [null, 'M/M/3 (approx.)', 0.15], // join the shortest queue, a little worse than one queue
      ['random', 'M/M/1', 0.05],
      ['roundRobin', 'E3/M/1', 0.05],
    ];
    for (const [strategy, model, tolerance] of cases) {
      const doc = three(strategy);
      const mean = theoryCompare(doc, runToEnd(doc)).find(
        (r) => r.nodeId === 's' && r.metric === 'mean latency (ms)',
      );
      expect(mean?.model).toBe(model);
      expect(Math.abs(mean?.relativeError ?? 1)).toBeLessThan(tolerance);
    }
  });
});
