/**
 * A cache's capacity changed while running (a live action): growing keeps every entry,
 * shrinking evicts by the policy down to the new capacity.
 *
 * The run-level check rests on an exact argument: with uniform keys (zipf 0) over K keys and no
 * TTL, whichever C keys the cache holds, each lookup hits with probability exactly C/K,
 * independently of the others. So the hit ratio over n lookups is Binomial(n, C/K) / n, and its
 * standard deviation sqrt(p(1-p)/n); the tolerance is 4 of those.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import { CacheStore } from '../../src/engine/nodes/cacheStore.ts';
import { Rng } from '../../src/engine/rng.ts';
import type { WindowStats } from '../../src/engine/types.ts';
import type { Eviction } from '../../src/model/types.ts';
import { cache, client, constant, database, edge, scenario } from './harness.ts';

/** A store of capacity 10 holding keys 0..9, put in that order (9 the newest). */
function full(eviction: Eviction): CacheStore {
  const s = new CacheStore(10, eviction, 100, new Rng(7));
  for (let k = 0; k < 10; k++) s.put(k, 0, Infinity);
  return s;
}

const held = (s: CacheStore, keys = 100) =>
  Array.from({ length: keys }, (_, k) => k).filter((k) => s.has(k));

describe('CacheStore.resize', () => {
  it('lru: shrinking keeps the most recently used; the order survives', () => {
    const s = full('lru');
    s.get(2, 1); // 2 becomes the most recently used
    s.resize(4);
    expect(s.size).toBe(4);
    expect(held(s)).toEqual([2, 7, 8, 9]);
    s.put(20, 2, Infinity); // evicts the least recently used left: 7
    expect(held(s)).toEqual([2, 8, 9, 20]);
  });

  it('fifo: shrinking keeps the newest inserted', () => {
    const s = full('fifo');
    s.get(2, 1);
    s.resize(3);
    expect(held(s)).toEqual([7, 8, 9]);
    s.put(20, 2, Infinity);
    expect(held(s)).toEqual([8, 9, 20]);
  });

  it('lfu: shrinking keeps the most used, uses and ties kept', () => {
    const s = full('lfu');
    for (const k of [0, 0, 0, 3, 3, 5]) s.get(k, 1);
    s.resize(4);
    // Uses: 0 → 4, 3 → 3, 5 → 2, the rest 1 (the newest of them, 9, stays among the ties).
    expect(held(s)).toEqual([0, 3, 5, 9]);
    s.put(20, 2, Infinity); // 9 has the fewest uses and is older than 20
    expect(held(s)).toEqual([0, 3, 5, 20]);
  });

  it('random: shrinks to the capacity and keeps evicting one for one', () => {
    const s = full('random');
    s.resize(5);
    expect(s.size).toBe(5);
    for (let k = 20; k < 60; k++) {
      s.put(k, 1, Infinity);
      expect(s.size).toBe(5);
      expect(s.has(k)).toBe(true);
    }
  });

  it('growing keeps every entry and fills up to the new capacity', () => {
    const s = full('lru');
    s.resize(15);
    expect(held(s)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (let k = 20; k < 25; k++) s.put(k, 1, Infinity);
    expect(s.size).toBe(15);
    s.put(30, 2, Infinity); // full again: the oldest (0) goes
    expect(s.size).toBe(15);
    expect(s.has(0)).toBe(false);
  });

  it('an expiry survives the move to a new slot', () => {
    const s = new CacheStore(4, 'lru', 10, new Rng(1));
    s.put(1, 0, 5);
    s.put(2, 0, 50);
    s.resize(3);
    expect(s.get(1, 4.9)).toBe(true);
    expect(s.get(1, 5)).toBe(false);
    expect(s.get(2, 49)).toBe(true);
  });

  it('a large warm start loses its oldest (highest) keys first', () => {
    const s = new CacheStore(1000, 'lru', 1000, new Rng(1));
    s.warm(1000, Infinity, 10); // lazily: a warm range
    s.get(900, 1); // touched: now the most recently used
    s.resize(100);
    expect(s.size).toBe(100);
    expect(held(s, 1000)).toEqual([...Array.from({ length: 99 }, (_, k) => k), 900]);
  });
});

/** Uniform keys over K = 20, a warm cache of 20: every lookup hits until the action. */
function runWith(seed: number): WindowStats[] {
  const doc = scenario({
    durationS: 60,
    seed,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 200 }, keys: { count: 20, zipf: 0 } }),
      cache('k', { capacity: 20, warm: true, eviction: 'lru' }),
      database('db', { readTimeMs: constant(1), connections: 50 }),
    ],
    edges: [edge('c', 'k'), edge('k', 'db')],
    actions: [
      { atS: 20, target: 'k', set: { capacity: 5 } },
      { atS: 40, target: 'k', set: { capacity: 10 } },
    ],
  });
  const sim = createSimulation(doc);
  sim.runUntil(Infinity);
  return sim.drainWindows();
}

/** Lookups and hits of the cache over windows [from, to). */
function tally(ws: WindowStats[], from: number, to: number) {
  let lookups = 0;
  let hits = 0;
  for (const w of ws.slice(from, to)) {
    const n = w.nodes['k']!.arrivals;
    lookups += n;
    hits += n * Number(w.nodes['k']!.hitRatio);
  }
  return { lookups, hitRatio: hits / lookups };
}

describe('live capacity in a run', () => {
  it.for([1, 2, 3])('seed %i: entries follow the capacity, hit ratio C/K', (seed) => {
    const ws = runWith(seed);
    const entries = (s: number) => Number(ws[s]!.nodes['k']!.entries);
    // Window s ends at s + 1 s, after any action at that time.
    expect(entries(18)).toBe(20);
    // The shrink evicts at once; the grow fills from the misses that follow it.
    for (let s = 19; s < 39; s++) expect(entries(s)).toBe(5);
    for (let s = 42; s < 60; s++) expect(entries(s)).toBe(10);

    expect(tally(ws, 0, 20).hitRatio).toBe(1);
    for (const [from, to, p] of [
      [20, 40, 5 / 20],
      [42, 60, 10 / 20],
    ] as const) {
      const { lookups, hitRatio } = tally(ws, from, to);
      const sd = Math.sqrt((p * (1 - p)) / lookups);
      expect(Math.abs(hitRatio - p), `${from}-${to} s`).toBeLessThan(4 * sd);
    }
  });
});
