import { describe, expect, it } from 'vitest';
import { offeredRates, totalRps } from '../../src/analysis/flow.ts';
import { theoryCompare } from '../../src/analysis/theoryCompare.ts';
import { design, fakeResult } from './helpers.ts';

const client = (rps: number, extra: Record<string, unknown> = {}) => ({
  id: 'c',
  type: 'client',
  params: { arrival: { process: 'poisson', rps }, ...extra },
});

describe('flow: where requests really go', () => {
  it('a write sent to a read replica is served by its primary', () => {
    const doc = design(
      [
        client(300, { writeRatio: 0.1 }),
        { id: 'api', type: 'service', params: { calls: 'oneOf' } },
        { id: 'p', type: 'database' },
        { id: 'r', type: 'database' },
      ],
      [
        ['c', 'api'],
        ['api', 'p'],
        ['api', 'r'],
        ['p', 'r', { kind: 'replication' }],
      ],
    );
    const rates = offeredRates(doc);
    expect(rates.get('p')).toEqual({ read: 135, write: 30 });
    expect(rates.get('r')).toEqual({ read: 135, write: 0 });
  });

  it("a client's spike raises its average rate over the counted window", () => {
    const doc = design([client(100), { id: 's', type: 'service' }], [['c', 's']], {
      durationS: 100,
      faults: [{ atS: 40, forS: 20, kind: 'spike', target: 'c', multiplier: 3 }],
    });
    expect(totalRps(offeredRates(doc).get('s') ?? { read: 0, write: 0 })).toBeCloseTo(140, 9);
  });

  it('a shard router splits as measured (keys, not weights, pick the shard)', () => {
    const doc = design(
      [
        client(400),
        { id: 'router', type: 'shardRouter' },
        { id: 'a', type: 'database' },
        { id: 'b', type: 'database' },
      ],
      [
        ['c', 'router'],
        ['router', 'a'],
        ['router', 'b'],
      ],
    );
    const result = fakeResult({ nodes: { a: { arrivals: 18000 }, b: { arrivals: 6000 } } });
    expect(totalRps(offeredRates(doc, result).get('a') ?? { read: 0, write: 0 })).toBeCloseTo(
      300,
      9,
    );
    expect(totalRps(offeredRates(doc).get('a') ?? { read: 0, write: 0 })).toBeCloseTo(200, 9);
  });
});

describe('theory rows where the traffic is not steady', () => {
  const rowsOf = (top: Record<string, unknown>, rps = 100) => {
    const doc = design(
      [client(rps), { id: 's', type: 'service', params: { workers: 2 } }],
      [['c', 's']],
      top,
    );
    return theoryCompare(doc, fakeResult({ nodes: { s: { arrivals: 6000, ok: 6000 } } }));
  };
  const get = (rows: ReturnType<typeof rowsOf>, metric: string) =>
    rows.find((r) => r.metric === metric);

  it('a rate profile: no latency or queue prediction, utilization as a time average below the peak', () => {
    const rows = rowsOf({ durationS: 60, warmupS: 0 }, 100);
    expect(get(rows, 'mean latency (ms)')?.predicted).not.toBeNull();
    const varying = design(
      [
        client(50, {
          profile: [
            [0, 1],
            [30, 2],
            [60, 2],
          ],
        }),
        { id: 's', type: 'service', params: { workers: 2 } },
      ],
      [['c', 's']],
    );
    const v = theoryCompare(varying, fakeResult({ nodes: { s: { arrivals: 6000, ok: 6000 } } }));
    expect(get(v, 'mean latency (ms)')?.predicted).toBeNull();
    expect(get(v, 'mean latency (ms)')?.note).toMatch(/rate profile/);
    expect(get(v, 'utilization')?.predicted).toBeGreaterThan(0); // peak 100 rps < 200 capacity
  });

  it('a partition elsewhere changes the traffic: no station prediction, Little still checked', () => {
    const rows = rowsOf({ faults: [{ atS: 10, forS: 5, kind: 'partition', target: 'e0' }] });
    expect(get(rows, 'utilization')?.predicted).toBeNull();
    expect(get(rows, 'utilization')?.note).toMatch(/partition of e0 at 10 s/);
    expect(get(rows, 'L = λW')?.predicted).not.toBeNull();
  });
});
