/**
 * Partitions on replication edges. Serving (available): the replica keeps answering reads while
 * nothing reaches it, so with Poisson writes at total rate w over K uniform keys a read t seconds
 * into the partition is stale with probability 1 − e^(−w·t/K) (the key was written since). Over
 * a 1-second window [a, a+1] that averages 1 − (e^(−λa) − e^(−λ(a+1)))/λ, λ = w/K. Refusing
 * (consistent): the cut-off replica fails reads, and a sync primary fails writes it cannot copy.
 *
 * Spread: about 750 replica reads per window, so a window's share has sd ≤ 0.018; the 0.08
 * tolerance is over 4 sd.
 */
import { describe, expect, it } from 'vitest';
import type { DatabaseParams } from '../../../src/model/types.ts';
import { client, constant, database, edge, run, scenario, service, sim } from '../harness.ts';

const K = 1000;
const RPS = 2000;
const W = RPS * 0.25; // writes per second, all committed on the primary
const AT = 20;
const FOR = 20;

function partitioned(primary: Partial<DatabaseParams>, replica: Partial<DatabaseParams>) {
  return scenario({
    durationS: 60,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: RPS },
        writeRatio: 0.25,
        keys: { count: K, zipf: 0 },
      }),
      service('api', { workers: 1000, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
      database('primary', { connections: 200, ...primary }),
      database('replica', { connections: 200, ...replica }),
    ],
    edges: [
      edge('c', 'api'),
      edge('api', 'primary'),
      edge('api', 'replica'),
      edge('primary', 'replica', { id: 'repl', kind: 'replication', latencyMs: constant(1) }),
    ],
    faults: [{ atS: AT, forS: FOR, kind: 'partition', target: 'repl' }],
  });
}

describe('a partition on a replication edge', () => {
  it('serving: the stale-read share climbs as 1 − e^(−w·t/K)', () => {
    const story = sim(partitioned({}, { onPartition: 'serve' })).runToEnd();
    const lambda = W / K;
    for (let a = 0; a < FOR; a++) {
      const w = story.windows[AT + a]!.nodes.replica!;
      const expected = 1 - (Math.exp(-lambda * a) - Math.exp(-lambda * (a + 1))) / lambda;
      expect(Math.abs((w.staleReadShare as number) - expected), `window ${a}`).toBeLessThan(0.08);
    }
    // Healed: the held stream is applied and reads are fresh again within a second or two.
    expect(story.windows[AT + FOR + 3]!.nodes.replica!.staleReadShare).toBeLessThan(0.01);
    expect(story.windows[AT + FOR - 1]!.nodes.primary!.replicationLagMs).toBeGreaterThan(18_000);
  });

  it('without the partition the same run reads almost nothing stale', () => {
    const doc = partitioned({}, {});
    const cut = run(doc).nodes.replica!.staleReads as number;
    const whole = run({ ...doc, faults: [] }).nodes.replica!.staleReads as number;
    expect(cut).toBeGreaterThan(50 * Math.max(1, whole));
  });

  it('refusing: the cut-off replica fails its reads; a sync primary fails its writes', () => {
    const r = run(
      partitioned({ replicationMode: 'sync', onPartition: 'refuse' }, { onPartition: 'refuse' }),
    );
    const reads = RPS * 0.5 * 0.75 * FOR; // the replica's share of reads over the partition
    expect(Math.abs((r.nodes.replica!.refusedReads as number) / reads - 1)).toBeLessThan(0.05);
    expect(r.nodes.replica!.staleReads).toBe(0);
    const writes = W * FOR;
    expect(Math.abs((r.nodes.primary!.refusedWrites as number) / writes - 1)).toBeLessThan(0.05);
    expect(r.errors?.unavailable).toBeGreaterThan(0.9 * (reads + writes));
  });

  it('serving with sync: writes go on with the replicas they reach (no ack across the cut)', () => {
    const r = run(partitioned({ replicationMode: 'sync' }, {}));
    expect(r.nodes.primary!.refusedWrites).toBeUndefined();
    expect(r.errorRate).toBe(0);
  });
});
