/**
 * A call between regions pays the one-way latency between them each way (src/engine/regionLatency.ts):
 * a client in one region calling a service in another measures the service time plus twice the
 * matrix latency, exactly with a constant latency and on average with jitter; a design without
 * regions, or with every node in one region, draws the same numbers as before, to the last digit.
 */
import { describe, expect, it } from 'vitest';
import type { Dist, Scenario } from '../../../src/model/types.ts';
import { client, constant, database, edge, run, scenario, service } from '../harness.ts';

const US = 'us-east';
const EU = 'eu-west';

/** client (us-east, 50 rps constant) → api (its region, 10 ms constant, no queueing). */
function crossing(apiRegion: string, latency: Dist, seed = 42): Scenario {
  return scenario({
    seed,
    durationS: 120,
    regions: [{ name: US, latencyMs: { [EU]: latency } }, { name: EU }],
    nodes: [
      { ...client('c', { arrival: { process: 'constant', rps: 50 } }), region: US },
      { ...service('api', { workers: 8, serviceTimeMs: constant(10) }), region: apiRegion },
    ],
    edges: [edge('c', 'api', { latencyMs: constant(2) })],
  });
}

describe('latency between regions', () => {
  it('a call across adds exactly 2 × the one-way matrix latency to base latency', () => {
    const same = run(crossing(US, constant(40)));
    const across = run(crossing(EU, constant(40)));
    // Base: 2 × 2 ms edge + 10 ms service, no waiting (one request every 20 ms, 8 workers).
    expect(same.latencyMs.mean).toBeCloseTo(14, 6);
    expect(across.latencyMs.mean).toBeCloseTo(14 + 2 * 40, 6);
    expect(across.latencyMs.max).toBeCloseTo(94, 1);
  });

  it('a jittered latency adds 2 × its mean on average', () => {
    // Uniform 30..50: each request draws twice (there and back), sd √2 × 20/√12 = 8.2 ms; over
    // ~6000 requests the mean's sd is 0.11 ms. Over seeds 1..5 the mean ended within 0.2 ms of
    // 94; 0.6 ms is over 5 sd.
    for (const seed of [1, 2, 3]) {
      const r = run(crossing(EU, { dist: 'uniform', minMs: 30, maxMs: 50 }, seed));
      expect(Math.abs(r.latencyMs.mean - 94)).toBeLessThan(0.6);
      expect(r.latencyMs.max).toBeLessThanOrEqual(14 + 100 + 1);
    }
  });

  it('one region, or none, gives the numbers of a design without regions exactly', () => {
    const plain = crossing(US, constant(40));
    const { regions: _, ...none } = plain;
    const a = run(none as Scenario);
    const b = run(plain);
    expect(b.latencyMs).toEqual(a.latencyMs);
    expect(b.requests).toEqual(a.requests);
  });

  it('replication across regions lags by the matrix latency: stale reads follow 1 − e^(−w·lag/K)', () => {
    // As tests/engine/datatier/database.test.ts, with the 500 ms lag coming from the regions
    // (edge lag 0) instead of the replication edge: 100 writes/s over 100 keys. The api waits a
    // second on each replica read (500 ms each way), so it has workers for ~150 at once.
    const doc = scenario({
      durationS: 300,
      warmupS: 10,
      regions: [{ name: US, latencyMs: { [EU]: constant(500) } }, { name: EU }],
      nodes: [
        {
          ...client('c', {
            arrival: { process: 'poisson', rps: 400 },
            writeRatio: 0.25,
            keys: { count: 100, zipf: 0 },
          }),
          region: US,
        },
        {
          ...service('api', { workers: 1000, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
          region: US,
        },
        {
          ...database('primary', { readTimeMs: constant(1), writeTimeMs: constant(1) }),
          region: US,
        },
        {
          ...database('replica', { readTimeMs: constant(1), writeTimeMs: constant(1) }),
          region: EU,
        },
      ],
      edges: [
        edge('c', 'api'),
        edge('api', 'primary'),
        edge('api', 'replica'),
        edge('primary', 'replica', { kind: 'replication', latencyMs: constant(0) }),
      ],
    });
    const rep = run(doc).nodes.replica!;
    const share = rep.staleReadShare as number;
    // ~15,000 reads on the replica: the share's sd is under 0.005; the datatier test's 5 %.
    expect(Math.abs(share / (1 - Math.exp((-100 * 0.5) / 100)) - 1)).toBeLessThan(0.05);
  });
});
