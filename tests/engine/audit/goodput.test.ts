/**
 * Goodput scores root requests only. Calls that have no caller but are not client requests (a
 * queue's messages, a cache's background loads and write-behind batches) must not count as
 * roots: their fallbacks and late answers say nothing about what a client got.
 */
import { describe, expect, it } from 'vitest';
import { cache, client, constant, edge, exp, queue, run, scenario, service } from '../harness.ts';

describe('goodput counts client requests only', () => {
  it("a queue consumer's fallback does not take goodput from the producer's acknowledged requests", () => {
    const r = run(
      scenario({
        durationS: 30,
        faults: [{ atS: 5, forS: 20, kind: 'slow', target: 'worker', factor: 100 }],
        nodes: [
          client('producer', { arrival: { process: 'poisson', rps: 100 } }),
          queue('q', { maxDeliveries: 1 }),
          service('worker', { workers: 4, serviceTimeMs: exp(5) }),
        ],
        edges: [
          edge('producer', 'q', { id: 'produce' }),
          edge('q', 'worker', { id: 'consume', timeoutMs: 20, fallback: true }),
        ],
      }),
    );
    expect(r.edges!.consume!.fallbacks).toBeGreaterThan(1000); // the consumer did fall back
    expect(r.requests.failed).toBe(0);
    expect(r.goodputRps).toBe(r.throughputRps);
  });

  it("a cache's background loads answered late do not take goodput from its clients", () => {
    // The cache's store edge has a timeout and retries: some refreshes answer OK after more
    // than that timeout. The cache is not a client: it has no deadline to miss.
    const r = run(
      scenario({
        durationS: 30,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 200 }, keys: { count: 50, zipf: 0 } }),
          cache('cache', {
            capacity: 100,
            ttlMs: 500,
            strategy: 'refreshAhead',
            refreshAheadRatio: 0.9,
            hitMs: constant(0),
          }),
          service('store', { workers: 20, serviceTimeMs: exp(4) }),
        ],
        edges: [
          edge('c', 'cache', { id: 'read' }),
          edge('cache', 'store', {
            id: 'load',
            timeoutMs: 10,
            retry: { max: 2, backoffMs: 1, multiplier: 1, jitter: false },
          }),
        ],
      }),
    );
    expect(r.nodes.cache!.refreshes as number).toBeGreaterThan(100);
    expect(r.edges!.load!.retries).toBeGreaterThan(0);
    // Client requests answered OK late do not exist here (the client has no timeout).
    expect(r.goodputRps).toBe(r.throughputRps);
  });
});
