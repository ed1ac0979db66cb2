/**
 * Read quorums: with `replicationMode: quorum`, a write is acknowledged once W copies hold it,
 * and a read consults R copies (the one it reached and R − 1 others) and returns the newest.
 * When R + W > N every read set meets every write set, so no read is ever stale: an exact
 * argument, checked as exactly zero. With R + W ≤ N reads can miss a write. A consulted copy
 * answers after its edge's latency plus its own read, which keeps it busy: a read waits for the
 * slowest of the R − 1, an order statistic. With Exp(μ) edges and 1 ms reads, R − 1 = 1 other
 * copy adds μ + 1 ms and R − 1 = 2 add μ(1 + 1/2) + 1 ms, the mean of the larger of two; with
 * constant edges L and Exp(m) reads, L + m(1 + 1/2).
 *
 * Spread: 30,000 reads of Exp(20 ms) waits have a standard error of 0.12 ms (0.13 ms for the
 * larger of two, sd 22.4 ms); over 5 seeds R = 2 measured 19.91–20.02 ms and R = 3 29.66–30.05
 * ms. The 0.6 ms tolerance is over 4.5 standard errors. The larger of two Exp(10 ms) reads has
 * sd 11.2 ms, a standard error of 0.065 ms over 30,000 reads; seeds 1–5 measured
 * 19.83–20.03 ms against 20.
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
  copies: Partial<DatabaseParams> = {},
  lag = exp(MU),
  seed = 1,
) {
  return scenario({
    durationS: 310,
    warmupS: 10,
    seed,
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
        ...copies,
        ...primary,
      }),
      database('r1', { connections: 500, readTimeMs: constant(1) }),
      database('r2', { connections: 500, readTimeMs: constant(1), ...copies }),
    ],
    edges: [
      edge('c', 'api'),
      ...readsTo.map((id) => edge('api', id)),
      edge('primary', 'r1', { kind: 'replication', latencyMs: lag }),
      edge('primary', 'r2', { kind: 'replication', latencyMs: lag }),
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
  it('R = 2: one other copy, μ + its 1 ms read', () => {
    expect(Math.abs(readWait(2) - (MU + 1))).toBeLessThan(0.6);
  });
  it('R = 3: the slower of two, 1.5 μ + 1 ms', () => {
    expect(Math.abs(readWait(3) - (1.5 * MU + 1))).toBeLessThan(0.6);
  });
  it("R = 3 with Exp(m) reads at the copies: L + 1.5 m, the slower of two copies' work", () => {
    const m = 10;
    const L = 5;
    const doc = group(
      { writeQuorum: 1, readQuorum: 3 },
      ['r1'],
      0,
      { readTimeMs: exp(m) },
      constant(L),
    );
    expect(Math.abs(run(doc).nodes.r1!.latencyMs.mean - 1 - (L + 1.5 * m))).toBeLessThan(0.4);
  });
});

describe('read quorums: the consulted copies do the work', () => {
  // Reads reach r1 only (100 a second, no writes); the primary and r2 are only consulted, each
  // read a draw of Exp(10 ms) on one of 4 connections: utilization = consulted reads/s × 10 ms / 4.
  const busy = (readQuorum: number) => {
    const doc = group({ writeQuorum: 1, readQuorum }, ['r1'], 0, {
      connections: 4,
      readTimeMs: exp(10),
    });
    const r = run(doc);
    return { r2: r.nodes.r2!.utilization, primary: r.nodes.primary!.utilization };
  };
  // 30,000 reads: the count's and the mean work's relative errors are 0.6 % each (0.8 % for
  // R = 2, half of them at each copy); seeds 1–5 measured 0.2485–0.2533 (R = 3) and
  // 0.1234–0.1269 (R = 2). 5 % is over 4 of those errors.
  it('R = 1: nobody else works', () => {
    expect(busy(1)).toEqual({ r2: 0, primary: 0 });
  });
  it('R = 3: every read keeps both others busy, 100/s × 10 ms / 4 = 0.25', () => {
    const u = busy(3);
    expect(Math.abs(u.r2 / 0.25 - 1)).toBeLessThan(0.05);
    expect(Math.abs(u.primary / 0.25 - 1)).toBeLessThan(0.05);
  });
  it('R = 2: one of the two others at random, half each: 0.125', () => {
    const u = busy(2);
    expect(Math.abs(u.r2 / 0.125 - 1)).toBeLessThan(0.05);
    expect(Math.abs(u.primary / 0.125 - 1)).toBeLessThan(0.05);
  });
});
