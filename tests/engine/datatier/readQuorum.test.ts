/**
 * Read quorums: with `replicationMode: quorum`, a write is acknowledged once W copies hold it,
 * and a read consults R copies (the one it reached and R − 1 others) and returns the newest.
 * When R + W > N every read set meets every write set, so no read is ever stale: an exact
 * argument, checked as exactly zero. With R + W ≤ N reads can miss a write. A read waits for the
 * slowest copy it consulted: with Exp(μ) edges, R − 1 = 1 other copy adds μ and R − 1 = 2 add
 * μ(1 + 1/2), the mean of the larger of two.
 *
 * Spread: 30,000 reads of Exp(20 ms) waits have a standard error of 0.12 ms (0.13 ms for the
 * larger of two, sd 22.4 ms); over 5 seeds R = 2 measured 19.91–20.02 ms and R = 3 29.66–30.05
 * ms. The 0.6 ms tolerance is over 4.5 standard errors.
 */
import { describe, expect, it } from 'vitest';
import type { DatabaseParams } from '../../../src/model/types.ts';
import { client, constant, database, edge, exp, run, scenario, service } from '../harness.ts';

const MU = 20;

/** N = 3: a primary and two replicas; reads spread over all three, writes to the primary. */
function group(
  primary: Partial<DatabaseParams>,
  readsTo = ['primary', 'r1', 'r2'],
  writeRatio = 0.3,
) {
  return scenario({
    durationS: 310,
    warmupS: 10,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: 100 },
        writeRatio,
        keys: { count: 20, zipf: 0 },
      }),
      service('api', { workers: 1000, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
      database('primary', {
        connections: 500,
        readTimeMs: constant(1),
        writeTimeMs: constant(1),
        replicationMode: 'quorum',
        ...primary,
      }),
      database('r1', { connections: 500, readTimeMs: constant(1) }),
      database('r2', { connections: 500, readTimeMs: constant(1) }),
    ],
    edges: [
      edge('c', 'api'),
      ...readsTo.map((id) => edge('api', id)),
      edge('primary', 'r1', { kind: 'replication', latencyMs: exp(MU) }),
      edge('primary', 'r2', { kind: 'replication', latencyMs: exp(MU) }),
    ],
  });
}

const stale = (p: Partial<DatabaseParams>) => {
  const r = run(group(p));
  return (r.nodes.r1!.staleReads as number) + (r.nodes.r2!.staleReads as number);
};

describe('read quorums: R + W > N reads nothing stale', () => {
  it.for([
    [2, 2],
    [1, 3],
    [3, 1],
  ] as const)('W = %i, R = %i: not one stale read', ([w, r]) => {
    expect(stale({ writeQuorum: w, readQuorum: r })).toBe(0);
  });

  it('R + W = N: some reads miss the write; R = 1 misses more', () => {
    const r2 = stale({ writeQuorum: 1, readQuorum: 2 });
    const r1 = stale({ writeQuorum: 1, readQuorum: 1 });
    const w2 = stale({ writeQuorum: 2, readQuorum: 1 });
    expect(r2).toBeGreaterThan(0);
    expect(w2).toBeGreaterThan(0);
    expect(r1).toBeGreaterThan(r2);
    expect(r1).toBeGreaterThan(w2);
  });
});

describe('read quorums: a read waits for the slowest copy it consulted', () => {
  const readWait = (readQuorum: number) =>
    run(group({ writeQuorum: 1, readQuorum }, ['r1'], 0)).nodes.r1!.latencyMs.mean - 1;
  it('R = 1 waits for none', () => {
    expect(readWait(1)).toBeLessThan(0.01);
  });
  it('R = 2: one other copy, μ', () => {
    expect(Math.abs(readWait(2) - MU)).toBeLessThan(0.6);
  });
  it('R = 3: the slower of two, 1.5 μ', () => {
    expect(Math.abs(readWait(3) - 1.5 * MU)).toBeLessThan(0.6);
  });
});
