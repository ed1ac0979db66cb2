/**
 * Region-wide faults (src/engine/regionFaults.ts): a region down crashes every node running there
 * for exactly the fault's span; a region cut off fails the calls crossing the cut while calls on
 * either side go on, and holds the replication across it until it heals.
 */
import { describe, expect, it } from 'vitest';
import type { Fault, Scenario } from '../../../src/model/types.ts';
import { client, constant, database, edge, run, scenario, service, sim } from '../harness.ts';

const US = 'us-east';
const EU = 'eu-west';
const regions = [{ name: US, latencyMs: { [EU]: constant(40) } }, { name: EU }];

/** 50 rps from a client in each region, both calling `api` in eu-west (10 ms, no waiting). */
function twoClients(faults: Fault[]): Scenario {
  return scenario({
    durationS: 60,
    regions,
    faults,
    nodes: [
      { ...client('us', { arrival: { process: 'constant', rps: 50 } }), region: US },
      { ...client('eu', { arrival: { process: 'constant', rps: 50 } }), region: EU },
      { ...service('api', { workers: 8, serviceTimeMs: constant(10) }), region: EU },
    ],
    edges: [
      edge('us', 'api', { id: 'us-api', timeoutMs: 500 }),
      edge('eu', 'api', { id: 'eu-api', timeoutMs: 500 }),
    ],
  });
}

describe('region faults', () => {
  it('a region down fails every call into it for exactly its span; its clients keep sending', () => {
    const r = run(twoClients([{ atS: 20, forS: 10, kind: 'regionDown', target: EU }]));
    const calm = run(twoClients([]));
    // Constant arrivals: 10 s × 50 rps from each client fail. A request at most 0.1 s in
    // flight when the region goes or comes back may land either side: ±5 per client.
    for (const c of ['us', 'eu']) {
      expect(Math.abs(r.nodes[c]!.failed - 500)).toBeLessThanOrEqual(5);
      expect(r.nodes[c]!.arrivals).toBe(calm.nodes[c]!.arrivals);
    }
  });

  it('a region cut off fails only the calls across the cut, after their timeout', () => {
    const r = run(twoClients([{ atS: 20, forS: 10, kind: 'regionPartition', target: EU }]));
    // us → api crosses the cut: 10 s × 50 rps fail (each after its 500 ms timeout); eu → api
    // stays inside eu-west and never fails.
    expect(Math.abs(r.nodes.us!.failed - 500)).toBeLessThanOrEqual(5);
    expect(r.nodes.eu!.failed).toBe(0);
    expect(r.nodes.us!.latencyMs.max).toBeLessThan(500);
  });

  it('a cut holds replication to the far region: the replica falls behind by the cut, then catches up', () => {
    const doc = scenario({
      durationS: 60,
      regions,
      faults: [{ atS: 20, forS: 10, kind: 'regionPartition', target: EU }],
      nodes: [
        {
          ...client('c', { arrival: { process: 'constant', rps: 100 }, writeRatio: 1 }),
          region: US,
        },
        { ...database('primary', { writeTimeMs: constant(1) }), region: US },
        { ...database('replica'), region: EU },
      ],
      edges: [edge('c', 'primary'), edge('primary', 'replica', { kind: 'replication' })],
    });
    const w = sim(doc).runToEnd().windows;
    const lagAt = (t: number) => w.find((p) => p.tS === t)!.nodes.primary!.replicationLagMs!;
    // Outside the cut the lag is the 40 ms between the regions (a write is at most that old
    // when it lands); at the end of the cut's last window, the oldest held write is ~10 s old.
    expect(lagAt(15)).toBeLessThanOrEqual(40 + 1e-6);
    expect(Math.abs(lagAt(30) - 10_000)).toBeLessThan(50);
    expect(lagAt(40)).toBeLessThanOrEqual(40 + 1e-6);
  });
});
