/** Random small systems with every policy and fault: the books balance, runs repeat exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fault, ScenarioEdge } from '../../../src/model/types.ts';
import { balancer, client, edge, exp, run, scenario, service } from '../harness.ts';

const policy = fc.record({
  timeoutMs: fc.option(fc.integer({ min: 5, max: 200 }), { nil: undefined }),
  retryMax: fc.integer({ min: 0, max: 3 }),
  backoffMs: fc.integer({ min: 0, max: 50 }),
  jitter: fc.boolean(),
  budget: fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: undefined }),
  breaker: fc.boolean(),
  fallback: fc.boolean(),
});
type P = typeof policy extends fc.Arbitrary<infer T> ? T : never;

function edgeWith(id: string, s: string, t: string, p: P): ScenarioEdge {
  const e: Partial<ScenarioEdge> = { id };
  if (p.timeoutMs !== undefined) e.timeoutMs = p.timeoutMs;
  if (p.retryMax > 0) {
    e.retry = { max: p.retryMax, backoffMs: p.backoffMs, multiplier: 2, jitter: p.jitter };
    if (p.budget !== undefined) e.retry.budgetRatio = p.budget;
  }
  if (p.breaker) {
    e.circuitBreaker = {
      failureRatio: 0.5,
      minRequests: 5,
      openMs: 500,
      windowMs: 1000,
      halfOpenRequests: 2,
    };
  }
  if (p.fallback) e.fallback = true;
  return edge(s, t, e);
}

const fault = fc.constantFrom<Fault[]>(
  [{ atS: 3, forS: 4, kind: 'crash', target: 'api', replicas: 1 }],
  [{ atS: 2, forS: 5, kind: 'slow', target: 'db', factor: 20 }],
  [{ atS: 1, kind: 'loss', target: 'lb-api', probability: 0.3 }],
  [{ atS: 4, forS: 3, kind: 'partition', target: 'api-db' }],
);

describe('invariants under policies and faults', () => {
  it('ok + failed = total, errors sum to failed, goodput ≤ throughput, and repeatable', () => {
    fc.assert(
      fc.property(policy, policy, policy, fault, (p1, p2, p3, faults) => {
        const doc = scenario({
          durationS: 12,
          faults,
          nodes: [
            client('c', { arrival: { process: 'poisson', rps: 200 } }),
            balancer('lb', {
              strategy: 'leastConnections',
              healthCheck: { intervalMs: 500, timeoutMs: 100, unhealthyAfter: 2, healthyAfter: 1 },
              outlierDetection: { consecutiveErrors: 3, ejectMs: 1000 },
            }),
            service('api', { replicas: 3, workers: 2, serviceTimeMs: exp(5) }),
            service('db', { workers: 2, serviceTimeMs: exp(4), queueCapacity: 20 }),
          ],
          edges: [
            edgeWith('c-lb', 'c', 'lb', p1),
            edgeWith('lb-api', 'lb', 'api', p2),
            edgeWith('api-db', 'api', 'db', p3),
          ],
        });
        const r = run(doc);
        const { total, ok, failed } = r.requests;
        expect(ok + failed).toBe(total);
        expect(Object.values(r.errors ?? {}).reduce((a, b) => a + b, 0)).toBe(failed);
        expect(r.goodputRps!).toBeLessThanOrEqual(r.throughputRps);
        expect(r.retries!).toBeGreaterThanOrEqual(0);
        const retriesByEdge = Object.values(r.edges!).reduce((s, e) => s + (e.retries ?? 0), 0);
        expect(retriesByEdge).toBe(r.retries);
        expect(run(doc)).toEqual(r);
      }),
      { numRuns: 25, seed: 5 },
    );
  });
});
