import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { predictEndToEnd, theoryCurve } from '../../src/analysis/endToEnd.ts';
import { mm1, mmc } from '../../src/analysis/queueing.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { scaleLoad } from '../../src/analysis/sweep.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { design } from './helpers.ts';

const mm1Design = (edge: Record<string, unknown> = {}) =>
  design(
    [
      { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 500 } } },
      { id: 's', type: 'service', params: { serviceTimeMs: { dist: 'exponential', meanMs: 1 } } },
    ],
    [['c', 's', edge]],
    { durationS: 60, warmupS: 5 },
  );

describe('end-to-end theory', () => {
  it('one M/M/1: mean 1/(μ - λ) and its p99', () => {
    const p = predictEndToEnd(mm1Design());
    expect(p.meanMs).toBeCloseTo(mm1(0.5, 1).W, 9);
    expect(p.p99Ms).toBeCloseTo(Math.log(100) * 2, 9);
  });
  it('edge latency counts there and back; then no p99', () => {
    const p = predictEndToEnd(mm1Design({ latencyMs: 5 }));
    expect(p.meanMs).toBeCloseTo(12, 9);
    expect(p.p99Ms).toBeNull();
  });
  it('the curve over a sweep: rising, and no prediction past saturation', () => {
    const curve = theoryCurve(mm1Design(), { fromPct: 20, toPct: 220, stepPct: 50 });
    expect(curve.map((p) => p.offeredRps)).toEqual([100, 350, 600, 850, 1100]);
    const means = curve.slice(0, 4).map((p) => p.meanMs ?? NaN);
    expect(means).toEqual([...means].sort((a, b) => a - b));
    expect(curve[4]).toMatchObject({ meanMs: null, reason: expect.stringMatching(/unstable/) });
  });
  it('says why when the design is out of reach', () => {
    const caller = design(
      [
        { id: 'c', type: 'client' },
        { id: 'a', type: 'service' },
        { id: 'b', type: 'service' },
      ],
      [
        ['c', 'a'],
        ['a', 'b'],
      ],
    );
    expect(predictEndToEnd(caller)).toMatchObject({ meanMs: null, reason: 'a: calls downstream' });
  });
  it('the ten-service bench at 150 % (round robin into 8 workers, 94 % busy): within 10 %', () => {
    const base = loadScenarioOrThrow(
      readFileSync(new URL('./fixtures/ten-services.json', import.meta.url), 'utf8'),
    );
    const doc = scaleLoad(base, 1.5);
    const p = predictEndToEnd(doc);
    // Erlang-10 gaps wait less than Poisson ones: below independent M/M/8 stations.
    expect(p.meanMs).toBeLessThan(mmc(0.75, 0.1, 8).W);
    const measured = runToEnd(doc, { durationS: 30 }).latencyMs.mean;
    expect(Math.abs(measured / (p.meanMs ?? NaN) - 1)).toBeLessThan(0.1);
  });
  it('a read-only LRU cache in front of a database agrees with the engine within 5 %', () => {
    const doc = design(
      [
        {
          id: 'c',
          type: 'client',
          params: { arrival: { process: 'poisson', rps: 800 }, keys: { count: 2000, zipf: 0.8 } },
        },
        { id: 'cache', type: 'cache', params: { capacity: 200, hitMs: 1 } },
        {
          id: 'db',
          type: 'database',
          params: { connections: 4, readTimeMs: { dist: 'exponential', meanMs: 5 } },
        },
      ],
      [
        ['c', 'cache'],
        ['cache', 'db', { latencyMs: 2 }],
      ],
      { durationS: 60, warmupS: 10 },
    );
    const measured = runToEnd(doc).latencyMs.mean;
    const predicted = predictEndToEnd(doc).meanMs ?? NaN;
    expect(Math.abs(measured / predicted - 1)).toBeLessThan(0.05);
  });
});
