/** Windows for the live charts and the snapshot's timeline. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { client, constant, edge, run, scenario, service, sim } from './harness.ts';

const doc = (durationS: number, warmupS = 2) =>
  scenario({
    durationS,
    warmupS,
    nodes: [
      client('c', { arrival: { process: 'constant', rps: 100 } }),
      service('api', { serviceTimeMs: constant(5) }),
    ],
    edges: [edge('c', 'api', { id: 'c-api' })],
  });

describe('windows', () => {
  it('one window per second with per-node and per-edge figures, warm-up flagged', () => {
    const s = sim(doc(10)).runFor(4.5);
    expect(s.windows.map((w) => w.tS)).toEqual([1, 2, 3, 4]);
    expect(s.windows.map((w) => w.warmup)).toEqual([true, true, false, false]);
    const w = s.windows[3]!;
    expect(w.nodes.api).toMatchObject({
      arrivals: 100,
      ok: 100,
      failed: 0,
      throughputRps: 100,
      queueNow: 0,
    });
    expect(w.nodes.api!.utilization).toBeCloseTo(0.5, 6);
    expect(w.nodes.api!.p50Ms).toBeCloseTo(5, 1);
    expect(w.edges['c-api']).toEqual({ calls: 100, failed: 0 });
    expect(w.latencyMs.p99).toBeCloseTo(5, 1);
    s.runToEnd();
    expect(s.windows).toHaveLength(10);
    expect(s.sim.drainWindows()).toEqual([]);
  });
  it('the timeline has one point per window after warm-up', () => {
    const r = run(doc(10));
    expect(r.timeline.map((p) => p.tS)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.timeline[0]!.throughputRps).toBeCloseTo(100, 0);
  });
  it('a long run coarsens the timeline to at most 5000 points', () => {
    const r = run(doc(12000, 0), { windowS: 1 });
    expect(r.timeline.length).toBeLessThanOrEqual(5000);
    expect(r.timeline.length).toBeGreaterThan(2000);
    expect(r.timeline.at(-1)!.tS).toBe(12000);
  });
  it('a headless run (windows: false) keeps no windows and gives the same results', () => {
    // Presets with warm-up, policies, faults, health checks and caches: every window hook.
    for (const name of ['retry-storm', 'lb-slow-replica', 'cache-stampede', 'read-replicas']) {
      const preset = loadScenarioOrThrow(JSON.parse(readFileSync(`presets/${name}.json`, 'utf8')));
      const headless = sim(preset, { windows: false });
      headless.runToEnd();
      expect(headless.windows).toEqual([]);
      expect(headless.sim.snapshot()).toEqual(run(preset));
    }
  });
});
