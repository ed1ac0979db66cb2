/** Cache: eviction policies, TTL, Che's approximation for LRU under Zipf keys, strategies. */
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/engine/nodes/cacheStore.ts';
import { Rng } from '../../src/engine/rng.ts';
import { zipfShares } from '../../src/engine/zipf.ts';
import type { CacheParams } from '../../src/model/types.ts';
import { cache, client, constant, edge, run, scenario, service } from './harness.ts';
import { cheLruHitRatio } from './theory.ts';

describe('CacheStore eviction', () => {
  const filled = (eviction: CacheParams['eviction']) => {
    const s = new CacheStore(3, eviction, 10, new Rng(1));
    [0, 1, 2].forEach((k) => s.put(k, 0, Infinity));
    return s;
  };
  it('lru evicts the least recently used', () => {
    const s = filled('lru');
    s.get(0, 1);
    s.put(3, 1, Infinity);
    expect([0, 1, 2, 3].map((k) => s.has(k))).toEqual([true, false, true, true]);
  });
  it('fifo evicts the oldest inserted, whatever was read', () => {
    const s = filled('fifo');
    s.get(0, 1);
    s.put(3, 1, Infinity);
    expect([0, 1, 2, 3].map((k) => s.has(k))).toEqual([false, true, true, true]);
  });
  it('lfu evicts the least frequently used (oldest among ties)', () => {
    const s = filled('lfu');
    s.get(0, 1);
    s.get(0, 1);
    s.get(2, 1);
    s.put(3, 1, Infinity);
    expect([0, 1, 2, 3].map((k) => s.has(k))).toEqual([true, false, true, true]);
    s.put(4, 2, Infinity); // 3 has one use, the fewest
    expect(s.has(3)).toBe(false);
  });
  it('random evicts one entry and keeps the size at capacity', () => {
    const s = filled('random');
    s.put(3, 1, Infinity);
    expect(s.size).toBe(3);
    expect(s.has(3)).toBe(true);
  });
  it('expired entries miss, removal and clear empty it', () => {
    const s = new CacheStore(4, 'lru', 10, new Rng(1));
    s.put(1, 0, 5);
    expect(s.get(1, 4.9)).toBe(true);
    expect(s.get(1, 5)).toBe(false);
    s.put(2, 0, Infinity);
    s.remove(2);
    expect(s.has(2)).toBe(false);
    s.put(3, 0, Infinity);
    s.clear();
    expect(s.size).toBe(0);
  });
});

function cached(p: Partial<CacheParams>, writeRatio = 0, durationS = 500) {
  return scenario({
    durationS,
    warmupS: 50,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: 1000 },
        keys: { count: 1000, zipf: 0.8 },
        writeRatio,
      }),
      cache('cache', p),
      service('db', { workers: 100, serviceTimeMs: constant(5) }),
    ],
    edges: [edge('c', 'cache'), edge('cache', 'db', { id: 'cache-db' })],
  });
}

describe('cache node', () => {
  it("LRU hit ratio under Zipf(0.8) keys matches Che's approximation", () => {
    // 450k lookups: the hit ratio's standard error is ~0.1 %; Che's approximation itself is
    // within about 1 % at this size, so we allow 2 % relative.
    const r = run(cached({ capacity: 100 }));
    const expected = cheLruHitRatio(zipfShares(1000, 0.8), 100);
    expect(Math.abs(r.nodes.cache!.hitRatio! / expected - 1)).toBeLessThan(0.02);
    // Misses go to the store: its arrivals are the misses, less those that joined a fetch
    // already in flight for their key (readThrough coalesces a stampede).
    const coalesced = r.nodes.cache!.coalescedMisses as number;
    expect((r.nodes.db!.arrivals + coalesced) / r.nodes.cache!.arrivals).toBeCloseTo(
      1 - r.nodes.cache!.hitRatio!,
      2,
    );
    // A hit costs hitMs (1 ms); a miss adds the store's 5 ms.
    expect(r.latencyMs.mean).toBeCloseTo(1 + 5 * (1 - r.nodes.cache!.hitRatio!), 1);
  });
  it('a warm cache hits from the first request; a flush empties it', () => {
    const warm = run(cached({ capacity: 100, warm: true }), { durationS: 1 });
    expect(warm.timeline.length).toBe(0); // all inside warm-up: nothing counted
    const story = run({ ...cached({ capacity: 1000, warm: true }, 0, 10), warmupS: 0 });
    expect(story.nodes.cache!.hitRatio).toBe(1);
    const flushed = run({
      ...cached({ capacity: 1000, warm: true }, 0, 10),
      warmupS: 0,
      faults: [{ atS: 5, kind: 'flush', target: 'cache' }],
    });
    expect(flushed.nodes.cache!.hitRatio).toBeLessThan(1);
  });
  it('writes go to the store and invalidate', () => {
    const r = run(cached({ capacity: 1000, warm: true }, 0.5, 100));
    // With writes invalidating, a full-size warm cache still misses.
    expect(r.nodes.cache!.hitRatio).toBeLessThan(1);
    expect(r.nodes.db!.arrivals).toBeGreaterThan(0.5 * r.nodes.cache!.arrivals);
  });
  it('crashed: cacheAside falls back to the store, readThrough fails', () => {
    const crash = [{ atS: 0, kind: 'crash' as const, target: 'cache' }];
    const aside = run({ ...cached({ strategy: 'cacheAside' }, 0, 100), faults: crash });
    expect(aside.requests.failed).toBe(0);
    // Every read reaches the store (up to the few still in flight at the end).
    expect(Math.abs(aside.nodes.db!.arrivals - aside.requests.total)).toBeLessThan(20);
    const through = run({ ...cached({ strategy: 'readThrough' }, 0, 100), faults: crash });
    expect(through.errorRate).toBe(1);
  });
});
