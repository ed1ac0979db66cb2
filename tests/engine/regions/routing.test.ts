/**
 * Global routing (src/engine/nodes/lbStrategies.ts, `nearest` and `failover`): a router sends
 * everything to the nearest region (or the first listed), and moves to the next once health
 * checks have taken the whole region out: after interval × unhealthyAfter at most.
 */
import { describe, expect, it } from 'vitest';
import type { Fault, LbStrategy, Scenario } from '../../../src/model/types.ts';
import { balancer, client, constant, edge, run, scenario, service } from '../harness.ts';

const regions = [
  { name: 'us', latencyMs: { eu: constant(40), ap: constant(100) } },
  { name: 'eu', latencyMs: { ap: constant(70) } },
  { name: 'ap' },
];

/** 100 rps from us through a router in us to 'far' (ap, listed first) and 'near' (eu). */
function routed(strategy: LbStrategy, faults: Fault[] = []): Scenario {
  return scenario({
    durationS: 60,
    regions,
    faults,
    nodes: [
      { ...client('c', { arrival: { process: 'constant', rps: 100 } }), region: 'us' },
      {
        ...balancer('router', {
          strategy,
          healthCheck: { intervalMs: 1000, timeoutMs: 500, unhealthyAfter: 3, healthyAfter: 2 },
        }),
        region: 'us',
      },
      {
        ...service('far', { replicas: 2, workers: 8, serviceTimeMs: constant(10) }),
        region: 'ap',
      },
      {
        ...service('near', { replicas: 2, workers: 8, serviceTimeMs: constant(10) }),
        region: 'eu',
      },
    ],
    edges: [edge('c', 'router'), edge('router', 'far'), edge('router', 'near')],
  });
}

describe('global routing', () => {
  it('nearest sends everything to the lowest-latency region, round robin over its replicas', () => {
    const r = run(routed('nearest'));
    expect(r.nodes.far!.arrivals).toBe(0);
    // All but the few still on their way at the end (45 ms out, at 100 rps).
    expect(r.nodes.c!.arrivals - r.nodes.near!.arrivals).toBeLessThanOrEqual(5);
    // 10 ms of work + 2 × 40 ms between us and eu, exactly (constant everything, no waiting).
    expect(r.latencyMs.mean).toBeCloseTo(90, 6);
    // Both replicas serve: each is half as busy as one would be (100 rps × 10 ms / 8 workers / 2).
    expect(r.nodes.near!.utilization).toBeCloseTo((100 * 0.01) / 16, 2);
  });

  it('failover sends everything to the first listed region, however far', () => {
    const r = run(routed('failover'));
    expect(r.nodes.near!.arrivals).toBe(0);
    expect(r.latencyMs.mean).toBeCloseTo(10 + 2 * 100, 6);
  });

  it('moves to the next region within interval × unhealthyAfter of a region outage, and back', () => {
    const r = run(routed('nearest', [{ atS: 20, forS: 20, kind: 'regionDown', target: 'eu' }]));
    // Checks every 1 s, out after 3 failures: the region is out 2 to 3 s after it went down,
    // depending on where the checks' phase falls; meanwhile 100 rps fail. A request in flight
    // (≤ 0.1 s) may fall either side: ±10.
    const failed = r.nodes.c!.failed;
    expect(failed).toBeGreaterThanOrEqual(200 - 10);
    expect(failed).toBeLessThanOrEqual(300 + 10);
    // The rest of the outage is served from ap, ~20 s × 100 rps less the detection.
    expect(r.nodes.far!.ok).toBeGreaterThan(100 * (20 - 3) - 10);
    // eu is back 2 good checks after 40 s: ap serves a few seconds more, no longer.
    expect(r.nodes.far!.ok).toBeLessThan(100 * (20 + 3) + 10);
  });
});
