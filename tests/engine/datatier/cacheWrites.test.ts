/**
 * Cache write paths and stampedes: write-through vs invalidation, write-behind batches with the
 * data at risk, refresh-ahead, and a hot key's expiry with and without miss coalescing.
 */
import { describe, expect, it } from 'vitest';
import type { CacheParams, Fault } from '../../../src/model/types.ts';
import { cache, client, constant, database, edge, run, scenario } from '../harness.ts';

function cached(
  p: Partial<CacheParams>,
  o: { rps?: number; keys?: number; writeRatio?: number; faults?: Fault[] } = {},
) {
  return run(
    scenario({
      durationS: 60,
      nodes: [
        client('c', {
          arrival: { process: 'poisson', rps: o.rps ?? 100 },
          writeRatio: o.writeRatio ?? 0,
          keys: { count: o.keys ?? 10, zipf: 0 },
        }),
        cache('cache', { capacity: 1000, hitMs: constant(1), ...p }),
        database('db', { readTimeMs: constant(50), writeTimeMs: constant(10), connections: 1000 }),
      ],
      edges: [edge('c', 'cache'), edge('cache', 'db')],
      faults: o.faults ?? [],
    }),
  );
}

describe('cache write paths', () => {
  it('writeThrough writes the store then fills the entry; cacheAside invalidates it', () => {
    const wt = cached({ strategy: 'writeThrough' }, { writeRatio: 0.5 });
    const ca = cached({ strategy: 'cacheAside' }, { writeRatio: 0.5 });
    // Writes cost the store's write (10 ms); write-through keeps the entry, so reads hit.
    expect(wt.nodes.cache!.hitRatio).toBeGreaterThan(0.99);
    expect(ca.nodes.cache!.hitRatio).toBeLessThan(0.95);
    expect(wt.latencyMs.p50).toBeGreaterThanOrEqual(1);
    expect(wt.latencyMs.p99).toBeCloseTo(10, 0);
    // Every write reaches the store; reads reach it only for the first miss of each key.
    const writes = wt.nodes.db!.writes as number;
    expect(Math.abs(writes / wt.requests.total - 0.5)).toBeLessThan(0.03);
    expect(wt.nodes.db!.arrivals - writes).toBeLessThanOrEqual(20);
    expect(ca.nodes.db!.arrivals - (ca.nodes.db!.writes as number)).toBeGreaterThan(100);
  });

  it('writeBehind answers at cache speed and batches dirty keys to the store', () => {
    const r = cached(
      { strategy: 'writeBehind', writeBehindFlushMs: 1000 },
      { writeRatio: 1, keys: 1000 },
    );
    expect(r.latencyMs.max).toBeCloseTo(1, 3); // the store's 10 ms never on the path
    const writes = r.requests.total;
    const flushed = r.nodes.cache!.flushedWrites as number;
    // 100 writes/s over 1000 keys: a 1 s batch holds 1000·(1 − e^−0.1) ≈ 95 distinct keys.
    expect(flushed / 60).toBeGreaterThan(88);
    expect(flushed / 60).toBeLessThan(100);
    expect(flushed).toBeLessThan(writes);
    expect(r.nodes.db!.writes).toBe(flushed);
    expect(r.nodes.cache!.atRiskMax as number).toBeLessThan(130);
    expect(r.nodes.cache!.lostWrites).toBe(0);
  });

  it('writeBehind: a flush fault half-way through a batch loses the dirty writes', () => {
    const r = cached(
      { strategy: 'writeBehind', writeBehindFlushMs: 1000 },
      { writeRatio: 1, keys: 1000, faults: [{ atS: 30.5, kind: 'flush', target: 'cache' }] },
    );
    // Half a second of writes: 1000·(1 − e^−0.05) ≈ 49 keys at risk, then lost.
    expect(r.nodes.cache!.lostWrites).toBeGreaterThan(30);
    expect(r.nodes.cache!.lostWrites).toBeLessThan(70);
  });
});

describe('hot key expiry: stampede and its cures', () => {
  // One key at 200 reads/s, TTL 1 s, a 50 ms store read: ~10 misses pile up at each expiry.
  const hot = (p: Partial<CacheParams>) => cached({ ttlMs: 1000, ...p }, { rps: 200, keys: 1 });

  it('cacheAside: every concurrent miss goes to the store', () => {
    const r = hot({ strategy: 'cacheAside' });
    const expiries = 60 / 1.05;
    expect(r.nodes.cache!.stampedeMisses as number).toBeGreaterThan(6 * expiries);
    expect(r.nodes.db!.arrivals).toBeGreaterThan(7 * expiries);
  });

  it('readThrough coalesces them: one fetch per expiry, the others wait for it', () => {
    const r = hot({ strategy: 'readThrough' });
    const expiries = 60 / 1.05;
    expect(r.nodes.db!.arrivals).toBeGreaterThan(0.9 * expiries);
    expect(r.nodes.db!.arrivals).toBeLessThan(1.1 * expiries);
    expect(r.nodes.cache!.coalescedMisses).toBe(r.nodes.cache!.stampedeMisses);
    expect(r.nodes.cache!.stampedeMisses as number).toBeGreaterThan(6 * expiries);
  });

  it('refreshAhead reloads before expiry: after the first miss, no stampede', () => {
    const r = hot({ strategy: 'refreshAhead', refreshAheadRatio: 0.5 });
    expect(r.nodes.cache!.stampedeMisses).toBeLessThan(15); // only the very first fetch
    expect(r.nodes.cache!.hitRatio).toBeGreaterThan(0.998);
    // A reload starts in the last half of each TTL: about one per 0.55 s.
    expect(r.nodes.cache!.refreshes as number).toBeGreaterThan(90);
    expect(r.nodes.cache!.refreshes as number).toBeLessThan(125);
  });
});
