/**
 * Read-your-writes by stickiness: a replica with `readYourWritesMs` T passes a read to its
 * primary when the key was written within the last T. With Poisson writes at rate w over K
 * uniform keys, a read finds its key written within T with probability 1 − e^(−w·T/K): that is
 * the share of the replica's reads the primary takes on, the cost of the guarantee. With T at
 * least the replication lag, a read can only be stale if a write lands while it runs.
 *
 * Spread: about 40,000 replica reads, so the share has a standard error of 0.0024; the 0.012
 * tolerance is 5 of them.
 */
import { describe, expect, it } from 'vitest';
import type { DatabaseParams } from '../../../src/model/types.ts';
import { client, constant, database, edge, run, scenario, service } from '../harness.ts';

const W = 200; // writes per second
const K = 1000;

function sticky(replica: Partial<DatabaseParams>) {
  return scenario({
    durationS: 110,
    warmupS: 10,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: 1000 },
        writeRatio: W / 1000,
        keys: { count: K, zipf: 0 },
      }),
      service('api', { workers: 1000, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
      database('primary', { connections: 500, readTimeMs: constant(1), writeTimeMs: constant(1) }),
      database('replica', { connections: 500, readTimeMs: constant(1), ...replica }),
    ],
    edges: [
      edge('c', 'api'),
      edge('api', 'primary'),
      edge('api', 'replica'),
      edge('primary', 'replica', { kind: 'replication', latencyMs: constant(50) }),
    ],
  });
}

describe('read your writes: reads of keys written within the window go to the primary', () => {
  it('the primary takes 1 − e^(−w·T/K) of the replica’s reads', () => {
    for (const windowMs of [500, 2000]) {
      const r = run(sticky({ readYourWritesMs: windowMs })).nodes.replica!;
      const passed = r.readsToPrimary as number;
      const share = passed / (passed + r.arrivals);
      const expected = 1 - Math.exp(-(W * windowMs) / 1000 / K);
      expect(Math.abs(share - expected), `T = ${windowMs} ms`).toBeLessThan(0.012);
    }
  });

  it('a window that covers the lag leaves almost no stale read; without it, many', () => {
    const off = run(sticky({})).nodes.replica!;
    const on = run(sticky({ readYourWritesMs: 50 })).nodes.replica!;
    expect(off.readsToPrimary).toBeUndefined();
    expect(off.staleReads).toBeGreaterThan(300);
    // Only a write landing during the read's own 1 ms can make it stale now: about
    // reads × (w/K) × 1 ms = 8 (measured 8, against 423 without); Poisson sd ≈ 3, so 3× is 5 sd.
    const expected = on.ok * (W / K) * 0.001;
    expect(on.staleReads as number).toBeLessThan(3 * expected);
  });
});
