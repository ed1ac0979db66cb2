/**
 * Autoscaling on a service: reactive (utilization, cooldown, start-up, never above max),
 * scheduled (follows its schedule), predictive (scales before a spike the profile foretells).
 */
import { describe, expect, it } from 'vitest';
import type { Autoscale, ServiceParams } from '../../../src/model/types.ts';
import type { WindowStats } from '../../../src/engine/types.ts';
import { balancer, client, edge, exp, scenario, service, sim } from '../harness.ts';

/** 100 rps, ×6 from t = 200 s; the service starts with 2 replicas of 2 workers, 10 ms each. */
function spiky(autoscale: Autoscale, p: Partial<ServiceParams> = {}) {
  return sim(
    scenario({
      durationS: 400,
      nodes: [
        client('c', {
          arrival: { process: 'poisson', rps: 100 },
          profile: [
            [0, 1],
            [199.999, 1],
            [200, 6],
          ],
        }),
        balancer('lb'),
        service('api', { replicas: 2, workers: 2, serviceTimeMs: exp(10), autoscale, ...p }),
      ],
      edges: [edge('c', 'lb'), edge('lb', 'api')],
    }),
  ).runToEnd();
}

const series = (windows: WindowStats[], field: 'replicas' | 'healthyReplicas') =>
  windows.map((w) => ({ t: w.startS + w.lengthS, n: w.nodes.api![field] as number }));
const firstAbove = (s: Array<{ t: number; n: number }>, n: number, after = 0) =>
  s.find((p) => p.t > after && p.n > n)?.t ?? Infinity;

const reactive: Autoscale = {
  mode: 'reactive',
  min: 2,
  max: 6,
  targetUtilization: 0.6,
  intervalS: 10,
  startupS: 20,
  cooldownS: 30,
};

describe('reactive autoscaling', () => {
  const story = spiky(reactive);
  const provisioned = series(story.windows, 'replicas');
  const serving = series(story.windows, 'healthyReplicas');

  it('holds min before the spike; adds replicas within interval + start-up after it', () => {
    expect(provisioned.filter((p) => p.t <= 200).every((p) => p.n === 2)).toBe(true);
    const asked = firstAbove(provisioned, 2);
    expect(asked).toBeGreaterThan(200);
    expect(asked).toBeLessThanOrEqual(200 + 10 + 1);
    const ready = firstAbove(serving, 2);
    expect(ready).toBeGreaterThanOrEqual(asked + 20 - 1);
    expect(ready).toBeLessThanOrEqual(200 + 10 + 20 + 1);
  });

  it('never above max; time-average and peak in the result; cooldown between actions', () => {
    expect(Math.max(...provisioned.map((p) => p.n))).toBeLessThanOrEqual(6);
    const api = story.result().nodes.api!;
    expect(api.replicasMax).toBe(6); // 600 rps needs 10 workers at 60 %: capped at 6 × 2
    expect(api.replicas).toBeGreaterThan(2);
    expect(api.replicas).toBeLessThan(6);
    const changes = provisioned.filter((p, i) => i > 0 && p.n !== provisioned[i - 1]!.n);
    for (let i = 1; i < changes.length; i++)
      expect(changes[i]!.t - changes[i - 1]!.t).toBeGreaterThanOrEqual(30 - 1);
  });

  it('scaled on queue depth: grows when requests wait, not before', () => {
    const q = spiky({ ...reactive, targetQueuePerReplica: 2 });
    const s = series(q.windows, 'replicas');
    expect(s.filter((p) => p.t <= 200).every((p) => p.n === 2)).toBe(true);
    expect(firstAbove(s, 2)).toBeLessThanOrEqual(211);
  });
});

describe('scheduled autoscaling', () => {
  it('follows its schedule; new replicas serve after the start-up time; removed ones drain', () => {
    const story = spiky({
      mode: 'scheduled',
      schedule: [
        [0, 1],
        [50, 4],
        [120, 2],
      ],
      startupS: 5,
    });
    const prov = series(story.windows, 'replicas');
    const serving = series(story.windows, 'healthyReplicas');
    const at = (s: typeof prov, t: number) => s.find((p) => Math.abs(p.t - t) < 1e-6)!.n;
    expect(at(prov, 10)).toBe(1);
    expect(at(prov, 51)).toBe(4);
    expect(at(serving, 54)).toBe(1);
    expect(at(serving, 56)).toBe(4);
    expect(at(prov, 125)).toBe(2);
    expect(at(prov, 399)).toBe(2);
    expect(story.result().nodes.api!.replicasMax).toBe(4);
  });
});

describe('predictive autoscaling', () => {
  it('scales before the spike arrives, from the profile leadS ahead; reactive only after', () => {
    const pred = spiky({
      mode: 'predictive',
      min: 2,
      max: 6,
      targetUtilization: 0.6,
      leadS: 60,
      intervalS: 10,
      startupS: 20,
    });
    const ready = firstAbove(series(pred.windows, 'healthyReplicas'), 2);
    expect(ready).toBeLessThan(200);
    expect(ready).toBeGreaterThan(140);
    // The spike's first 30 s: the reactive scaler is still starting replicas, the predictive
    // one is ready: its p99 is far lower.
    const p99 = (w: WindowStats[]) =>
      Math.max(...w.filter((x) => x.startS >= 200 && x.startS < 230).map((x) => x.latencyMs.p99));
    expect(p99(pred.windows)).toBeLessThan(p99(spiky(reactive).windows) / 3);
  });
});
