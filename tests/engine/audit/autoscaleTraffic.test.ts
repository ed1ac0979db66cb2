/**
 * Autoscaling against the balancer, health checks and utilization: work starts only on
 * replicas that serve (never on one still starting or off), a drained replica finishes what it
 * holds and what waits for it, and utilization is busy time over the worker time of replicas up.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVE, DRAINING } from '../../../src/engine/autoscale/replicaSlots.ts';
import type { Call } from '../../../src/engine/call.ts';
import { ServiceNode } from '../../../src/engine/nodes/service.ts';
import type { Autoscale, LoadBalancerParams } from '../../../src/model/types.ts';
import { balancer, client, constant, edge, exp, scenario, service, sim } from '../harness.ts';

/** Record the slot state of every replica at the moment work starts on it. */
function watchStarts(): Array<{ node: string; r: number; state: number }> {
  const seen: Array<{ node: string; r: number; state: number }> = [];
  const proto = ServiceNode.prototype as unknown as {
    startService(this: ServiceNode, c: Call): void;
  };
  const original = proto.startService;
  vi.spyOn(proto, 'startService').mockImplementation(function (this: ServiceNode, c) {
    const r = c.replica;
    seen.push({ node: this.id, r, state: this.slots.state[r]! });
    original.call(this, c);
  });
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
});

function scaled(autoscale: Autoscale, lb: Partial<LoadBalancerParams>, serviceMs = exp(10)) {
  return scenario({
    durationS: 60,
    nodes: [
      client('c', { arrival: { process: 'poisson', rps: 300 } }),
      balancer('lb', lb),
      service('api', { replicas: 1, workers: 4, serviceTimeMs: serviceMs, autoscale }),
    ],
    edges: [edge('c', 'lb'), edge('lb', 'api')],
  });
}

const strategies = ['roundRobin', 'leastConnections', 'powerOfTwoChoices', 'ipHash'] as const;

describe('autoscaling behind a balancer', () => {
  it.each(strategies)('%s: no work starts on a replica that is starting or off', (strategy) => {
    const seen = watchStarts();
    const schedule: Autoscale = {
      mode: 'scheduled',
      schedule: [
        [10, 4],
        [30, 2],
        [45, 5],
      ],
      startupS: 8,
    };
    const health = { intervalMs: 500, timeoutMs: 100, unhealthyAfter: 2, healthyAfter: 1 };
    for (const lb of [{ strategy }, { strategy, healthCheck: health }]) {
      const story = sim(scaled(schedule, lb)).runToEnd();
      const r = story.result();
      expect(r.requests.failed).toBe(0);
      expect(r.nodes.api!.replicasMax).toBe(5);
    }
    const wrong = seen.filter((s) => s.state !== ACTIVE && s.state !== DRAINING);
    expect(seen.length).toBeGreaterThan(10_000);
    expect(wrong).toEqual([]);
  });

  it('a drained replica finishes what it holds and what waits for it', () => {
    // 4 replicas × 1 worker, 2 s of work each, busy and queued when the schedule drops to 1.
    const doc = scenario({
      durationS: 80,
      nodes: [
        client('c', { arrival: { process: 'constant', rps: 1.9 } }),
        balancer('lb'),
        service('api', {
          replicas: 4,
          workers: 1,
          serviceTimeMs: constant(2000),
          autoscale: { mode: 'scheduled', schedule: [[10, 1]], startupS: 1 },
        }),
      ],
      edges: [edge('c', 'lb'), edge('lb', 'api')],
    });
    const story = sim(doc).runFor(9.5);
    const before = story.windows.at(-1)!.nodes.api!;
    expect(before.utilization).toBeGreaterThan(0.9);
    story.runFor(0.6);
    expect(story.windows.at(-1)!.nodes.api!.replicas).toBeGreaterThan(1); // draining
    story.runToEnd();
    const r = story.result();
    expect(r.requests.failed).toBe(0);
    // After the drain one replica serves; it is overloaded (1.9 rps of 2 s work), yet every
    // replica that was draining turned off only once empty.
    expect(story.windows.at(-1)!.nodes.api!.replicas).toBe(1);
    for (const w of story.windows) expect(w.nodes.api!.utilization).toBeLessThanOrEqual(1);
  });
});

describe('utilization of a scaled service', () => {
  it('settles at the offered load over the workers of replicas up, and never exceeds 1', () => {
    const reactive: Autoscale = {
      mode: 'reactive',
      min: 1,
      max: 8,
      targetUtilization: 0.5,
      intervalS: 5,
      startupS: 2,
      cooldownS: 5,
    };
    const story = sim(scaled(reactive, { strategy: 'roundRobin' }, exp(10)), {
      durationS: 200,
    }).runToEnd();
    // Offered: 300 rps × 10 ms = 3 busy workers; 4 workers a replica at target 0.5 → 2 replicas.
    const settled = story.windows.filter((w) => w.startS >= 60);
    for (const w of story.windows) expect(w.nodes.api!.utilization).toBeLessThanOrEqual(1);
    const busy =
      settled.reduce((a, w) => {
        const n = w.nodes.api!;
        return a + n.utilization * (n.healthyReplicas as number) * 4;
      }, 0) / settled.length;
    expect(busy).toBeGreaterThan(3 * 0.95);
    expect(busy).toBeLessThan(3 * 1.05);
    const r = story.result();
    expect(r.nodes.api!.utilization).toBeLessThanOrEqual(1);
    expect(settled.every((w) => w.nodes.api!.healthyReplicas === 2)).toBe(true);
  });
});
