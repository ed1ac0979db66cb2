/**
 * A warm cache costs what the run touches: a large warm start is a range of untouched entries,
 * not a slot per entry, and behaves exactly as the one-by-one puts did (LRU, FIFO, LFU: same hits,
 * same evictions, same expiries, op by op). Random eviction picks a warm entry by the slot it would
 * have had; once slots are reused the choice differs, so it is checked for its invariants only.
 */
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/engine/nodes/cacheStore.ts';
import { Rng } from '../../src/engine/rng.ts';
import type { Eviction } from '../../src/model/types.ts';
import { cache, client, edge, run, scenario, service } from './harness.ts';

/** Replays one random history on a cache warmed eagerly and one warmed lazily. */
function replay(eviction: Eviction, capacity: number, warm: number, ttlS: number, seed: number) {
  const keys = 3 * capacity;
  const eager = new CacheStore(capacity, eviction, keys, new Rng(seed));
  const lazy = new CacheStore(capacity, eviction, keys, new Rng(seed));
  eager.warm(warm, ttlS, Infinity);
  lazy.warm(warm, ttlS, 0);
  const world = new Rng(seed + 1);
  const trace: string[] = [];
  for (let step = 0; step < 3000; step++) {
    const t = step / 100;
    // Popular keys (the warm ones) more often, as Zipf traffic would.
    const key = world.next() < 0.7 ? world.int(warm + 1) : world.int(keys);
    const u = world.next();
    let a: unknown, b: unknown;
    if (u < 0.6) [a, b] = [eager.get(key, t), lazy.get(key, t)];
    else if (u < 0.95) {
      eager.put(key, t, ttlS);
      lazy.put(key, t, ttlS);
      [a, b] = [eager.expiresAt(key), lazy.expiresAt(key)];
    } else {
      eager.remove(key);
      lazy.remove(key);
      [a, b] = [eager.has(key), lazy.has(key)];
    }
    trace.push(`${a}`);
    if (a !== b || eager.size !== lazy.size) return { step, a, b, sizes: [eager.size, lazy.size] };
  }
  for (let k = 0; k < keys; k++) if (eager.has(k) !== lazy.has(k)) return { key: k };
  return { same: true, hits: trace.filter((x) => x === 'true').length };
}

describe('a warm start, lazily', () => {
  for (const eviction of ['lru', 'fifo', 'lfu'] as const) {
    it.each([
      ['capacity = warm keys, no expiry', 200, 200, Infinity],
      ['capacity > warm keys, entries expire', 300, 120, 7],
    ])(`${eviction}: the same as put one by one (%s)`, (_, capacity, warm, ttlS) => {
      for (const seed of [1, 2, 3]) {
        const r = replay(eviction, capacity, warm, ttlS, seed);
        expect(r, `seed ${seed}`).toMatchObject({ same: true });
        expect((r as { hits: number }).hits).toBeGreaterThan(100);
      }
    });
  }

  it('random: stays at capacity, and evicts warm entries and others', () => {
    const s = new CacheStore(100, 'random', 1000, new Rng(5));
    s.warm(100, Infinity, 0);
    for (let k = 100; k < 400; k++) {
      s.put(k, 1, Infinity);
      expect(s.size).toBe(100);
    }
    const warmLeft = Array.from({ length: 100 }, (_, k) => s.has(k)).filter(Boolean).length;
    expect(warmLeft).toBeGreaterThan(0);
    expect(warmLeft).toBeLessThan(100);
  });

  it('a warm cache of 10^9 entries over 10^9 keys: quick, and small in memory', () => {
    const before = process.memoryUsage();
    const t0 = performance.now();
    const r = run(
      scenario({
        durationS: 10,
        nodes: [
          client('c', {
            arrival: { process: 'poisson', rps: 300 },
            keys: { count: 1e9, zipf: 0.9 },
          }),
          service('api', { workers: 50 }),
          cache('cache', { capacity: 1e9, warm: true }),
          cache('lfu', { capacity: 1e9, warm: true, eviction: 'lfu' }),
          service('db'),
        ],
        edges: [edge('c', 'api'), edge('api', 'cache'), edge('cache', 'lfu'), edge('lfu', 'db')],
      }),
    );
    expect(performance.now() - t0).toBeLessThan(20_000);
    const after = process.memoryUsage();
    // One slot per warm entry would be tens of gigabytes; 100 MB is far above what 3,000 touched
    // keys need.
    expect(
      after.arrayBuffers + after.heapUsed - before.arrayBuffers - before.heapUsed,
    ).toBeLessThan(100e6);
    // Every key is warm, so every read hits and the store behind is never read.
    expect(r.nodes['cache']!.hitRatio).toBe(1);
    expect(r.nodes['db']!.arrivals).toBe(0);
    expect(r.nodes['cache']!.entries).toBe(1e9);
  });
});
