/** The seven strategies, over four single-replica services or one service's replicas. */
import { describe, expect, it } from 'vitest';
import type { LbStrategy } from '../../src/model/types.ts';
import { balancer, client, constant, edge, exp, run, scenario, service } from './harness.ts';

function spread(strategy: LbStrategy, weights = [1, 1, 1, 1], p: { sources?: number } = {}) {
  const ids = weights.map((_, i) => `s${i}`);
  const r = run(
    scenario({
      durationS: 200,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 100 }, sources: p.sources ?? 100 }),
        balancer('lb', { strategy }),
        ...ids.map((id) => service(id, { workers: 4, serviceTimeMs: exp(10) })),
      ],
      edges: [edge('c', 'lb'), ...ids.map((id, i) => edge('lb', id, { weight: weights[i]! }))],
    }),
  );
  return ids.map((id) => r.nodes[id]!.arrivals);
}

describe('load balancer strategies', () => {
  it('roundRobin: equal shares to within one request', () => {
    const a = spread('roundRobin');
    expect(Math.max(...a) - Math.min(...a)).toBeLessThanOrEqual(1);
  });
  it('weightedRoundRobin: shares exactly proportional to edge weights', () => {
    const a = spread('weightedRoundRobin', [1, 2, 3, 4]);
    const total = a.reduce((x, y) => x + y);
    a.forEach((n, i) => expect(Math.abs(n - (total * (i + 1)) / 10)).toBeLessThanOrEqual(2));
  });
  it('random: shares within 5 binomial sd of 1/4', () => {
    const a = spread('random');
    const total = a.reduce((x, y) => x + y);
    const sd = Math.sqrt(total * 0.25 * 0.75);
    a.forEach((n) => expect(Math.abs(n - total / 4)).toBeLessThan(5 * sd));
  });
  it('ipHash: one source always lands on one backend', () => {
    const a = spread('ipHash', [1, 1, 1, 1], { sources: 1 });
    expect(a.filter((n) => n > 0)).toHaveLength(1);
  });
  it.each<LbStrategy>(['leastConnections', 'leastResponseTime', 'powerOfTwoChoices'])(
    '%s steers load away from a slow backend and beats random on latency',
    (strategy) => {
      const doc = (s: LbStrategy) =>
        scenario({
          durationS: 300,
          warmupS: 10,
          nodes: [
            client('c', { arrival: { process: 'poisson', rps: 60 } }),
            balancer('lb', { strategy: s }),
            service('fast', { serviceTimeMs: exp(10) }),
            service('slow', { serviceTimeMs: exp(40) }),
          ],
          edges: [edge('c', 'lb'), edge('lb', 'fast'), edge('lb', 'slow')],
        });
      const smart = run(doc(strategy));
      const rand = run(doc('random'));
      // Random sends half to the slow one (utilization 1.2: it overflows); these keep it stable.
      expect(smart.nodes.slow!.arrivals).toBeLessThan(0.6 * smart.nodes.fast!.arrivals);
      expect(smart.latencyMs.mean).toBeLessThan(0.5 * rand.latencyMs.mean);
    },
  );
  it('balances over the replicas of one service; a crashed replica fails its share', () => {
    const r = run(
      scenario({
        durationS: 100,
        faults: [{ atS: 0, kind: 'crash', target: 'api', replicas: 1 }],
        nodes: [
          client('c', { arrival: { process: 'constant', rps: 100 } }),
          balancer('lb'),
          service('api', { replicas: 4, workers: 2, serviceTimeMs: constant(5) }),
        ],
        edges: [edge('c', 'lb'), edge('lb', 'api')],
      }),
    );
    // Round robin over 4 replicas, replica 0 down: exactly a quarter fail, as 'unavailable'.
    expect(r.errorRate).toBeCloseTo(0.25, 2);
    expect(r.errors).toEqual({ unavailable: r.requests.failed });
    expect(r.nodes.api!.utilization).toBeCloseTo((75 * 0.005) / 6, 2);
  });
});

describe('a balancer relays its calls (no call of its own per hop), with the figures of one', () => {
  const chain = (clientEdge: Parameters<typeof edge>[2]) =>
    run(
      scenario({
        durationS: 50,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 50 } }),
          balancer('lb1', { overheadMs: 1 }),
          balancer('lb2', { overheadMs: 1 }),
          service('api', { workers: 100, serviceTimeMs: constant(10) }),
        ],
        edges: [
          edge('c', 'lb1', clientEdge),
          edge('lb1', 'lb2', { id: 'lb1-lb2' }),
          edge('lb2', 'api', { id: 'lb2-api' }),
        ],
      }),
    );

  it("each balancer's latency counts its own overhead, behind an edge with latency too", () => {
    // Constant times and 100 workers: no wait, every latency exact.
    for (const latencyMs of [constant(0), constant(5)]) {
      const r = chain({ latencyMs });
      const oneWay = latencyMs.dist === 'constant' ? latencyMs.ms : NaN;
      expect(r.nodes.api!.latencyMs.max).toBeCloseTo(10, 9);
      expect(r.nodes.lb2!.latencyMs.mean).toBeCloseTo(11, 9);
      expect(r.nodes.lb1!.latencyMs.mean).toBeCloseTo(12, 9);
      expect(r.latencyMs.mean).toBeCloseTo(12 + 2 * oneWay, 9);
      expect(r.nodes.api!.ok).toBe(r.requests.ok);
    }
  });

  it("a caller's timer fires while the call is relayed twice: it times out, the hops go on", () => {
    // 1 ms there, 2 ms of overheads, 10 ms of work: past the 5 ms timeout every time.
    const r = chain({ latencyMs: constant(1), timeoutMs: 5 });
    expect(r.requests.total).toBeGreaterThan(2000);
    expect(r.errors).toEqual({ timeout: r.requests.total });
    // The balancers still see every answer come back, on time for them.
    expect(r.nodes.lb1!.ok).toBe(r.nodes.lb1!.arrivals);
    expect(r.nodes.lb1!.latencyMs.mean).toBeCloseTo(12, 9);
    expect(r.edges!['lb1-lb2']!.failed).toBe(0);
    expect(r.edges!['lb2-api']!.calls).toBe(r.nodes.api!.arrivals);
  });
});
