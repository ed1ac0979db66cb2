/**
 * Bulkheads, against exact counts. A client at a constant 100 rps calls a service of 100
 * workers with a constant 95 ms service time over an edge capped at k calls: with no cap about
 * ten calls would be out at once (Little: 100/s × 0.095 s), so a cap of k < 10 admits exactly k
 * at once: of each ten arrivals 10 ms apart, the first k find a slot (freed 5 ms before the next
 * round), the others are refused or held. Constant arrivals and service: every count below is
 * exact, the same for every seed.
 */
import { describe, expect, it } from 'vitest';
import type { BulkheadPolicy } from '../../../src/model/types.ts';
import { client, constant, edge, run, scenario, service } from '../harness.ts';

function capped(bulkhead: BulkheadPolicy, durationS = 10) {
  return run(
    scenario({
      durationS,
      nodes: [
        client('c', { arrival: { process: 'constant', rps: 100 } }),
        service('api', { workers: 100, serviceTimeMs: constant(95) }),
      ],
      edges: [edge('c', 'api', { id: 'c-api', bulkhead })],
    }),
  );
}

describe('bulkhead', () => {
  it('admits exactly k at once and refuses the rest at once with bulkheadFull', () => {
    for (const k of [1, 4, 7]) {
      const r = capped({ maxConcurrent: k, maxWaiting: 0 });
      // The first arrival is at 10 ms: 100 rounds of 100 ms, k served in each, but the last
      // round's are still out at 10 s (they end at 10.005 s and after).
      expect(r.requests.ok).toBe(99 * k);
      expect(r.errors).toEqual({ bulkheadFull: r.requests.failed });
      expect(r.edges!['c-api']!.refused).toBe(r.requests.failed);
      // The api holds exactly k for 95 ms of every 100: its 100 workers are k × 0.95 % busy.
      expect(r.nodes['api']!.utilization).toBeCloseTo((k * 0.95) / 100, 3);
      expect(r.latencyMs.max).toBeCloseTo(95, 6);
    }
  });

  it('holds up to maxWaiting calls and sends each when a slot frees', () => {
    const r = capped({ maxConcurrent: 5, maxWaiting: 1000 }, 4);
    // Nothing refused: each waits its turn, and the api holds 5 all the time, never more.
    expect(r.requests.failed).toBe(0);
    expect(r.nodes['api']!.utilization).toBeCloseTo(5 / 100, 2);
    // 5 served per 95 ms, 100 arrive per s: the line grows by ~47 a second, and the last one
    // answered waited behind most of it.
    expect(r.latencyMs.max).toBeGreaterThan(1500);
  });

  it('a full wait line refuses: maxWaiting bounds how many wait', () => {
    const r = capped({ maxConcurrent: 5, maxWaiting: 10 });
    // In line: 10 at most, behind 5 out, so each waits at most 2 services for its slot.
    expect(r.latencyMs.max).toBeLessThanOrEqual(3 * 95 + 1e-6);
    expect(r.latencyMs.max).toBeGreaterThan(2 * 95);
    expect(r.errors?.bulkheadFull).toBeGreaterThan(0);
    // The 5 slots never idle once the line has formed: 5 served per 95 ms.
    expect(r.requests.ok).toBeGreaterThanOrEqual(Math.floor((5 * 10) / 0.095) - 15);
    expect(r.requests.ok).toBeLessThanOrEqual(Math.ceil((5 * 10) / 0.095));
  });

  it('a slow dependency behind a bulkhead cannot take every worker of its caller', () => {
    const doc = (bulkhead?: BulkheadPolicy) =>
      scenario({
        durationS: 30,
        faults: [{ atS: 5, forS: 20, kind: 'slow', target: 'slow', factor: 100 }],
        nodes: [
          client('c', { arrival: { process: 'constant', rps: 200 } }),
          service('front', { workers: 20, serviceTimeMs: constant(1), calls: 'oneOf' }),
          service('fast', { workers: 50, serviceTimeMs: constant(5) }),
          service('slow', { workers: 50, serviceTimeMs: constant(5) }),
        ],
        edges: [
          edge('c', 'front', { timeoutMs: 1000 }),
          edge('front', 'fast'),
          edge('front', 'slow', bulkhead ? { bulkhead } : {}),
        ],
      });
    const open = run(doc());
    const walled = run(doc({ maxConcurrent: 5, maxWaiting: 0 }));
    // Without the wall the slow half holds all 20 front workers: the fast half waits behind
    // it, and the clients give up on both.
    expect(open.errors).toEqual({ timeout: open.requests.failed });
    expect(open.requests.ok).toBeLessThan(0.4 * open.requests.total);
    // With it, no request times out: the fast half (3000) is all served, the slow half is
    // refused at once beyond 5 out during the fault, and served before and after it.
    expect(walled.errors).toEqual({ bulkheadFull: walled.requests.failed });
    expect(walled.requests.ok).toBeGreaterThan(3000 + 1000);
  });
});
