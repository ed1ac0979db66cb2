/**
 * The three example documents (fixtures/): loaded through the model like any preset, run on the
 * engine, and checked for the behaviour their lesson text promises.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import type { SimResult } from '../../../src/engine/types.ts';
import { loadScenarioOrThrow } from '../../../src/model/load.ts';

function runFixture(name: string): SimResult {
  const url = new URL(`./fixtures/${name}.json`, import.meta.url);
  const doc = loadScenarioOrThrow(JSON.parse(readFileSync(url, 'utf8')));
  const sim = createSimulation(doc);
  sim.runUntil(Infinity);
  return sim.snapshot();
}

describe('fixture: read replicas and a primary failover', () => {
  const r = runFixture('read-replicas-failover');
  const { primary, 'replica-a': a, 'replica-b': b } = r.nodes;
  it('the slower replica serves more stale reads per read', () => {
    const share = (n: typeof a) => (n!.staleReads as number) / n!.arrivals;
    expect(share(b)).toBeGreaterThan(2 * share(a));
    expect(primary!.staleReads).toBe(0);
  });
  it('failover: RTO = detection + promotion, writes lost only inside the promoted lag', () => {
    expect(primary!.role).toBe('failedOver');
    expect(primary!.promotedTo).toBe('replica-a');
    expect(primary!.rtoMs).toBe(10000);
    expect(primary!.rpoMs).toBeLessThanOrEqual(80);
    expect(primary!.lostWrites).toBeGreaterThan(0);
    expect(r.errors?.unavailable).toBe(primary!.failed);
    expect(a!.role).toBe('primary');
    expect(b!.role).toBe('replica');
  });
});

describe('fixture: sharding with a hot key', () => {
  const r = runFixture('sharding-hot-key');
  it('the hot key’s shard is the busiest by far, with the longest queue', () => {
    const shards = Array.from({ length: 8 }, (_, i) => r.nodes[`shard${i}`]!);
    const util = shards.map((s) => s.utilization).sort((x, y) => y - x);
    expect(util[0]).toBeGreaterThan(0.85);
    expect(util[0]!).toBeGreaterThan(1.3 * util[1]!);
    const byQueue = [...shards].sort((x, y) => y.meanQueueLength - x.meanQueueLength);
    expect(byQueue[0]!.utilization).toBe(util[0]);
    expect(r.requests.failed).toBe(0);
  });
});

describe('fixture: a queue with retries and dead letters', () => {
  const r = runFixture('queue-dead-letters');
  const q = r.nodes.orders!;
  it('customers see only the acknowledgement, never the outage', () => {
    expect(r.requests.failed).toBe(0);
    expect(r.latencyMs.p99).toBeLessThan(10);
  });
  it('the outage causes redeliveries, then dead letters the operator handles', () => {
    expect(q.redelivered as number).toBeGreaterThan(1000);
    expect(q.deadLettered as number).toBeGreaterThan(500);
    expect(r.nodes['dead-letters']!.enqueued).toBe(q.deadLettered);
    expect(r.nodes.ops!.ok).toBe(q.deadLettered);
    expect(q.depthMax as number).toBeGreaterThan(100);
  });
});
