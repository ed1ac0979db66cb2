/**
 * Database: the connection pool is an M/M/c station; replicas serve reads as stale as the lag
 * (P(stale) = 1 − exp(−writeRate · lag / keys) for uniform keys); failover refuses writes for
 * detection + promotion and loses only the writes inside the lag window; multi-primary counts
 * concurrent writes.
 */
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../../src/analysis/queueing.ts';
import { client, constant, database, edge, exp, run, scenario, service, sim } from '../harness.ts';

const within = (x: number, expected: number, rel: number): void => {
  expect(Math.abs(x / expected - 1)).toBeLessThan(rel);
};

describe('database: connection pool', () => {
  it('4 connections, exp 10 ms reads at 320/s: an M/M/4 (Erlang C queue length)', () => {
    const r = run(
      scenario({
        durationS: 600,
        warmupS: 20,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 320 } }),
          database('db', { connections: 4, readTimeMs: exp(10) }),
        ],
        edges: [edge('c', 'db')],
      }),
    ).nodes.db!;
    const C = erlangC(4, 3.2);
    within(r.utilization, 0.8, 0.02);
    within(r.meanQueueLength, (C * 0.8) / 0.2, 0.12);
  });

  it('writes take writeTimeMs; a full connection queue rejects', () => {
    const r = run(
      scenario({
        durationS: 60,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 200 }, writeRatio: 1 }),
          database('db', { connections: 1, writeTimeMs: constant(10), queueCapacity: 2 }),
        ],
        edges: [edge('c', 'db')],
      }),
    );
    expect(r.nodes.db!.latencyMs.p50).toBeGreaterThanOrEqual(10);
    expect(r.errors?.rejected).toBeGreaterThan(1000);
    expect(r.nodes.db!.writes).toBe(r.requests.ok);
  });
});

/** client → api (oneOf) → primary | replica; writes reaching the replica go to the primary. */
function readReplica(lagMs: number, keys: number) {
  return scenario({
    durationS: 300,
    warmupS: 10,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: 400 },
        writeRatio: 0.25,
        keys: { count: keys, zipf: 0 },
      }),
      service('api', { workers: 100, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
      database('primary', { readTimeMs: constant(1), writeTimeMs: constant(1) }),
      database('replica', { readTimeMs: constant(1), writeTimeMs: constant(1) }),
    ],
    edges: [
      edge('c', 'api'),
      edge('api', 'primary'),
      edge('api', 'replica'),
      edge('primary', 'replica', { kind: 'replication', latencyMs: constant(lagMs) }),
    ],
  });
}

describe('database: read replicas', () => {
  it('stale reads on the replica match 1 − exp(−writeRate · lag / keys)', () => {
    const r = run(readReplica(500, 100));
    const rep = r.nodes.replica!;
    // Writes (100/s) all commit on the primary; the replica serves only reads.
    expect(r.nodes.primary!.writes).toBeGreaterThan(25_000);
    expect(rep.writes).toBe(0);
    expect(rep.role).toBe('replica');
    const p = (rep.staleReads as number) / rep.arrivals;
    within(p, 1 - Math.exp((-100 * 0.5) / 100), 0.05);
    expect(r.nodes.primary!.staleReads).toBe(0);
  });

  it('a lag fault on the replication edge raises the stale share; lag 0 reads fresh', () => {
    const doc = readReplica(50, 100);
    const base = run(doc).nodes.replica!;
    const lagged = run({
      ...doc,
      faults: [{ atS: 10, kind: 'lag', target: doc.edges[3]!.id, addMs: 950 }],
    }).nodes.replica!;
    expect(lagged.staleReads as number).toBeGreaterThan(5 * (base.staleReads as number));
    expect(run(readReplica(0, 100)).nodes.replica!.staleReads).toBe(0);
  });
});

function failoverDoc(lags: number[]) {
  return scenario({
    durationS: 60,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 200 }, writeRatio: 0.5 }),
      database('primary', {
        readTimeMs: constant(1),
        writeTimeMs: constant(1),
        failover: { detectionMs: 2000, promotionMs: 3000 },
      }),
      ...lags.map((_, i) => database(`r${i}`)),
    ],
    edges: [
      edge('c', 'primary'),
      ...lags.map((ms, i) =>
        edge('primary', `r${i}`, { kind: 'replication', latencyMs: constant(ms) }),
      ),
    ],
    faults: [{ atS: 30, kind: 'crash', target: 'primary' }],
  });
}

describe('database: failover', () => {
  it('writes fail for detection + promotion (RTO) and only writes in the lag window are lost', () => {
    const story = sim(failoverDoc([400, 100])).runToEnd();
    const r = story.result();
    const old = r.nodes.primary!;
    expect(old.role).toBe('failedOver');
    expect(old.promotedTo).toBe('r1'); // the more up-to-date replica (lag 100 ms)
    expect(old.rtoMs).toBeCloseTo(5000, 6);
    // ~100 writes/s × 0.1 s in the window; RPO never beyond the promoted replica's lag.
    expect(old.lostWrites).toBeGreaterThan(0);
    expect(old.lostWrites).toBeLessThan(30);
    expect(old.rpoMs).toBeGreaterThan(0);
    expect(old.rpoMs).toBeLessThanOrEqual(100);
    // The gap: ~200/s × 5 s unavailable; none before the crash or after the promotion.
    expect(r.errors?.unavailable).toBeGreaterThan(850);
    expect(r.errors?.unavailable).toBeLessThan(1150);
    const failedAfter = story.windows
      .filter((w) => w.startS >= 35)
      .reduce((n, w) => n + (w.failedRps ?? 0), 0);
    expect(failedAfter).toBe(0);
    // Traffic addressed to the old primary is served by r1, which ships to r0 now.
    expect(r.nodes.r1!.role).toBe('primary');
    expect(r.nodes.r1!.writes).toBeGreaterThan(2000);
    expect(r.nodes.r0!.role).toBe('replica');
  });
});

describe('database: multi-primary', () => {
  function multi(lagMs: number) {
    return run(
      scenario({
        durationS: 120,
        nodes: [
          client('c', {
            arrival: { process: 'poisson', rps: 100 },
            writeRatio: 1,
            keys: { count: 50, zipf: 0 },
          }),
          service('api', { workers: 100, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
          database('a', { multiPrimary: true, writeTimeMs: constant(1) }),
          database('b', { multiPrimary: true, writeTimeMs: constant(1) }),
        ],
        edges: [
          edge('c', 'api'),
          edge('api', 'a'),
          edge('api', 'b'),
          edge('a', 'b', { kind: 'replication', latencyMs: constant(lagMs) }),
          edge('b', 'a', { kind: 'replication', latencyMs: constant(lagMs) }),
        ],
      }),
    );
  }
  it('writes are accepted on both; concurrent writes to a key within the lag conflict', () => {
    const slow = multi(500);
    const conflicts = (slow.nodes.a!.conflicts as number) + (slow.nodes.b!.conflicts as number);
    expect(slow.nodes.a!.writes).toBeGreaterThan(5000);
    expect(slow.nodes.b!.writes).toBeGreaterThan(5000);
    // Per key, writes at 1/s on each side: a pair within 0.5 s is common but not the rule.
    expect(conflicts).toBeGreaterThan(1000);
    const fast = multi(5);
    const few = (fast.nodes.a!.conflicts as number) + (fast.nodes.b!.conflicts as number);
    expect(few).toBeLessThan(conflicts / 20);
  });
});
