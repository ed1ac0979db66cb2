/** Health checks and outlier detection on a balancer: out of rotation, back in, time to detect. */
import { describe, expect, it } from 'vitest';
import type { Fault, HealthCheck, LoadBalancerParams } from '../../../src/model/types.ts';
import type { WindowStats } from '../../../src/engine/types.ts';
import { balancer, client, constant, edge, exp, scenario, service, sim } from '../harness.ts';

const check: HealthCheck = { intervalMs: 1000, timeoutMs: 500, unhealthyAfter: 3, healthyAfter: 2 };
const crashOne: Fault[] = [{ atS: 30, forS: 30, kind: 'crash', target: 'api', replicas: 1 }];

function behindBalancer(lb: Partial<LoadBalancerParams>, faults: Fault[] = crashOne) {
  return sim(
    scenario({
      durationS: 90,
      faults,
      nodes: [
        client('c', { arrival: { process: 'poisson', rps: 200 } }),
        balancer('lb', lb),
        service('api', { replicas: 4, workers: 4, serviceTimeMs: exp(10) }),
      ],
      edges: [edge('c', 'lb'), edge('lb', 'api', { id: 'lb-api' })],
    }),
  ).runToEnd();
}
const failedIn = (ws: WindowStats[], from: number, to: number) =>
  ws.slice(from, to).reduce((s, w) => s + (w.failedRps ?? 0) * w.lengthS, 0);

describe('active health checks', () => {
  it('a crash behind a balancer costs errors only until detection', () => {
    const s = behindBalancer({ strategy: 'roundRobin', healthCheck: check });
    const r = s.result();
    const bound = 30 + (check.intervalMs * check.unhealthyAfter + check.timeoutMs) / 1000;
    // Every error is in [crash, crash + interval × unhealthyAfter + timeout].
    expect(failedIn(s.windows, 0, 30)).toBe(0);
    expect(failedIn(s.windows, Math.ceil(bound), 90)).toBe(0);
    expect(r.errors).toEqual({ unavailable: r.requests.failed });
    // Until then a quarter of ~200 rps fails: between 2.5 and 3.5 s of it.
    expect(r.requests.failed).toBeGreaterThan(0.25 * 200 * 2);
    expect(r.requests.failed).toBeLessThan(0.25 * 200 * 4);
    const lb = r.nodes.lb!;
    expect(lb.ejections).toBe(1);
    const d = lb.detectionMs!;
    expect(d.count).toBe(1);
    expect(d.mean).toBeGreaterThan(2000);
    expect(d.mean).toBeLessThanOrEqual(3500);
    // The window where it happened carries the same figure, for a marker on the charts.
    const marked = s.windows.filter((w) => w.nodes.lb!.detectionsMs !== undefined);
    expect(marked).toHaveLength(1);
    expect(marked[0]!.nodes.lb!.detectionsMs).toEqual(d.list);
    expect(marked[0]!.startS).toBeGreaterThanOrEqual(32);
    // Out of rotation while down, back after healthyAfter good probes once it is up.
    expect(s.windows[40]!.nodes.lb!.healthyReplicas).toBe(3);
    expect(s.windows[40]!.nodes.lb!.ejectedBackends).toBe(1);
    expect(s.windows[63]!.nodes.lb!.healthyReplicas).toBe(4);
  });

  it('without health checks the crashed replica gets its share for the whole crash', () => {
    const s = behindBalancer({ strategy: 'roundRobin' });
    const r = s.result();
    expect(failedIn(s.windows, 50, 60)).toBeGreaterThan(0.2 * 200 * 10);
    const share = r.requests.failed / (200 * 30);
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.28);
    expect(r.nodes.lb!.ejections).toBeUndefined();
  });

  it('a replica too busy to answer a probe in time is taken out too', () => {
    const s = sim(
      scenario({
        durationS: 40,
        faults: [{ atS: 10, forS: 20, kind: 'slow', target: 'b', factor: 20 }],
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 100 } }),
          balancer('lb', { strategy: 'roundRobin', healthCheck: check }),
          service('a', { workers: 4, serviceTimeMs: constant(10) }),
          service('b', { workers: 4, serviceTimeMs: constant(10) }),
        ],
        edges: [edge('c', 'lb'), edge('lb', 'a'), edge('lb', 'b')],
      }),
    ).runToEnd();
    const r = s.result();
    // Out, drained, back in, overloaded again: it may flap while the fault lasts.
    expect(r.nodes.lb!.ejections).toBeGreaterThanOrEqual(1);
    const outS = s.windows.slice(10, 30).filter((w) => w.nodes.lb!.ejectedBackends === 1).length;
    expect(outS).toBeGreaterThan(10);
    // An overload is not a crash: no detection time is recorded for it.
    expect(r.nodes.lb!.detectionMs!.count).toBe(0);
    expect(s.windows[39]!.nodes.lb!.ejectedBackends).toBe(0);
  });
});

describe('outlier detection', () => {
  it('ejects a backend after consecutiveErrors failures, for ejectMs, and again if still bad', () => {
    const s = behindBalancer({
      strategy: 'roundRobin',
      outlierDetection: { consecutiveErrors: 5, ejectMs: 10000 },
    });
    const r = s.result();
    // Ejected at ~30 s, back at ~40 s and ~50 s for 5 errors each time, then healthy at 60 s.
    expect(r.nodes.lb!.ejections).toBe(3);
    expect(r.requests.failed).toBe(15);
    const d = r.nodes.lb!.detectionMs!;
    expect(d.count).toBe(1);
    expect(d.max).toBeLessThan(200);
  });
});

describe('load shedding', () => {
  it('a service sheds at once when its queue is shedQueueLength long', () => {
    const s = sim(
      scenario({
        durationS: 30,
        nodes: [
          client('c', { arrival: { process: 'poisson', rps: 150 } }),
          service('api', { workers: 1, serviceTimeMs: exp(10), shedQueueLength: 5 }),
        ],
        edges: [edge('c', 'api')],
      }),
    ).runToEnd();
    const r = s.result();
    expect(r.errors).toEqual({ shed: r.requests.failed });
    // Offered 1.5× capacity: about a third is shed, the rest served at full utilization.
    expect(r.requests.failed / r.requests.total).toBeGreaterThan(0.3);
    expect(r.nodes.api!.utilization).toBeGreaterThan(0.95);
    expect(Math.max(...s.windows.map((w) => w.nodes.api!.queueNow))).toBeLessThanOrEqual(5);
    // Shed answers are immediate: no request waits behind more than 5.
    expect(r.latencyMs.max).toBeLessThan(200);
  });
});
