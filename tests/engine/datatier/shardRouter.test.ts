/**
 * Shard routing: a hot key under Zipf traffic overloads its shard; range partitioning keeps a hot
 * range on one shard; consistent hashing moves about 1/(N+1) of the keys when a shard is added,
 * mod-N hashing most of them.
 */
import { describe, expect, it } from 'vitest';
import { HashRing, modShard } from '../../../src/engine/nodes/consistentHash.ts';
import type { ShardStrategy } from '../../../src/model/types.ts';
import { client, database, edge, exp, run, scenario, shardRouter, sim } from '../harness.ts';

const SHARDS = ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7'];

function sharded(strategy: ShardStrategy, zipf: number) {
  const shards = SHARDS;
  return scenario({
    durationS: 120,
    warmupS: 10,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 2000 }, keys: { count: 10000, zipf } }),
      shardRouter('router', { strategy }),
      ...shards.map((id) => database(id, { connections: 2, readTimeMs: exp(4) })),
    ],
    edges: [edge('c', 'router'), ...shards.map((id) => edge('router', id, { id: `to-${id}` }))],
  });
}

const utils = (r: ReturnType<typeof run>) => SHARDS.map((s) => r.nodes[s]!.utilization);

describe('shard router', () => {
  it('uniform keys spread evenly over hash shards (each ~ 1/8 of the calls)', () => {
    const r = run(sharded('hash', 0));
    const calls = r.nodes.router!.shardCalls as Record<string, number>;
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    expect(total).toBe(r.nodes.router!.arrivals);
    for (const n of Object.values(calls)) expect(Math.abs(n / total - 0.125)).toBeLessThan(0.01);
  });

  it('Zipf 1.1: the hot key overloads its hash shard', () => {
    const story = sim(sharded('hash', 1.1)).runToEnd();
    const r = story.result();
    const u = utils(r);
    const hot = modShard(0, 8); // key 0 is the most popular
    const others = u.filter((_, i) => i !== hot).sort((a, b) => a - b);
    expect(Math.max(...u)).toBe(u[hot]);
    expect(u[hot]!).toBeGreaterThan(1.3 * others.at(-1)!);
    expect(u[hot]!).toBeGreaterThan(2 * others[3]!); // twice the median shard
    const q = SHARDS.map((id) => r.nodes[id]!.meanQueueLength);
    expect(Math.max(...q)).toBe(q[hot]); // the queue builds at the hot shard
    // The per-shard load per window: the edge to the hot shard carries the most calls.
    const w = story.windows.at(-1)!;
    const calls = SHARDS.map((s) => w.edges[`to-${s}`]!.calls);
    expect(Math.max(...calls)).toBe(calls[hot]);
  });

  it('range partitioning puts the whole hot head of the key space on the first shard', () => {
    const r = run(sharded('range', 1.1));
    const calls = r.nodes.router!.shardCalls as Record<string, number>;
    expect(calls.s0! / r.nodes.router!.arrivals).toBeGreaterThan(0.7);
  });

  it('consistent hashing routes by the ring and balances with virtual nodes', () => {
    const r = run(sharded('consistentHash', 0));
    const calls = Object.values(r.nodes.router!.shardCalls as Record<string, number>);
    const total = calls.reduce((a, b) => a + b, 0);
    for (const n of calls) expect(Math.abs(n / total - 0.125)).toBeLessThan(0.04);
  });
});

describe('consistent hashing vs mod-N when a shard is added', () => {
  const KEYS = 200_000;
  const names = (n: number) => Array.from({ length: n }, (_, i) => `shard-${i}`);
  for (const N of [4, 10]) {
    it(`N = ${N} → ${N + 1}: the ring moves ≈ 1/(N+1) of keys, all to the new shard`, () => {
      const before = new HashRing(names(N), 200);
      const after = new HashRing(names(N + 1), 200);
      let moved = 0;
      let movedElsewhere = 0;
      for (let k = 0; k < KEYS; k++) {
        const a = before.shardOf(k);
        const b = after.shardOf(k);
        if (a !== b) {
          moved++;
          if (b !== N) movedElsewhere++;
        }
      }
      expect(movedElsewhere).toBe(0);
      expect(Math.abs(moved / KEYS - 1 / (N + 1))).toBeLessThan(0.25 / (N + 1));
    });
    it(`N = ${N} → ${N + 1}: mod-N hashing moves ≈ N/(N+1) of keys`, () => {
      let moved = 0;
      for (let k = 0; k < KEYS; k++) if (modShard(k, N) !== modShard(k, N + 1)) moved++;
      expect(Math.abs(moved / KEYS - N / (N + 1))).toBeLessThan(0.02);
    });
  }
  it('with one point per shard the ring is lopsided; 200 points even it out', () => {
    const share = (v: number) => {
      const ring = new HashRing(names(10), v);
      const n = new Float64Array(10);
      for (let k = 0; k < KEYS; k++) n[ring.shardOf(k)]!++;
      return Math.max(...n) / KEYS;
    };
    expect(share(1)).toBeGreaterThan(0.15);
    expect(share(200)).toBeLessThan(0.13);
  });
});
