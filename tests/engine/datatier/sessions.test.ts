/**
 * Client sessions at a replication group (`sessions` on its primary; a session is a client's
 * source). Watched: reads go to any copy, and a read that returns an older version of a key than
 * its session already read is a monotonic-read violation. Every violation is a stale read (the
 * newer version it had seen was acknowledged), so violations ≤ stale reads, exactly. Sticky: each
 * session reads from one copy, whose versions only grow: exactly zero violations. The cost is
 * the load: with S sessions on N copies, copy i serves the sessions s with s mod N = i, so with
 * 4 sessions on 3 copies the primary serves half the reads and each replica a quarter.
 */
import { describe, expect, it } from 'vitest';
import type { DatabaseParams } from '../../../src/model/types.ts';
import { client, constant, database, edge, exp, run, scenario, service } from '../harness.ts';

function group(sessions: DatabaseParams['sessions'], sources: number, seed = 1) {
  return scenario({
    // No warm-up: the primary's `writes` counts them all, its arrivals too.
    durationS: 100,
    warmupS: 0,
    seed,
    nodes: [
      client('c', {
        arrival: { process: 'poisson', rps: 100 },
        writeRatio: 0.3,
        keys: { count: 20, zipf: 0 },
        sources,
      }),
      service('api', { workers: 1000, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
      database('primary', {
        connections: 500,
        readTimeMs: constant(1),
        writeTimeMs: constant(1),
        ...(sessions !== undefined ? { sessions } : {}),
      }),
      database('r1', { connections: 500, readTimeMs: constant(1) }),
      database('r2', { connections: 500, readTimeMs: constant(1) }),
    ],
    edges: [
      edge('c', 'api'),
      edge('api', 'primary'),
      edge('api', 'r1'),
      edge('api', 'r2'),
      edge('primary', 'r1', { kind: 'replication', latencyMs: exp(200) }),
      edge('primary', 'r2', { kind: 'replication', latencyMs: exp(200) }),
    ],
  });
}

const COPIES = ['primary', 'r1', 'r2'] as const;
const sum = (r: ReturnType<typeof run>, figure: string) =>
  COPIES.reduce((a, id) => a + ((r.nodes[id]![figure] as number | undefined) ?? 0), 0);
/** Reads each copy served: its arrivals less the writes (writes reach only the primary). */
const readsAt = (r: ReturnType<typeof run>) =>
  COPIES.map((id) => r.nodes[id]!.arrivals - ((r.nodes[id]!.writes as number) ?? 0));

describe('client sessions: monotonic reads', () => {
  it('untracked: no figure', () => {
    const r = run(group(undefined, 10));
    expect(r.nodes.r1!.monotonicViolations).toBeUndefined();
  });

  it('watched: sessions read back in time, and each such read is a stale one', () => {
    const r = run(group('watched', 10));
    const violations = sum(r, 'monotonicViolations');
    // Seeds 1–3: 82–122 violations among 2,305–2,388 stale reads.
    expect(violations).toBeGreaterThan(40);
    expect(violations).toBeLessThanOrEqual(sum(r, 'staleReads'));
    expect(r.nodes.primary!.monotonicViolations).toBe(0);
  });

  it('sticky: not one violation, the same traffic', () => {
    const watched = run(group('watched', 10));
    const sticky = run(group('sticky', 10));
    expect(sum(sticky, 'monotonicViolations')).toBe(0);
    expect(sticky.requests.total).toBe(watched.requests.total);
  });

  it('the cost: 4 sessions on 3 copies, the primary serves half the reads', () => {
    // ~7,000 reads: a share's sd is at most √(0.25 · 0.75 / 7000) ≈ 0.0052; seeds 1–3 measured
    // 0.4895–0.5028 and 0.2415–0.2629 sticky, 0.3287–0.3402 watched. 0.025 is about 5 sd.
    const shares = (reads: number[]) => reads.map((n) => n / reads.reduce((a, b) => a + b, 0));
    const sticky = shares(readsAt(run(group('sticky', 4))));
    const watched = shares(readsAt(run(group('watched', 4))));
    for (const [got, want] of [
      [sticky, [0.5, 0.25, 0.25]],
      [watched, [1 / 3, 1 / 3, 1 / 3]],
    ] as const)
      for (let i = 0; i < 3; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(0.025);
  });
});
