/**
 * Health checks on a balancer in front of an autoscaled service: slots not started (or scaled
 * in) fail their probes and leave the rotation, but that is neither an ejection nor a crash
 * detected; a real crash still is.
 */
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../src/model/types.ts';
import { balancer, client, edge, exp, run, scenario, service, sim } from '../harness.ts';

function doc(faults: Fault[], health = true) {
  return scenario({
    durationS: 60,
    faults,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 200 } }),
      balancer(
        'lb',
        health
          ? { healthCheck: { intervalMs: 500, timeoutMs: 100, unhealthyAfter: 2, healthyAfter: 1 } }
          : {},
      ),
      service('api', {
        replicas: 2,
        workers: 4,
        serviceTimeMs: exp(5),
        autoscale: {
          mode: 'scheduled',
          schedule: [
            [20, 6],
            [40, 3],
          ],
          startupS: 2,
        },
      }),
    ],
    edges: [edge('c', 'lb'), edge('lb', 'api')],
  });
}

describe('health checks × autoscaling', () => {
  it('slots that are off, starting or drained are not ejections nor detected crashes', () => {
    const r = run(doc([]));
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.api!.replicasMax).toBe(6);
    expect(r.nodes.lb!.ejections).toBe(0);
    expect(r.nodes.lb!.detectionMs!.count).toBe(0);
  });

  it('a crash of a serving replica is still detected, once', () => {
    const r = run(doc([{ atS: 10, forS: 20, kind: 'crash', target: 'api', replicas: 1 }]));
    expect(r.nodes.lb!.ejections).toBe(1);
    expect(r.nodes.lb!.detectionMs!.count).toBe(1);
    // Two failed probes 500 ms apart, each known 100 ms later: about 1.1 s after the crash.
    expect(r.nodes.lb!.detectionMs!.max).toBeLessThanOrEqual(1100 + 1);
  });

  it('a crash of the whole service counts the serving replicas only', () => {
    const r = run(doc([{ atS: 10, forS: 5, kind: 'crash', target: 'api' }]));
    expect(r.nodes.lb!.ejections).toBe(2);
    expect(r.nodes.lb!.detectionMs!.count).toBe(2);
  });

  it.each([true, false])(
    "the balancer's replicas in rotation follow the slots that serve (health checks: %s)",
    (health) => {
      const story = sim(doc([], health)).runToEnd();
      const at = (t: number) => story.windows.find((w) => w.startS === t)!.nodes.lb!;
      for (const [t, n] of [
        [10, 2],
        [30, 6],
        [50, 3],
      ] as const) {
        expect(at(t).healthyReplicas, `at ${t} s`).toBe(n);
        if (health) expect(at(t).ejectedBackends, `at ${t} s`).toBe(0);
      }
    },
  );
});
