import { describe, expect, it } from 'vitest';
import { paramInfo, withParams } from '../../src/analysis/paramPath.ts';
import {
  axisValues,
  paramSweepJobs,
  parseAxis,
  planParamSweep,
} from '../../src/analysis/paramSweep.ts';
import { analyseParamSweep, paretoFrontier } from '../../src/analysis/paramSweepAnalysis.ts';
import { sweepableParams } from '../../src/analysis/sweepable.ts';
import { design, fakeResult } from './helpers.ts';

const doc = design(
  [
    { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 100 } } },
    { id: 'lb', type: 'loadBalancer' },
    {
      id: 'api',
      type: 'service',
      params: { replicas: 2, serviceTimeMs: { dist: 'exponential', meanMs: 10 } },
    },
  ],
  [
    ['c', 'lb'],
    ['lb', 'api', { timeoutMs: 500, retry: { max: 2 } }],
  ],
);

describe('param paths', () => {
  it('reads the value, label and limits from the kind schema', () => {
    const r = paramInfo(doc, 'nodes.api.params.replicas');
    expect(r).toMatchObject({ value: 2, label: 'api · Replicas' });
    expect(r.bounds).toMatchObject({ min: 1, integer: true });
    expect(paramInfo(doc, 'nodes.api.params.serviceTimeMs.meanMs')).toMatchObject({
      value: 10,
      bounds: { min: 0, minExclusive: true, unit: 'ms' },
    });
    expect(paramInfo(doc, 'edges.e1.retry.max')).toMatchObject({ value: 2, bounds: { max: 10 } });
    expect(paramInfo(doc, 'nodes.c.params.arrival.rps').value).toBe(100);
    // An optional number that is absent has no value yet, but it can be swept.
    expect(paramInfo(doc, 'nodes.api.params.queueCapacity').value).toBeNaN();
  });

  it('refuses a path that names nothing, with the path', () => {
    expect(() => paramInfo(doc, 'nodes.nope.params.replicas')).toThrow(
      'nodes.nope.params.replicas: the design has no node "nope"',
    );
    expect(() => paramInfo(doc, 'nodes.api.params.calls')).toThrow('not a numeric param');
    expect(() => paramInfo(doc, 'api.replicas')).toThrow('nodes.ID.params.FIELD');
    expect(() => paramInfo(doc, 'edges.e0.circuitBreaker.openMs')).toThrow(
      'circuitBreaker is off in this design',
    );
  });

  it('sets values, refusing one out of range with the path and the value', () => {
    const d = withParams(doc, [
      ['nodes.api.params.replicas', 5],
      ['edges.e1.retry.max', 0],
    ]);
    expect(d.nodes[2]).toMatchObject({ params: { replicas: 5 } });
    expect(d.edges[1]).toMatchObject({ retry: { max: 0, backoffMs: 50 } });
    expect(doc.nodes[2]).toMatchObject({ params: { replicas: 2 } }); // untouched
    expect(() => withParams(doc, [['nodes.api.params.replicas', 0]])).toThrow(
      'nodes.api.params.replicas: must be from 1 to 1000, got 0',
    );
    expect(() => withParams(doc, [['nodes.api.params.workers', 2.5]])).toThrow(
      'must be an integer from 1 to 10000, got 2.5',
    );
    expect(() => withParams(doc, [['nodes.api.params.serviceTimeMs.meanMs', 0]])).toThrow(
      'must be above 0 and at most 86400000 ms, got 0',
    );
  });

  it('lists every numeric param the design has now', () => {
    const paths = sweepableParams(doc).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'nodes.c.params.arrival.rps',
        'nodes.api.params.replicas',
        'nodes.api.params.workers',
        'nodes.api.params.serviceTimeMs.meanMs',
        'edges.e1.timeoutMs',
        'edges.e1.retry.max',
      ]),
    );
    // Off groups offer nothing.
    expect(paths.some((p) => p.includes('circuitBreaker'))).toBe(false);
    expect(paths.some((p) => p.includes('healthCheck'))).toBe(false);
  });
});

describe('planning a param sweep', () => {
  it('steps one axis and refuses a range outside the limits', () => {
    expect(axisValues(doc, parseAxis('nodes.api.params.replicas=1:6:1')).values).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(axisValues(doc, parseAxis('edges.e1.timeoutMs=100:300:100')).values).toEqual([
      100, 200, 300,
    ]);
    expect(() => axisValues(doc, parseAxis('nodes.api.params.replicas=0:6:1'))).toThrow(
      'nodes.api.params.replicas: must be from 1 to 1000, got 0',
    );
    expect(() => axisValues(doc, parseAxis('edges.e1.retry.max=0:12:1'))).toThrow(
      'edges.e1.retry.max: must be from 0 to 10, got 12',
    );
    expect(() => axisValues(doc, parseAxis('nodes.api.params.replicas=1:6:0.5'))).toThrow(
      'whole STEP',
    );
    expect(() => parseAxis('nodes.api.params.replicas')).toThrow('PATH=FROM:TO:STEP');
  });

  it('makes a grid of two axes, every point under the same seeds', () => {
    const plan = planParamSweep(
      doc,
      [parseAxis('nodes.api.params.replicas=1:3:1'), parseAxis('nodes.api.params.workers=2:4:2')],
      2,
    );
    expect(plan.points.map((p) => p.values)).toEqual([
      [1, 2],
      [1, 4],
      [2, 2],
      [2, 4],
      [3, 2],
      [3, 4],
    ]);
    expect(plan.points[3]?.doc.nodes[2]).toMatchObject({ params: { replicas: 2, workers: 4 } });
    const jobs = paramSweepJobs(plan);
    expect(jobs).toHaveLength(12);
    expect(jobs.map((j) => j.opts.seed).slice(0, 4)).toEqual([1, 2, 1, 2]);
    expect(() =>
      planParamSweep(doc, [
        parseAxis('nodes.api.params.replicas=1:3:1'),
        parseAxis('nodes.api.params.replicas=1:3:1'),
      ]),
    ).toThrow('given twice');
    expect(() =>
      planParamSweep(doc, [
        parseAxis('nodes.api.params.replicas=1:100:1'),
        parseAxis('nodes.api.params.workers=1:10:1'),
      ]),
    ).toThrow('1000 points, at most 400');
  });
});

describe('reading a param sweep', () => {
  const plan = planParamSweep(doc, [parseAxis('nodes.api.params.replicas=1:4:1')], 2);
  // p99 falls with replicas; one replica also fails 5 % of requests.
  const p99 = [900, 140, 90, 88];
  const results = plan.points.flatMap((_, i) =>
    [0, 1].map((s) =>
      fakeResult({
        p99: p99[i]! + s * 2,
        errorRate: i === 0 ? 0.05 : 0,
        nodes: { api: { utilization: 0.9 / (i + 1) } },
      }),
    ),
  );
  const a = analyseParamSweep(plan, results, { sloP99Ms: 100 });

  it('averages each point over its seeds, with cost and a 95 % half-width', () => {
    expect(a.points[1]).toMatchObject({ values: [2], p99Ms: 141, meetsSlo: false });
    expect(a.points[1]?.p99HalfWidthMs).toBeCloseTo((12.706 * Math.SQRT2) / Math.sqrt(2), 3);
    // 2 replicas at $0.10 and a balancer at $0.025.
    expect(a.points[1]?.costPerHour).toBeCloseTo(0.225, 9);
    expect(a.points[0]?.busiest).toEqual({ nodeId: 'api', utilization: 0.9 });
  });

  it('finds the cheapest point that meets the SLO, and the frontier', () => {
    expect(a.best?.values).toEqual([3]);
    // One replica breaks the error budget; 4 replicas cost more for a lower p99: on the frontier.
    expect(a.pareto).toEqual([1, 2, 3]);
  });

  it('keeps only points no other beats on both cost and p99', () => {
    const pts = [
      { costPerHour: 1, p99Ms: 100, errorRate: 0 },
      { costPerHour: 2, p99Ms: 120, errorRate: 0 },
      { costPerHour: 2, p99Ms: 50, errorRate: 0 },
      { costPerHour: 3, p99Ms: 50, errorRate: 0 },
      { costPerHour: 0.5, p99Ms: 10, errorRate: 0.5 },
    ] as unknown as Parameters<typeof paretoFrontier>[0];
    expect(paretoFrontier(pts, 0.01)).toEqual([0, 2]);
  });
});

describe('a design with objectives', () => {
  it('passes a point only where every objective is met under every seed', () => {
    const withObjectives = {
      ...doc,
      objectives: [
        { id: 'fast', metric: 'p99Ms', max: 100 },
        { id: 'cheap', metric: 'costPerHour', max: 0.4 },
      ],
    } as typeof doc;
    const plan = planParamSweep(withObjectives, [parseAxis('nodes.api.params.replicas=1:4:1')], 2);
    const p99 = [900, 140, 90, 88];
    const results = plan.points.flatMap((_, i) =>
      [0, 1].map((s) => fakeResult({ p99: p99[i]! + s * 20 })),
    );
    // The SLO given (1000 ms) is not what decides: the objectives are.
    const a = analyseParamSweep(plan, results, { sloP99Ms: 1000 });
    expect(a.passBy).toBe('objectives');
    expect(a.points.map((p) => p.objectivesMissed)).toEqual([
      ['fast'],
      ['fast'],
      ['fast'], // seed 2: 110 ms
      ['cheap', 'fast'],
    ]);
    expect(a.best).toBeNull();
    const lenient = analyseParamSweep(
      plan,
      results.map((r) => ({
        ...r,
        latencyMs: { ...r.latencyMs, p99: Math.min(r.latencyMs.p99, 95) },
      })),
      { sloP99Ms: 1000 },
    );
    expect(lenient.points.map((p) => p.meetsSlo)).toEqual([true, true, true, false]);
    expect(lenient.best?.values).toEqual([1]);
  });
});
