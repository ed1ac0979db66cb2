/**
 * Each region's users (src/engine/metrics/regionStats.ts): the requests of the clients placed in
 * a region, end to end, merged from those clients' own figures. Exact arguments: a region whose
 * users are served from another region waits the matrix's round trip longer than one served at
 * home, to the digit with constant times and no queueing; a region of one client reports that
 * client's figures; a region down for a share of the run is up for the rest of it.
 */
import { describe, expect, it } from 'vitest';
import type { Fault, Scenario } from '../../../src/model/types.ts';
import { client, constant, edge, run, scenario, service, sim } from '../harness.ts';

const US = 'us-east';
const EU = 'eu-west';
const ONE_WAY = 40;
const regions = [{ name: US, latencyMs: { [EU]: constant(ONE_WAY) } }, { name: EU }];

/**
 * 50 rps from a client in each region (constant), and a second us-east client at 20 rps over a
 * slower edge, all calling `api` in eu-west: 10 ms constant on 8 workers, never more than three
 * requests at once, so nobody waits and each latency is its path's constant.
 */
function users(faults: Fault[] = []): Scenario {
  return scenario({
    durationS: 60,
    warmupS: 5,
    regions,
    faults,
    nodes: [
      { ...client('us', { arrival: { process: 'constant', rps: 50 } }), region: US },
      { ...client('us2', { arrival: { process: 'constant', rps: 20 } }), region: US },
      { ...client('eu', { arrival: { process: 'constant', rps: 50 } }), region: EU },
      { ...service('api', { workers: 8, serviceTimeMs: constant(10) }), region: EU },
    ],
    edges: [
      edge('us', 'api', { id: 'us-api', latencyMs: constant(2), timeoutMs: 500 }),
      edge('us2', 'api', { id: 'us2-api', latencyMs: constant(7), timeoutMs: 500 }),
      edge('eu', 'api', { id: 'eu-api', latencyMs: constant(2), timeoutMs: 500 }),
    ],
  });
}

describe('figures by region', () => {
  it('a region served from another waits exactly the round trip (2 × one way) longer', () => {
    const r = run(users());
    const home = r.regions![EU]!.latencyMs!;
    // eu users: 2 × 2 ms + 10 ms. us users: the same plus 2 × 40 ms across, and us2's 5 ms
    // longer edge each way on its 20 of every 70 requests.
    expect(home.mean).toBeCloseTo(14, 6);
    expect(home.p99).toBeCloseTo(14, 1);
    const us = r.nodes.us!.ok;
    const us2 = r.nodes.us2!.ok;
    const expected = 14 + 2 * ONE_WAY + (us2 * 2 * 5) / (us + us2);
    expect(r.regions![US]!.latencyMs!.mean).toBeCloseTo(expected, 3);
    expect(r.regions![US]!.latencyMs!.p50).toBeCloseTo(14 + 2 * ONE_WAY, 0);
    expect(r.regions![US]!.latencyMs!.max).toBeCloseTo(24 + 2 * ONE_WAY, 0);
  });

  it('a region of one client reports that client; of two, their sums and merged histogram', () => {
    for (const windows of [true, false]) {
      const r = run(users(), { windows });
      const eu = r.regions![EU]!;
      expect(eu.latencyMs).toEqual(r.nodes.eu!.latencyMs);
      expect([eu.ok, eu.failed]).toEqual([r.nodes.eu!.ok, r.nodes.eu!.failed]);
      expect(eu.throughputRps).toBe(r.nodes.eu!.throughputRps);
      const us = r.regions![US]!;
      expect(us.ok).toBe(r.nodes.us!.ok + r.nodes.us2!.ok);
      expect(us.availability).toBe(1);
      expect(us.upShare).toBe(1);
    }
  });

  it('each window holds each region: its clients’ counts, and a lone client’s percentiles', () => {
    const story = sim(users()).runToEnd();
    expect(story.windows.length).toBe(60);
    for (const w of story.windows) {
      const eu = w.regions![EU]!;
      const client = w.nodes.eu!;
      expect(eu.p99Ms).toBe(client.p99Ms);
      expect(eu.p50Ms).toBe(client.p50Ms);
      expect(eu.ok).toBe(client.ok);
      expect(w.regions![US]!.ok).toBe(w.nodes.us!.ok + w.nodes.us2!.ok);
      // Both us clients' latencies sit in 94 ms (us) or 104 ms (us2) buckets: 50 of 70 are 94.
      // A chart bucket there is 2 ms wide: its midpoint is within 1 ms.
      expect(Math.abs(w.regions![US]!.p50Ms! - 94)).toBeLessThanOrEqual(1);
      expect(Math.abs(w.regions![US]!.p99Ms! - 104)).toBeLessThanOrEqual(1);
    }
  });

  it('a region down for 10 s of 55 is up 45/55 of the run; with no way out its users fail as long', () => {
    const r = run(users([{ atS: 20, forS: 10, kind: 'regionDown', target: EU }]));
    const eu = r.regions![EU]!;
    expect(eu.upShare).toBeCloseTo(1 - 10 / 55, 4);
    expect(r.regions![US]!.upShare).toBe(1);
    // Constant arrivals: 10 s × 50 rps fail, ±1 at each edge of the span (a request in flight
    // when the region goes or comes back lands either side).
    expect(Math.abs(eu.failed! - 500)).toBeLessThanOrEqual(2);
    expect(eu.availability!).toBeCloseTo(eu.upShare!, 2);
    const story = sim(users([{ atS: 20, forS: 10, kind: 'regionDown', target: EU }])).runToEnd();
    expect(story.windows.map((w) => w.regions![EU]!.upShare)).toEqual(
      story.windows.map((w) => (w.startS >= 20 && w.startS < 30 ? 0 : 1)),
    );
    expect(story.windows[25]!.regions![EU]!.availability).toBe(0);
    expect(story.windows[25]!.regions![EU]!.p99Ms).toBeUndefined();
  });

  it('a region down injected live counts from when it came', () => {
    const story = sim(users()).runFor(30);
    story.inject({ kind: 'regionDown', target: US, forS: 5 });
    const r = story.runToEnd().result();
    expect(r.regions![US]!.upShare).toBeCloseTo(1 - 5 / 55, 4);
  });

  it('a document without regions reports none, in the result or the windows', () => {
    const { regions: _, ...plain } = users();
    const story = sim(plain as Scenario).runToEnd();
    expect(story.result().regions).toBeUndefined();
    expect(story.windows.every((w) => w.regions === undefined)).toBe(true);
  });
});
