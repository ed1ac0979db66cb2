/**
 * Extreme but valid documents end cleanly: a cycle of replicas with writes, a billion Zipf
 * keys, a cache of a billion entries. Memory follows what the run touches, not declared sizes.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import { chainRoot } from '../../src/engine/nodes/replication.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';

function run(doc: unknown, durationS = 10) {
  const sim = createSimulation(loadScenarioOrThrow(doc), { durationS });
  sim.runUntil(Infinity);
  return sim.snapshot();
}

const client = (params: Record<string, unknown>) => ({
  id: 'c',
  type: 'client',
  params: { arrival: { process: 'poisson', rps: 300 }, ...params },
});

describe('a cycle of replicas', () => {
  it('chainRoot: a chain ends at its primary; a cycle at its lowest member, for every member', () => {
    const up = [-1, 0, 1]; // 2 → 1 → 0
    expect(
      chainRoot(
        2,
        (i) => up[i]!,
        (i) => up[i]! < 0,
      ),
    ).toBe(0);
    const ring = [2, 0, 1]; // 0 ← 2 ← 1 ← 0
    for (const start of [0, 1, 2])
      expect(
        chainRoot(
          start,
          (i) => ring[i]!,
          () => false,
        ),
      ).toBe(0);
    const tail = [1, 2, 1]; // 0 → 1 → 2 → 1: a cycle reached from outside
    expect(
      chainRoot(
        0,
        (i) => tail[i]!,
        () => false,
      ),
    ).toBe(1);
  });

  it.each([2, 3])('%i databases replicating in a ring, with writes: every request served', (n) => {
    const dbs = Array.from({ length: n }, (_, i) => ({ id: `d${i}`, type: 'database' }));
    const ring = dbs.map((_, i) => ({
      id: `r${i}`,
      source: `d${i}`,
      target: `d${(i + 1) % n}`,
      kind: 'replication',
    }));
    const calls = dbs.map((d, i) => ({ id: `e${i}`, source: 'c', target: d.id }));
    const doc = {
      version: 1,
      nodes: [client({ writeRatio: 0.5 }), ...dbs],
      edges: [...calls, ...ring],
    };
    const r = run(doc);
    expect(r.requests.total).toBeGreaterThan(2000);
    expect(r.requests.failed).toBe(0);
  });
});

describe('sizes declared, not touched', () => {
  it('a billion Zipf keys and a cache of a billion entries: quick, and small in memory', () => {
    const before = process.memoryUsage();
    const t0 = performance.now();
    const r = run({
      version: 1,
      nodes: [
        client({ keys: { count: 1e9, zipf: 0.9 }, writeRatio: 0.1 }),
        { id: 'api', type: 'service', params: { workers: 50 } },
        { id: 'cache', type: 'cache', params: { capacity: 1e9 } },
        { id: 'lfu', type: 'cache', params: { capacity: 1e9, eviction: 'lfu' } },
        { id: 'db', type: 'database' },
      ],
      edges: [
        { id: 'e0', source: 'c', target: 'api' },
        { id: 'e1', source: 'api', target: 'cache' },
        { id: 'e2', source: 'cache', target: 'lfu' },
        { id: 'e3', source: 'lfu', target: 'db' },
      ],
    });
    expect(performance.now() - t0).toBeLessThan(20_000);
    const after = process.memoryUsage();
    // A table of every key or slot would be gigabytes; 100 MB is far above what 3,000 touched
    // keys need and far below any per-declared-key structure.
    expect(
      after.arrayBuffers + after.heapUsed - before.arrayBuffers - before.heapUsed,
    ).toBeLessThan(100e6);
    expect(r.requests.ok).toBe(r.requests.total);
    // Zipf 0.9 over 10^9 keys: most keys are drawn once, yet the head repeats, so some hits.
    expect(r.nodes['cache']!.hitRatio).toBeGreaterThan(0.05);
  });
});
