import { describe, expect, it } from 'vitest';
import { meanProfileMultiplier, offeredRates, totalRps } from '../../src/analysis/flow.ts';
import { design, fakeResult } from './helpers.ts';

const rps = (rates: ReturnType<typeof offeredRates>, id: string): number => {
  const r = rates.get(id);
  if (!r) throw new Error(`no rate for ${id}`);
  return totalRps(r);
};

describe('offered rates over the call graph', () => {
  const doc = design(
    [
      {
        id: 'web',
        type: 'client',
        params: { arrival: { process: 'poisson', rps: 300 }, writeRatio: 0.1 },
      },
      { id: 'lb', type: 'loadBalancer' },
      { id: 'a', type: 'service', params: { replicas: 2 } },
      { id: 'b', type: 'service', params: { replicas: 1, calls: 'oneOf' } },
      { id: 'cache', type: 'cache' },
      { id: 'db', type: 'database' },
      { id: 'x', type: 'service' },
      { id: 'y', type: 'service' },
    ],
    [
      ['web', 'lb'],
      ['lb', 'a'],
      ['lb', 'b'],
      ['a', 'cache'],
      ['a', 'x'],
      ['cache', 'db'],
      ['b', 'x', { weight: 3 }],
      ['b', 'y', { weight: 1 }],
    ],
  );

  it('a load balancer splits by backend replicas; sequential calls copy; oneOf splits by weight', () => {
    const r = offeredRates(doc);
    expect(rps(r, 'lb')).toBeCloseTo(300, 9);
    expect(rps(r, 'a')).toBeCloseTo(200, 9);
    expect(rps(r, 'b')).toBeCloseTo(100, 9);
    expect(rps(r, 'x')).toBeCloseTo(200 + 75, 9);
    expect(rps(r, 'y')).toBeCloseTo(25, 9);
    expect(rps(r, 'cache')).toBeCloseTo(200, 9);
    // No result: Che's prediction, and 1000 entries hold all 1000 keys, so only writes pass.
    expect(rps(r, 'db')).toBeCloseTo(20, 9);
  });

  it('a cache sends read misses (measured hit ratio) and every write', () => {
    const r = offeredRates(
      doc,
      fakeResult({ nodes: { cache: { type: 'cache', hitRatio: 0.75 } } }),
    );
    const db = r.get('db');
    expect(db?.read).toBeCloseTo(200 * 0.9 * 0.25, 9);
    expect(db?.write).toBeCloseTo(200 * 0.1, 9);
  });

  it('a rate limiter passes at most its rate', () => {
    const limited = design(
      [
        { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 500 } } },
        { id: 'rl', type: 'rateLimiter', params: { rps: 120, burst: 10 } },
        { id: 's', type: 'service' },
      ],
      [
        ['c', 'rl'],
        ['rl', 's'],
      ],
    );
    expect(rps(offeredRates(limited), 's')).toBeCloseTo(120, 9);
  });

  it('averages a rate profile over the counted window', () => {
    expect(
      meanProfileMultiplier(
        [
          [0, 1],
          [100, 3],
        ],
        0,
        100,
      ),
    ).toBeCloseTo(2, 6);
    expect(meanProfileMultiplier([], 0, 10)).toBe(1);
  });
});
