import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/analysis/compare.ts';
import { duplicateAsVariant } from '../../src/analysis/variant.ts';
import { designCost, HOURS_PER_MONTH } from '../../src/analysis/cost.ts';
import { KIND_DESCRIPTIONS } from '../../src/model/kinds/index.ts';
import { design, fakeResult } from './helpers.ts';

const a = design(
  [
    { id: 'c', type: 'client' },
    { id: 'lb', type: 'loadBalancer' },
    { id: 'api', type: 'service', params: { replicas: 3 } },
    { id: 'db', type: 'database' },
    { id: 'cache', type: 'cache' },
  ],
  [
    ['c', 'lb'],
    ['lb', 'api'],
    ['api', 'cache'],
    ['cache', 'db'],
  ],
);

const usd = (type: keyof typeof KIND_DESCRIPTIONS): number => KIND_DESCRIPTIONS[type].price.usd;

describe('cost', () => {
  it('is instances × price per hour per kind, the cache by the GB it holds', () => {
    const c = designCost(a);
    const expected =
      3 * usd('service') +
      usd('loadBalancer') +
      usd('database') +
      ((1000 * 1) / 1024 / 1024) * usd('cache'); // 1000 entries of 1 KB
    expect(c.perHour).toBeCloseTo(expected, 12);
    expect(c.perMonth).toBeCloseTo(expected * HOURS_PER_MONTH, 9);
    expect(c.perMillionRequests).toBeNull();
  });
  it('takes overrides and prices a million requests', () => {
    const c = designCost(a, fakeResult({ throughputRps: 100 }), { service: 1 });
    expect(c.lines.find((l) => l.nodeId === 'api')?.perHour).toBe(3);
    expect(c.perMillionRequests).toBeCloseTo((c.perHour / (100 * 3600)) * 1e6, 9);
  });
});

describe('compareRuns', () => {
  it('reports differences, with the cost of the changed design', () => {
    const b = duplicateAsVariant(a);
    const api = b.nodes.find((n) => n.id === 'api');
    if (api?.type === 'service') api.params.replicas = 5;
    expect(a.nodes.find((n) => n.id === 'api')).toMatchObject({ params: { replicas: 3 } });
    expect(b.name).toBe('test (B)');
    const cmp = compareRuns(
      { doc: a, result: fakeResult({ p50: 20, p99: 200, throughputRps: 100, errorRate: 0.02 }) },
      { doc: b, result: fakeResult({ p50: 15, p99: 100, throughputRps: 100, errorRate: 0 }) },
    );
    expect(cmp.p99Ms).toMatchObject({ a: 200, b: 100, delta: -100, relative: -0.5 });
    expect(cmp.errorRate.delta).toBeCloseTo(-0.02, 12);
    expect(cmp.costPerHour.delta).toBeCloseTo(2 * usd('service'), 12);
    expect(cmp.seed.same).toBe(true);
    expect(cmp.summary[0]).toBe('p99: 200.0 ms → 100.0 ms (-50 %), better');
    expect(cmp.summary.some((s) => /^cost: .*worse$/.test(s))).toBe(true);
  });
  it('warns when the seeds differ', () => {
    const cmp = compareRuns(
      { doc: a, result: fakeResult({ seed: 1 }) },
      { doc: a, result: fakeResult({ seed: 2 }) },
    );
    expect(cmp.summary.at(-1)).toMatch(/different seeds/);
  });
});
